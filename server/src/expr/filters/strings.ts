// Text filters: case, trimming, abbreviation, prefixes/suffixes, slugs and Apache-commons substrings.
import type { Args, FilterSpec } from '../registry-types';
import type { PebbleValue } from '../values';
import { asLong, asString, fail, has } from '../lib/args';
import { javaToString } from '../lib/java';
import { slugify } from '../lib/slugify';
import { isJavaWhitespace, param, toStringOf } from '../lib/spec-helpers';

/** `(String) input` for filters whose Java code casts without checking. */
function inputString(input: PebbleValue | undefined, filter: string): string | null {
  return asString(input, `The '${filter}' filter expects a string input`);
}

function changeCase(input: PebbleValue | undefined, upper: boolean): PebbleValue {
  if (input === null || input === undefined) return null;
  const text = javaToString(input);
  return upper ? text.toUpperCase() : text.toLowerCase();
}

/** Character.toTitleCase for one UTF-16 unit: never expands (ß stays ß, unlike toUpperCase). */
function toTitleCase(char: string): string {
  const upper = char.toUpperCase();
  return upper.length === 1 ? upper : char;
}

function capitalizeFirst(text: string): string {
  for (let i = 0; i < text.length; i++) {
    if (!isJavaWhitespace(text[i])) return text.slice(0, i) + toTitleCase(text[i]) + text.slice(i + 1);
  }
  return text;
}

function titleCase(text: string): string {
  let out = '';
  let capitalizeNext = true;
  for (const char of text.split('')) {
    if (isJavaWhitespace(char)) {
      capitalizeNext = true;
      out += char;
    } else if (capitalizeNext) {
      out += toTitleCase(char);
      capitalizeNext = false;
    } else out += char;
  }
  return out;
}

/** Java's String.trim: strips every character up to U+0020 at both ends. */
function javaTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) <= 0x20) start++;
  while (end > start && text.charCodeAt(end - 1) <= 0x20) end--;
  return text.slice(start, end);
}

function abbreviate(text: string, maxWidth: number): string {
  if (maxWidth < 0) fail('Invalid argument to abbreviate filter; must be greater than zero');
  if (text.length < maxWidth || text.length <= 3) return text;
  if (maxWidth <= 3) return text.slice(0, maxWidth);
  return `${text.slice(0, maxWidth - 3)}...`;
}

type Substring = (text: string, separator: string | null) => string;

const substringBefore: Substring = (text, separator) => {
  if (text === '' || separator === null) return text;
  if (separator === '') return '';
  const at = text.indexOf(separator);
  return at < 0 ? text : text.slice(0, at);
};

const substringAfter: Substring = (text, separator) => {
  if (text === '') return text;
  if (separator === null) return '';
  const at = text.indexOf(separator);
  return at < 0 ? '' : text.slice(at + separator.length);
};

const substringBeforeLast: Substring = (text, separator) => {
  if (text === '' || separator === null || separator === '') return text;
  const at = text.lastIndexOf(separator);
  return at < 0 ? text : text.slice(0, at);
};

const substringAfterLast: Substring = (text, separator) => {
  if (text === '') return text;
  if (separator === null || separator === '') return '';
  const at = text.lastIndexOf(separator);
  return at < 0 || at === text.length - separator.length ? '' : text.slice(at + separator.length);
};

function substringFilter(name: string, description: string, cut: Substring): FilterSpec {
  return {
    name,
    params: [param('separator', 'string', 'The text to look for.')],
    returns: 'string',
    description,
    kestra: true,
    apply(input, args: Args) {
      if (input === null || input === undefined) return null;
      if (!has(args, 'separator')) fail(`The '${name}' filter expects an argument 'separator'.`);
      return cut(javaToString(input), asString(args.separator, `The '${name}' filter's 'separator'`));
    },
  };
}

function affixFilter(name: 'startsWith' | 'endsWith', description: string): FilterSpec {
  return {
    name,
    params: [param('value', 'string', 'The prefix or suffix to test.')],
    returns: 'boolean',
    description,
    kestra: true,
    apply(input, args: Args) {
      const text = toStringOf(input, `The input of '${name}'`);
      const value = toStringOf(args.value, `The 'value' argument of '${name}'`);
      return name === 'startsWith' ? text.startsWith(value) : text.endsWith(value);
    },
  };
}

export const stringFilters: FilterSpec[] = [
  {
    name: 'upper',
    params: [],
    returns: 'string',
    description: 'Converts the text to upper case.',
    kestra: false,
    apply: (input) => changeCase(input, true),
  },
  {
    name: 'lower',
    params: [],
    returns: 'string',
    description: 'Converts the text to lower case.',
    kestra: false,
    apply: (input) => changeCase(input, false),
  },
  {
    name: 'capitalize',
    params: [],
    returns: 'string',
    description: 'Upper-cases the first letter of the text, leaving the rest unchanged.',
    kestra: false,
    apply(input) {
      const text = inputString(input, 'capitalize');
      return text === null ? null : capitalizeFirst(text);
    },
  },
  {
    name: 'title',
    params: [],
    returns: 'string',
    description: 'Upper-cases the first letter of every word.',
    kestra: false,
    apply(input) {
      const text = inputString(input, 'title');
      return text === null ? null : titleCase(text);
    },
  },
  {
    name: 'trim',
    params: [],
    returns: 'string',
    description: 'Removes leading and trailing whitespace.',
    kestra: false,
    apply(input) {
      const text = inputString(input, 'trim');
      return text === null ? null : javaTrim(text);
    },
  },
  {
    name: 'abbreviate',
    params: [param('length', 'integer', 'Maximum length of the result, ellipsis included.')],
    returns: 'string',
    description: 'Shortens the text to the given length, ending it with "..." when it was cut.',
    kestra: false,
    apply(input, args) {
      const text = inputString(input, 'abbreviate');
      if (text === null) return null;
      const length = asLong(args.length, "The 'abbreviate' filter's 'length'");
      if (length === null) fail("The 'abbreviate' filter expects an argument 'length'.");
      return abbreviate(text, length);
    },
  },
  affixFilter('startsWith', 'Tells whether the text begins with the given value.'),
  affixFilter('endsWith', 'Tells whether the text ends with the given value.'),
  {
    name: 'slugify',
    params: [],
    returns: 'string',
    description: 'Turns the text into a lower-case, dash-separated slug without accents or symbols.',
    kestra: true,
    apply: (input) => (input === null || input === undefined ? null : slugify(javaToString(input))),
  },
  substringFilter(
    'substringBefore',
    'Keeps the text before the first occurrence of the separator.',
    substringBefore,
  ),
  substringFilter(
    'substringAfter',
    'Keeps the text after the first occurrence of the separator.',
    substringAfter,
  ),
  substringFilter(
    'substringBeforeLast',
    'Keeps the text before the last occurrence of the separator.',
    substringBeforeLast,
  ),
  substringFilter(
    'substringAfterLast',
    'Keeps the text after the last occurrence of the separator.',
    substringAfterLast,
  ),
];
