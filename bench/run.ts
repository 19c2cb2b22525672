// `npm run bench`: runs every section of bench/sections, prints one table per section and writes
// bench/results.json (a section can be chosen by name: `npm run bench -- validation`).
import { renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
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
  // Written as prettier would write it, so that `npm run lint` stays clean after a bench run.
  const options = (await prettier.resolveConfig(output)) ?? {};
  writeFileSync(
    `${output}.tmp`,
    await prettier.format(JSON.stringify(document), { ...options, parser: 'json' }),
  );
  renameSync(`${output}.tmp`, output);
  console.log(`results written to ${output}`);
}

void main();
