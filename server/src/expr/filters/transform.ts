// Filters that rewrite text, some recursively through maps and lists: escapeChar, replace, split,
// indent and nindent.
import type { Args, FilterSpec } from '../registry-types';
import { isMap, type PebbleMap, type PebbleValue } from '../values';
import { asBoolean, asInteger, asLong, asString, fail, has } from '../lib/args';
import { javaClassName, javaToString } from '../lib/java';
import { javaReplaceAll, javaSplit } from '../lib/java-regex';
import { optional, param } from '../lib/spec-helpers';

/** Applies `rewrite` to a string, or to every leaf of a map/list (non-string leaves via toString). */
function deepRewrite(value: PebbleValue, rewrite: (text: string) => string, what: string): PebbleValue {
  if (Array.isArray(value)) return value.map((item) => deepRewrite(item, rewrite, what));
  if (isMap(value)) {
    const out: PebbleMap = {};
    for (const [key, item] of Object.entries(value)) out[key] = deepRewrite(item, rewrite, what);
    return out;
  }
  if (value === null) fail(`${what}: a null value inside the input cannot be converted to a string`);
  return rewrite(javaToString(value));
}

const ESCAPES: Record<string, [string, string]> = {
  single: ["'", "\\'"],
  double: ['"', '\\"'],
  shell: ["'", "'\\''"],
};

function escapeType(args: Args): [string, string] {
  if (!has(args, 'type')) fail("The 'escapeChar' filter expects an argument 'type'.");
  const type = typeof args.type === 'string' ? args.type.toLowerCase() : '';
  const escape = ESCAPES[type];
  if (!escape) {
    fail("The 'escapeChar' filter expects the value of 'type' to be either 'single', 'double', or 'shell'.");
  }
  return escape;
}

function replacePairs(args: Args): [string, string][] {
  const pairs = args.replace_pairs;
  if (pairs === null || pairs === undefined) fail("The argument 'replace_pairs' is required.");
  if (!isMap(pairs)) fail(`The argument 'replace_pairs' must be a map, not ${javaClassName(pairs)}.`);
  return Object.entries(pairs).map(([key, value]) => {
    if (value === null) fail(`The replacement for '${key}' in 'replace_pairs' is null.`);
    return [key, javaToString(value)];
  });
}

/** Java's String.replace(target, replacement): an empty target inserts around every character. */
function literalReplace(text: string, target: string, replacement: string): string {
  if (target === '') return replacement + text.split('').join(replacement) + (text === '' ? '' : replacement);
  return text.split(target).join(replacement);
}

/** System.lineSeparator() is "\n" here; the input's own separator wins when it has one. */
function lineSeparator(text: string): string {
  if (text.includes('\r\n')) return '\r\n';
  if (text.includes('\n\r')) return '\n\r';
  if (text.includes('\n')) return '\n';
  if (text.includes('\r')) return '\r';
  return '\n';
}

function indentFilter(name: 'indent' | 'nindent', description: string): FilterSpec {
  return {
    name,
    params: [
      param('amount', 'integer', 'How many times the prefix is repeated (0 or more).'),
      optional('prefix', 'string', ' ', 'The text repeated to indent each line.'),
    ],
    returns: 'string',
    description,
    kestra: true,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      const text = javaToString(input);
      if (text === '') return text;
      if (!has(args, 'amount')) fail(`The '${name}' filter expects an integer as argument 'amount'.`);
      const amount = asLong(args.amount, `The '${name}' filter's 'amount'`);
      if (amount === null || amount < 0) {
        fail(`The '${name}' filter expects a positive integer >=0 as argument 'amount'.`);
      }
      const prefix = has(args, 'prefix') ? asString(args.prefix, `The '${name}' filter's 'prefix'`) : ' ';
      if (prefix === null) fail(`The '${name}' filter's 'prefix' must not be null.`);
      const newLine = lineSeparator(text);
      const source = name === 'nindent' ? newLine + text : text;
      return source.split(newLine).join(newLine + prefix.repeat(amount));
    },
  };
}

export const transformFilters: FilterSpec[] = [
  {
    name: 'escapeChar',
    params: [param('type', 'string', "'single', 'double' or 'shell' (any case).")],
    returns: 'string',
    description:
      'Escapes quotes for single-quoted, double-quoted or shell strings, also inside maps and lists.',
    kestra: true,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      return deepRewrite(
        input,
        (text) => {
          const [original, replacement] = escapeType(args);
          return text.split(original).join(replacement);
        },
        'escapeChar',
      );
    },
  },
  {
    name: 'replace',
    params: [
      param('replace_pairs', 'map', 'Each key is replaced by its value.'),
      optional('regexp', 'boolean', false, 'Treat keys as Java regular expressions ($1 refers to groups).'),
    ],
    returns: 'string',
    description: 'Replaces every occurrence of each key of the map by its value, also inside maps and lists.',
    kestra: true,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      const pairs = replacePairs(args);
      const regexp = has(args, 'regexp') ? asBoolean(args.regexp, "The 'replace' filter's 'regexp'") : false;
      const rewrite = (text: string): string => {
        let data = text;
        for (const [key, value] of pairs) {
          data = regexp ? javaReplaceAll(data, key, value) : literalReplace(data, key, value);
        }
        return data;
      };
      return deepRewrite(input, rewrite, 'replace');
    },
  },
  {
    name: 'split',
    params: [
      param('delimiter', 'string', 'A Java regular expression.'),
      optional(
        'limit',
        'integer',
        undefined,
        'Maximum number of parts (negative: no limit, keep empty ones).',
      ),
    ],
    returns: 'list',
    description: 'Splits the text around matches of a regular expression.',
    kestra: false,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      const delimiter = asString(args.delimiter, "The 'split' filter's 'delimiter'");
      if (delimiter === null) fail('missing delimiter parameter in split filter');
      const text = asString(input, "The 'split' filter expects a string input");
      const limit = asInteger(args.limit, "The 'split' filter's 'limit'") ?? 0;
      return javaSplit(text ?? '', delimiter, limit);
    },
  },
  indentFilter('indent', 'Indents every line but the first with the prefix repeated "amount" times.'),
  indentFilter(
    'nindent',
    'Starts with a new line, then indents every line with the prefix repeated "amount" times.',
  ),
];
