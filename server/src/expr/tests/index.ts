// Every test (`x is name`), Pebble's and Kestra's.
import type { TestSpec } from '../registry-types';
import { PebbleError } from '../errors';
import { isMap, isLong, type PebbleValue } from '../values';
import { asString, fail } from '../lib/args';
import { isEmptyValue } from '../lib/emptiness';
import { javaClassName } from '../lib/java';
import { readJson } from '../lib/json-reader';

function isEven(input: PebbleValue | undefined, test: string): boolean {
  if (input === null || input === undefined) fail(`Can not pass null value to "${test}" test.`);
  if (!isLong(input))
    fail(
      `The '${test}' test expects an integer: class ${javaClassName(input)} cannot be cast to class java.lang.Long`,
    );
  return input % 2 === 0;
}

function isJson(input: PebbleValue | undefined): boolean {
  const text = asString(input, "The 'json' test expects a string");
  if (text === null) fail("The 'json' test expects a string, not null");
  if (text.trim() === '') return true;
  try {
    readJson(text);
    return true;
  } catch (error) {
    if (error instanceof PebbleError) return false;
    throw error;
  }
}

export const allTests: TestSpec[] = [
  {
    name: 'defined',
    params: [],
    description: 'True when the expression refers to something that exists and is not null.',
    kestra: false,
    acceptsUndefined: true,
    test: (input) => input !== undefined && input !== null,
  },
  {
    name: 'null',
    params: [],
    description: 'True when the value is null.',
    kestra: false,
    test: (input) => input === null || input === undefined,
  },
  {
    name: 'empty',
    params: [],
    description: 'True for null, a blank string, an empty list or an empty map.',
    kestra: false,
    test: (input) => isEmptyValue(input),
  },
  {
    name: 'even',
    params: [],
    description: 'True when the integer is even.',
    kestra: false,
    test: (input) => isEven(input, 'even'),
  },
  {
    name: 'odd',
    params: [],
    description: 'True when the integer is odd.',
    kestra: false,
    test: (input) => !isEven(input, 'odd'),
  },
  {
    name: 'iterable',
    params: [],
    description: 'True when the value is a list (something a for loop can walk item by item).',
    kestra: false,
    test: (input) => Array.isArray(input),
  },
  {
    name: 'map',
    params: [],
    description: 'True when the value is a map.',
    kestra: false,
    test: (input) => isMap(input),
  },
  {
    name: 'json',
    params: [],
    description: 'True when the string parses as JSON.',
    kestra: true,
    test: (input) => isJson(input),
  },
];
