// Conformance against ../shared/corpus (read in place, never copied). Each suite prints its figures;
// the process exits non-zero when a suite misses its goal.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { suites, type SuiteResult } from './suites';

const corpus = resolve(process.env.KESTRA_CORPUS ?? resolve(__dirname, '../../../shared/corpus'));

/** A suite that never settles must fail CI, not hang it. */
const SUITE_DEADLINE_MS = 15 * 60 * 1000;

function withDeadline(run: Promise<SuiteResult>, ms: number, name: string): Promise<SuiteResult> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<SuiteResult>((resolveDeadline) => {
    timer = setTimeout(
      () => resolveDeadline({ ok: false, report: `${name} did not finish within ${ms / 60000} minutes.` }),
      ms,
    );
    timer.unref();
  });
  return Promise.race([run, deadline]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  if (!existsSync(corpus)) {
    console.error(`conformance: corpus not found at ${corpus} (set KESTRA_CORPUS)`);
    process.exit(2);
  }
  let failed = 0;
  for (const suite of suites) {
    const started = Date.now();
    const result = await withDeadline(suite.run(corpus), SUITE_DEADLINE_MS, suite.name);
    console.log(`(${suite.name}: ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`\n## ${suite.name}\n${result.report}`);
    console.log(`${suite.name}: ${result.ok ? 'goal met' : 'GOAL MISSED'}`);
    if (!result.ok) failed++;
  }
  process.exit(failed === 0 ? 0 : 1);
}

void main();
