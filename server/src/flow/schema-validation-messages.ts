// Words for schema messages: how a value and an expected type read in a sentence.
import type { Segment } from './schema-validation-locate';

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'a mapping',
  array: 'a list',
  null: 'empty',
};

export function typeWords(types: unknown): string {
  const list = (Array.isArray(types) ? types : [types]).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  const unique = [...new Set(list)];
  return unique.length <= 1
    ? (unique[0] ?? 'a value')
    : `${unique.slice(0, -1).join(', ')} or ${unique[unique.length - 1]}`;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

/** How to name the place a path points at: `'uri'`, `item 2 of 'values'`. */
export function subjectOf(path: Segment[]): string {
  const last = path[path.length - 1];
  if (last === undefined) return 'this value';
  if (typeof last === 'number' || /^\d+$/.test(String(last))) {
    const parent = [...path].reverse().find((s) => typeof s === 'string' && !/^\d+$/.test(s));
    const position = Number(last) + 1;
    return parent ? `item ${position} of '${parent}'` : `item ${position}`;
  }
  return `'${String(last)}'`;
}

/** A value list for a message, shortened when long. */
export function listValues(values: unknown[], max = 12): string {
  const shown = values.slice(0, max).map(String);
  return values.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}
