// Conformance against ../shared/corpus (read in place, never copied). Each suite prints its figures;
// the process exits non-zero when a suite misses its goal.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { suites } from './suites';

const corpus = resolve(process.env.KESTRA_CORPUS ?? resolve(__dirname, '../../../shared/corpus'));

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.error(`conformance: corpus not found at ${corpus} (set KESTRA_CORPUS)`);
    process.exit(2);
  }
  let failed = 0;
  for (const suite of suites) {
    const result = await suite.run(corpus);
    console.log(`\n## ${suite.name}\n${result.report}`);
    console.log(`${suite.name}: ${result.ok ? 'goal met' : 'GOAL MISSED'}`);
    if (!result.ok) failed++;
  }
  process.exit(failed === 0 ? 0 : 1);
}

void main();
