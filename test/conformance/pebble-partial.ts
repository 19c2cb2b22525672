// Checks of pebble-cases-partial.json: each case asserts only part of the output (contains, starts
// with, a JSON subset, an integer range…), or a value that depends on the clock.
import { isDeepStrictEqual } from 'node:util';
import type { Outcome, PebbleCase } from './pebble-cases';

/** 'pass', 'unchecked' (dynamic value we cannot predict), or the reason it failed. */
export function checkPartial(testCase: PebbleCase, outcome: Outcome): string {
  if (!outcome.ok) return 'rendering failed';
  const out = outcome.output;
  const problems: string[] = [];
  if (typeof testCase.expected === 'string' && out !== testCase.expected)
    problems.push(`expected ${JSON.stringify(testCase.expected)}`);
  for (const part of (testCase.expectedContains as string[] | undefined) ?? []) {
    if (!out.includes(part)) problems.push(`missing ${JSON.stringify(part)}`);
  }
  const startsWith = testCase.expectedStartsWith as string | undefined;
  if (startsWith !== undefined && !out.startsWith(startsWith))
    problems.push(`does not start with ${JSON.stringify(startsWith)}`);
  const endsWith = testCase.expectedEndsWith as string | undefined;
  if (endsWith !== undefined && !out.endsWith(endsWith))
    problems.push(`does not end with ${JSON.stringify(endsWith)}`);
  if (testCase.expectedNot !== undefined && out === testCase.expectedNot)
    problems.push(`equals ${JSON.stringify(testCase.expectedNot)}`);
  if (testCase.expectedNonEmpty && out.length === 0) problems.push('is empty');
  const range = testCase.expectedIntRange as [number, number] | undefined;
  if (range) {
    const value = Number(out);
    if (!/^-?\d+$/.test(out) || value < range[0] || value > range[1])
      problems.push(`not an integer in [${range[0]}, ${range[1]}]`);
  }
  if (testCase.expectedJsonArrayHasItems !== undefined) {
    const items = parseJson(out);
    const wanted = testCase.expectedJsonArrayHasItems as unknown[];
    if (
      !Array.isArray(items) ||
      !wanted.every((item) => items.some((other) => isDeepStrictEqual(other, item)))
    ) {
      problems.push(`JSON array lacks ${JSON.stringify(wanted)}`);
    }
  }
  if (testCase.expectedJsonHas !== undefined) {
    const object = parseJson(out) as Record<string, unknown> | undefined;
    const wanted = testCase.expectedJsonHas as Record<string, unknown>;
    if (!object || !Object.entries(wanted).every(([key, value]) => isDeepStrictEqual(object[key], value))) {
      problems.push(`JSON object lacks ${JSON.stringify(wanted)}`);
    }
  }
  if (testCase.expectedDynamic !== undefined) {
    const verdict = checkDynamic(testCase.template ?? '', out);
    if (verdict === 'unchecked') return problems.length ? problems.join('; ') : 'unchecked';
    if (verdict !== 'pass') problems.push(verdict);
  }
  return problems.length ? problems.join('; ') : 'pass';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function datePartsIn(zone: string): { date: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minute: `${get('hour')}:${get('minute')}` };
}

/** The clock-dependent cases we can check: `now()` formatted today. */
function checkDynamic(template: string, out: string): string {
  if (template.includes('iso_local_date')) {
    const today = datePartsIn(Intl.DateTimeFormat().resolvedOptions().timeZone).date;
    return out === today ? 'pass' : `expected today's date ${today}`;
  }
  if (template.includes('Europe/Lisbon')) {
    const now = datePartsIn('Europe/Lisbon');
    return out.includes(now.date) && out.includes(now.minute)
      ? 'pass'
      : `expected ${now.date} and ${now.minute} (Lisbon)`;
  }
  return 'unchecked';
}
