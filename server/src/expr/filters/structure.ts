// Kestra's structural filters: keys, values, chunk, flatten.
import type { FilterSpec } from '../registry-types';
import { isMap } from '../values';
import { asLong, fail, has } from '../lib/args';
import { javaClassName } from '../lib/java';
import { param } from '../lib/spec-helpers';

export const structureFilters: FilterSpec[] = [
  {
    name: 'keys',
    params: [],
    returns: 'list',
    description: "Lists a map's keys, or a list's indexes (0 to size - 1).",
    kestra: true,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (isMap(input)) return Object.keys(input);
      if (Array.isArray(input)) return input.map((_item, index) => index);
      fail(`'keys' filter can only be applied to List, Map, Array. Actual type was: ${javaClassName(input)}`);
    },
  },
  {
    name: 'values',
    params: [],
    returns: 'list',
    description: "Lists a map's values.",
    kestra: true,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (isMap(input)) return Object.values(input);
      fail(`'values' filter can only be applied to Map. Actual type was: ${javaClassName(input)}`);
    },
  },
  {
    name: 'chunk',
    params: [param('size', 'integer', 'Number of items per chunk (the last one may be shorter).')],
    returns: 'list',
    description: 'Splits a list into consecutive sub-lists of the given size.',
    kestra: true,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      if (!has(args, 'size')) fail("'chunk' filter expects an argument 'size'.");
      if (!Array.isArray(input)) {
        fail(`'chunk' filter can only be applied to List. Actual type was: ${javaClassName(input)}`);
      }
      const size = asLong(args.size, "'chunk' filter's 'size'");
      if (size === null || size <= 0) fail(`'chunk' filter expects a size greater than 0, got ${size}`);
      const chunks = [];
      for (let i = 0; i < input.length; i += size) chunks.push(input.slice(i, i + size));
      return chunks;
    },
  },
  {
    name: 'flatten',
    params: [],
    returns: 'list',
    description: 'Flattens one level of nesting: items that are lists are replaced by their items.',
    kestra: true,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (!Array.isArray(input)) fail("The 'flatten' filter can only be applied to lists.");
      return input.flatMap((item) => (Array.isArray(item) ? item : [item]));
    },
  },
];
