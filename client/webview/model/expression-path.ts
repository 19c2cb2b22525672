// Builds the Pebble expression that reads a value of the run's outputs, for "copy expression":
// `.key` where Pebble reads a plain name, `['key']` otherwise (ForEach values, dashes, spaces,
// word operators such as `is`), `[0]` for list items.
import { WORD_OPERATORS } from '../../../server/src/expr/operator-table';

export type PathSegment = string | number;

/** What Pebble's lexer reads as one name (a letter or `_`, then letters, digits or `_`). */
const NAME = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

export function isPlainName(key: string): boolean {
  return NAME.test(key) && !WORD_OPERATORS.has(key);
}

/** A single-quoted Pebble string: Pebble unescapes only `\'` inside single quotes. */
export function quotePebbleString(text: string): string {
  return `'${text.replace(/'/g, "\\'")}'`;
}

/** `root` followed by the accessors for `path`, e.g. `outputs.each['a b'].items[0]`. */
export function accessPath(root: string, path: readonly PathSegment[]): string {
  let result = root;
  for (const segment of path) {
    if (typeof segment === 'number') result += `[${segment}]`;
    else if (isPlainName(segment)) result += `.${segment}`;
    else result += `[${quotePebbleString(segment)}]`;
  }
  return result;
}

/** `{{ outputs.<task>.<path> }}` for a value in the outputs tree (first segment: the task id). */
export function outputsExpression(path: readonly PathSegment[]): string {
  return `{{ ${accessPath('outputs', path)} }}`;
}
