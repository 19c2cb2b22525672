// `npm run bench`: runs every section of bench/sections, prints one table per section and writes
// bench/results.json (a section can be chosen by name: `npm run bench -- validation`; the other
// sections keep their earlier figures, each with its date), then the README's summary of it.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { readmeSummary, withSummary, type BenchResults } from './readme-summary';
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
  const output = resolve(__dirname, 'results.json');
  const earlier = existsSync(output) ? (JSON.parse(readFileSync(output, 'utf8')) as BenchResults) : undefined;
  // Sections not run now keep their figures; every section says when it was measured.
  const results: BenchResults['sections'] = {};
  for (const section of sections) {
    const kept = earlier?.sections[section.name];
    if (kept && !chosen.includes(section))
      results[section.name] = { generatedAt: earlier.generatedAt, ...kept };
  }
  for (const section of chosen) {
    const table = await section.run();
    results[section.name] = { title: section.title, generatedAt: new Date().toISOString(), ...table };
    console.log(formatTable(section.title, table));
  }
  const document: BenchResults = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    sections: Object.fromEntries(
      sections.flatMap((s) => (results[s.name] ? [[s.name, results[s.name]]] : [])),
    ),
  };
  // Written as prettier would write it, so that `npm run lint` stays clean after a bench run.
  const options = (await prettier.resolveConfig(output)) ?? {};
  writeFileSync(
    `${output}.tmp`,
    await prettier.format(JSON.stringify(document), { ...options, parser: 'json' }),
  );
  renameSync(`${output}.tmp`, output);
  console.log(`results written to ${output}`);
  const readmePath = resolve(__dirname, '../README.md');
  const readme = withSummary(readFileSync(readmePath, 'utf8'), readmeSummary(document));
  if (readme) {
    writeFileSync(readmePath, readme);
    console.log(`README performance summary updated`);
  }
}

void main();
