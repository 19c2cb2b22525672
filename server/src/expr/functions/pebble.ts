// Pebble's own functions as Kestra keeps them: max, min, range, and i18n (no bundles exist here).
import type { Args, FunctionSpec } from '../registry-types';
import { isNumber, numberValue, type PebbleValue } from '../values';
import { asString, fail } from '../lib/args';
import { javaToString } from '../lib/java';
import { optional, param } from '../lib/spec-helpers';

function positional(args: Args, first: string): PebbleValue[] {
  const values: PebbleValue[] = [];
  if (args[first] !== undefined) values.push(args[first] as PebbleValue);
  return values.concat(args._rest ?? []);
}

/** OperatorUtils comparison: null never wins, non-numbers fail. */
function compareNumbers(candidate: PebbleValue, current: PebbleValue, greater: boolean): boolean {
  if (candidate === null || current === null) return false;
  if (!isNumber(candidate) || !isNumber(current)) {
    fail(`invalid operands for mathematical comparison [${greater ? 'GREATER_THAN' : 'LESS_THAN'}]`);
  }
  return greater
    ? numberValue(candidate) > numberValue(current)
    : numberValue(candidate) < numberValue(current);
}

function extremum(args: Args, greater: boolean): PebbleValue {
  let best: PebbleValue = null;
  for (const candidate of positional(args, 'values')) {
    if (best === null) best = candidate;
    else if (compareNumbers(candidate, best, greater)) best = candidate;
  }
  return best;
}

function range(args: Args): PebbleValue[] {
  const { start, end } = args;
  const increment = args.increment ?? 1;
  if (!isNumber(increment))
    fail(`The increment of the range function must be a number ${javaToString(increment)}`);
  const step = Math.trunc(numberValue(increment));
  if (step === 0) fail('The increment of the range function must be different than 0');
  const results: PebbleValue[] = [];
  const limit = 10_000_000;
  if (start !== undefined && end !== undefined && isNumber(start) && isNumber(end)) {
    const from = Math.trunc(numberValue(start));
    const to = Math.trunc(numberValue(end));
    for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
      results.push(i);
      if (results.length > limit) fail(`The range from ${from} to ${to} is too large`);
    }
    return results;
  }
  if (typeof start === 'string' && typeof end === 'string' && start.length === 1 && end.length === 1) {
    const from = start.charCodeAt(0);
    const to = end.charCodeAt(0);
    for (let i = from; step > 0 ? i <= to : i >= to; i += step) results.push(String.fromCharCode(i));
    return results;
  }
  fail('Arguments of range function must be of type Number or String with a length of 1');
}

export const pebbleFunctions: FunctionSpec[] = [
  {
    name: 'max',
    params: [{ name: 'values', type: 'number', variadic: true, description: 'Numbers to compare.' }],
    returns: 'number',
    description: 'Returns the largest of its arguments.',
    kestra: false,
    call: (args) => extremum(args, true),
  },
  {
    name: 'min',
    params: [{ name: 'values', type: 'number', variadic: true, description: 'Numbers to compare.' }],
    returns: 'number',
    description: 'Returns the smallest of its arguments.',
    kestra: false,
    call: (args) => extremum(args, false),
  },
  {
    name: 'range',
    params: [
      param('start', 'integer | string', 'First value (a number, or a single character).'),
      param('end', 'integer | string', 'Last value, included.'),
      optional('increment', 'integer', 1, 'Step between values (negative to count down).'),
    ],
    returns: 'list',
    description: 'Lists the numbers (or characters) from start to end inclusive, by the increment.',
    kestra: false,
    call: (args) => range(args),
  },
  {
    name: 'i18n',
    params: [
      param('bundle', 'string', 'Base name of a Java resource bundle.'),
      param('key', 'string', 'Message key in the bundle.'),
      optional('params', 'list', undefined, 'Values for the message placeholders.'),
    ],
    returns: 'string',
    description:
      'Looks up a message in a Java resource bundle; no bundle is available outside a Kestra server.',
    kestra: false,
    call(args) {
      const bundle = asString(args.bundle, "The 'i18n' function's 'bundle'");
      if (bundle === null) fail("The 'i18n' function expects a 'bundle' name");
      fail(`Can't find bundle for base name ${bundle}, locale en_US`);
    },
  },
];
