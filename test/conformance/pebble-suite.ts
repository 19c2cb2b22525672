// Pebble conformance: Kestra's own Pebble test cases (pebble-cases.json, goal ≥ 95 % of the runnable
// ones), the partly-checked cases (pebble-cases-partial.json) and the docs claims (informational).
// Failures are split by whether the template calls a filter or function of the registry.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initJq } from '../../server/src/expr/lib/jq';
import { renderValue } from '../../server/src/expr/render';
import type { PebbleValue } from '../../server/src/expr/values';
import { checkPartial } from './pebble-partial';
import { registryUse, render, services, show, unrepresentable, type PebbleCase } from './pebble-cases';
import type { ConformanceSuite, SuiteResult } from './suites';

const GOAL = 0.95;

interface Failure {
  template: string;
  expected: string;
  got: string;
  registry: string[];
  missing: string[];
}

function runCase(testCase: PebbleCase): { pass: boolean; expected: string; got: string } {
  const template = testCase.template ?? '';
  const outcome = render(template, testCase.vars ?? {}, {
    services,
    recursiveRendering: testCase.options?.recursiveRendering === true,
  });
  if (testCase.error) {
    const expected = testCase.errorContains ? `error containing ${show(testCase.errorContains)}` : 'an error';
    if (outcome.ok) return { pass: false, expected, got: `output ${show(outcome.output)}` };
    const pass = !testCase.errorContains || outcome.error.includes(testCase.errorContains);
    return { pass, expected, got: `error ${show(outcome.error)}` };
  }
  const expected = show(testCase.expected);
  if (!outcome.ok) return { pass: false, expected, got: `error ${show(outcome.error)}` };
  return { pass: outcome.output === testCase.expected, expected, got: show(outcome.output) };
}

function formatFailures(title: string, failures: Failure[]): string[] {
  if (failures.length === 0) return [`${title}: none`];
  const lines = [`${title} (${failures.length}):`];
  for (const failure of failures) {
    lines.push(`  - template: ${show(failure.template)}`);
    lines.push(`    expected: ${failure.expected}`);
    lines.push(`    got:      ${failure.got}`);
    if (failure.registry.length) {
      const missing = failure.missing.length ? ` (not registered: ${failure.missing.join(', ')})` : '';
      lines.push(`    uses:     ${failure.registry.join(', ')}${missing}`);
    }
  }
  return lines;
}

function mainCases(corpus: string): { ok: boolean; lines: string[] } {
  const cases = JSON.parse(readFileSync(join(corpus, 'pebble-cases.json'), 'utf8')) as PebbleCase[];
  const skipped: string[] = [];
  const engineFailures: Failure[] = [];
  const registryFailures: Failure[] = [];
  let passed = 0;
  for (const testCase of cases) {
    const tags = (testCase.tags ?? []).filter((tag) => tag === 'javaSpecific' || tag === 'needsStorage');
    const types = unrepresentable(testCase);
    if (tags.length || types.length) {
      skipped.push(`${show(testCase.template)} [${[...tags, ...types].join(', ')}]`);
      continue;
    }
    const result = runCase(testCase);
    if (result.pass) {
      passed++;
      continue;
    }
    const use = registryUse(testCase.template ?? '');
    const callables = use.names.filter((name) => !name.startsWith('is '));
    const failure: Failure = {
      template: testCase.template ?? '',
      expected: result.expected,
      got: result.got,
      registry: use.names,
      missing: use.missing,
    };
    (callables.length ? registryFailures : engineFailures).push(failure);
  }
  const run = cases.length - skipped.length;
  const rate = run === 0 ? 0 : passed / run;
  const lines = [
    `pebble-cases.json: ${passed}/${run} passed (${(rate * 100).toFixed(1)} %), ${run - passed} failed, ${skipped.length} skipped; goal ${GOAL * 100} %`,
    `skipped (${skipped.length}):`,
    ...skipped.map((line) => `  - ${line}`),
    ...formatFailures('failures without registry filters/functions (evaluator)', engineFailures),
    ...formatFailures('failures involving registry filters/functions', registryFailures),
  ];
  return { ok: rate >= GOAL, lines };
}

function partialCases(corpus: string): string[] {
  const cases = JSON.parse(readFileSync(join(corpus, 'pebble-cases-partial.json'), 'utf8')) as PebbleCase[];
  const lines: string[] = [];
  let passed = 0;
  let unchecked = 0;
  const key = randomBytes(32).toString('base64');
  for (const testCase of cases) {
    const vars = JSON.parse(
      JSON.stringify(testCase.vars ?? {}).replace('<kestra.encryption.secret-key>', key),
    ) as Record<string, unknown>;
    if (testCase.mode === 'object') {
      let got: string;
      try {
        got = show(renderValue(testCase.input as PebbleValue, vars, { services }));
      } catch (error) {
        got = `error ${show(error instanceof Error ? error.message : String(error))}`;
      }
      const pass = got === show(testCase.expected);
      if (pass) passed++;
      else lines.push(`  - object ${show(testCase.input)}: expected ${show(testCase.expected)}, got ${got}`);
      continue;
    }
    const outcome = render(testCase.template ?? '', vars, { services });
    const verdict = checkPartial(testCase, outcome);
    if (verdict === 'unchecked') {
      unchecked++;
      lines.push(
        `  - unchecked (${show(testCase.expectedDynamic)}): ${show(testCase.template)} → ${outcome.ok ? show(outcome.output) : `error ${show(outcome.error)}`}`,
      );
    } else if (verdict === 'pass') passed++;
    else {
      const use = registryUse(testCase.template ?? '');
      lines.push(
        `  - FAIL ${show(testCase.template)}: ${verdict}; got ${outcome.ok ? show(outcome.output) : `error ${show(outcome.error)}`}` +
          (use.names.length ? ` [uses ${use.names.join(', ')}]` : ''),
      );
    }
  }
  const checked = cases.length - unchecked;
  return [
    `pebble-cases-partial.json: ${passed}/${checked} checks passed, ${unchecked} dynamic cases not checkable`,
    ...lines,
  ];
}

function docsCases(corpus: string): string[] {
  const docs = JSON.parse(readFileSync(join(corpus, 'pebble-docs-cases.json'), 'utf8')) as {
    cases: PebbleCase[];
  };
  const lines: string[] = [];
  let matched = 0;
  for (const testCase of docs.cases) {
    const outcome = render(testCase.template ?? '', testCase.vars ?? {}, { services });
    const claim = testCase.error ? 'an error' : show(testCase.expectedDocs);
    const match = testCase.error ? !outcome.ok : outcome.ok && outcome.output === testCase.expectedDocs;
    if (match) matched++;
    else {
      lines.push(
        `  - [${String(testCase.status)}] ${show(testCase.template)}: docs say ${claim}, got ${outcome.ok ? show(outcome.output) : `error ${show(outcome.error)}`}`,
      );
    }
  }
  return [
    `pebble-docs-cases.json (informational): ${matched}/${docs.cases.length} match the docs claim`,
    ...lines,
  ];
}

export const pebbleSuite: ConformanceSuite = {
  name: 'pebble',
  async run(corpus: string): Promise<SuiteResult> {
    await initJq();
    const main = mainCases(corpus);
    const report = [...main.lines, '', ...partialCases(corpus), '', ...docsCases(corpus)].join('\n');
    return { ok: main.ok, report };
  },
};
