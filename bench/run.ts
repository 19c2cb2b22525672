// `npm run bench`: runs every section of bench/sections, prints one table per section and writes
// bench/results.json (a section can be chosen by name: `npm run bench -- validation`).
import { renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import type { BenchTable } from './bench-types';
import { sections } from './sections';
import { formatTable } from './table';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const chosen = only.length ? sections.filter((s) => only.includes(s.name)) : sections;
  if (chosen.length === 0) {
    console.error(
      `bench: no section named ${only.join(', ')} (known: ${sections.map((s) => s.name).join(', ')})`,
    );
    process.exit(2);
  }
  const results: Record<string, BenchTable & { title: string }> = {};
  for (const section of chosen) {
    const table = await section.run();
    results[section.name] = { title: section.title, ...table };
    console.log(formatTable(section.title, table));
  }
  const output = resolve(__dirname, 'results.json');
  const document = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    sections: results,
  };
  writeFileSync(`${output}.tmp`, `${JSON.stringify(document, null, 2)}\n`);
  renameSync(`${output}.tmp`, output);
  console.log(`results written to ${output}`);
}

void main();
