// Digest filters: lower-case hex of the UTF-8 bytes of a string.
import { createHash } from 'node:crypto';
import type { FilterSpec } from '../registry-types';
import { fail } from '../lib/args';

function digestFilter(name: string, algorithm: string, label: string, kestra: boolean): FilterSpec {
  return {
    name,
    params: [],
    returns: 'string',
    description: `Computes the ${label} digest of the text, as lower-case hexadecimal.`,
    kestra,
    apply(input) {
      if (input === null || input === undefined) return null;
      if (typeof input !== 'string')
        fail(`Need a string to hash (the '${name}' filter got a non-string input)`);
      return createHash(algorithm).update(input, 'utf8').digest('hex');
    },
  };
}

export const hashingFilters: FilterSpec[] = [
  digestFilter('sha256', 'sha256', 'SHA-256', false),
  digestFilter('sha1', 'sha1', 'SHA-1', true),
  digestFilter('sha512', 'sha512', 'SHA-512', true),
  digestFilter('md5', 'md5', 'MD5', true),
];
