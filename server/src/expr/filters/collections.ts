// List and map filters: first, last, length, join, merge, reverse, sort, rsort, slice, default.
// Java's reverse/sort work in place on the input list; here they return a new list so that a
// variable's value never changes behind the template's back.
import type { FilterSpec } from '../registry-types';
import { isMap, isNumber, numberValue, type PebbleMap, type PebbleValue } from '../values';
import { asString, fail } from '../lib/args';
import { javaCompare } from '../lib/compare';
import { javaClassName, javaToString } from '../lib/java';
import { isEmptyValue } from '../lib/emptiness';
import { optional } from '../lib/spec-helpers';

function castList(input: PebbleValue, filter: string): PebbleValue[] {
  if (!Array.isArray(input)) {
    fail(
      `The '${filter}' filter expects a list: class ${javaClassName(input)} cannot be cast to class java.util.List`,
    );
  }
  return input;
}

function charAt(text: string, index: number): string {
  if (index < 0 || index >= text.length) fail(`Index ${index} out of bounds for length ${text.length}`);
  return text[index];
}

function merge(input: PebbleValue, items: PebbleValue): PebbleValue {
  if (isMap(input)) {
    const out: PebbleMap = { ...input };
    if (isMap(items)) Object.assign(out, items);
    else if (Array.isArray(items)) for (const item of items) out[javaToString(item)] = item;
    else fail(`Currently, only Maps and Lists can be merged with a Map. Arg2: ${javaClassName(items)}`);
    return out;
  }
  if (Array.isArray(input)) {
    if (Array.isArray(items)) return [...input, ...items];
    if (isMap(items)) return [...input, ...Object.entries(items).map(([key, value]) => ({ [key]: value }))];
    fail(`Currently, only Maps and Lists can be merged with a List. Arg2: ${javaClassName(items)}`);
  }
  fail('The object being filtered is not a Map/List/Array');
}

function indexArg(value: PebbleValue | undefined, name: string): number | null {
  if (value === undefined || value === null) return null;
  if (!isNumber(value)) fail(`Argument ${name} must be a number. Actual type: ${javaClassName(value)}`);
  return Math.trunc(numberValue(value));
}

function slice(
  input: PebbleValue,
  fromArg: PebbleValue | undefined,
  toArg: PebbleValue | undefined,
): PebbleValue {
  const from = indexArg(fromArg, 'fromIndex') ?? 0;
  if (from < 0) fail('fromIndex must be greater than 0');
  let length: number;
  if (Array.isArray(input) || typeof input === 'string') length = input.length;
  else {
    fail(
      `Slice filter can only be applied to String, List and array inputs. Actual type was: ${javaClassName(input)}`,
    );
  }
  let to = indexArg(toArg, 'toIndex');
  if (to === null) to = length;
  else if (to > length) fail(`toIndex must be smaller than input size: ${length}`);
  else if (from >= to) fail('toIndex must be greater than fromIndex');
  if (from > to) fail(`begin ${from}, end ${to}, length ${length}`);
  return input.slice(from, to);
}

export const collectionFilters: FilterSpec[] = [
  {
    name: 'first',
    params: [],
    returns: 'any',
    description: 'Returns the first item of a list, or the first character of a string.',
    kestra: false,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (typeof input === 'string') return charAt(input, 0);
      const list = castList(input, 'first');
      return list.length > 0 ? list[0] : null;
    },
  },
  {
    name: 'last',
    params: [],
    returns: 'any',
    description: 'Returns the last item of a list, or the last character of a string.',
    kestra: false,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (typeof input === 'string') return charAt(input, input.length - 1);
      const list = castList(input, 'last');
      return list.length > 0 ? list[list.length - 1] : null;
    },
  },
  {
    name: 'length',
    params: [],
    returns: 'integer',
    description:
      'Counts the characters of a string, the items of a list or the entries of a map (0 for null).',
    kestra: false,
    apply(input) {
      if (typeof input === 'string' || Array.isArray(input)) return input.length;
      if (isMap(input)) return Object.keys(input).length;
      return 0;
    },
  },
  {
    name: 'join',
    params: [optional('separator', 'string', undefined, 'Text placed between items.')],
    returns: 'string',
    description: 'Concatenates the items of a list, with an optional separator between them.',
    kestra: false,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      const separator = asString(args.separator, "The 'join' filter's 'separator'") ?? '';
      if (!Array.isArray(input))
        fail("The 'join' filter expects that the input is either a collection or an array.");
      return input.map((item) => javaToString(item)).join(separator);
    },
  },
  {
    name: 'merge',
    params: [optional('items', 'list | map', undefined, 'The list or map to add.')],
    returns: 'list | map',
    description: 'Combines two lists (concatenation) or two maps (right-hand keys win).',
    kestra: false,
    apply(input, args) {
      const items = args.items ?? null;
      if (input === null || input === undefined) {
        if (items === null) fail('The two arguments to be merged are null');
        return items;
      }
      return items === null ? input : merge(input, items);
    },
  },
  {
    name: 'reverse',
    params: [],
    returns: 'list',
    description: 'Reverses the order of a list.',
    kestra: false,
    apply: (input) =>
      input === null || input === undefined ? null : [...castList(input, 'reverse')].reverse(),
  },
  {
    name: 'sort',
    params: [],
    returns: 'list',
    description: 'Sorts a list in ascending natural order.',
    kestra: false,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (!Array.isArray(input)) fail('Unsupported input type for sort filter');
      return [...input].sort(javaCompare);
    },
  },
  {
    name: 'rsort',
    params: [],
    returns: 'list',
    description: 'Sorts a list in descending natural order.',
    kestra: false,
    apply: (input) =>
      input === null || input === undefined
        ? null
        : [...castList(input, 'rsort')].sort((a, b) => javaCompare(b, a)),
  },
  {
    name: 'slice',
    params: [
      optional('fromIndex', 'integer', 0, 'First index kept (inclusive).'),
      optional('toIndex', 'integer', undefined, 'End index (exclusive); the length by default.'),
    ],
    returns: 'list | string',
    description: 'Extracts part of a list or string between two indexes.',
    kestra: false,
    apply: (input, args) =>
      input === null || input === undefined ? null : slice(input, args.fromIndex, args.toIndex),
  },
  {
    name: 'default',
    params: [optional('default', 'any', undefined, 'The value used instead (null when omitted).')],
    returns: 'any',
    description:
      'Replaces an undefined, null or empty value (blank string, empty list or map) by the argument.',
    kestra: false,
    acceptsUndefined: true,
    apply: (input, args) => (isEmptyValue(input) ? (args.default ?? null) : (input as PebbleValue)),
  },
];
