// Parsing functions: fromJson (and its deprecated alias json), yaml, fromIon.
import { PebbleError } from '../errors';
import type { Args, FunctionSpec } from '../registry-types';
import type { PebbleValue } from '../values';
import { fail, has } from '../lib/args';
import { readIon } from '../lib/ion-reader';
import { readJson } from '../lib/json-reader';
import { param } from '../lib/spec-helpers';
import { readYaml } from '../lib/yaml-reader';

/** The shared shape of Kestra's parsing functions: argument checks, then "Invalid <kind>: <cause>". */
function parser(
  name: string,
  argument: string,
  kind: string,
  read: (text: string) => PebbleValue,
  nullAllowed: boolean,
): (args: Args) => PebbleValue {
  return (args) => {
    if (!has(args, argument)) fail(`The '${name}' function expects an argument '${argument}'.`);
    const text = args[argument];
    if (text === null && nullAllowed) return null;
    if (typeof text !== 'string')
      fail(`The '${name}' function expects an argument '${argument}' with type string.`);
    try {
      return read(text);
    } catch (error) {
      // A resource limit stays a limit; anything else is Kestra's "Invalid <kind>".
      if (error instanceof PebbleError && error.kind !== 'limit') fail(`Invalid ${kind}: ${error.message}`);
      throw error;
    }
  };
}

const fromJson: FunctionSpec = {
  name: 'fromJson',
  params: [param('json', 'string', 'JSON text.')],
  returns: 'any',
  description: 'Parses JSON text into a map, list or scalar (null gives null).',
  kestra: true,
  call: parser('fromJson', 'json', 'json', readJson, true),
};

export const dataFunctions: FunctionSpec[] = [
  fromJson,
  {
    ...fromJson,
    name: 'json',
    description: 'Deprecated alias of fromJson.',
    deprecated: 'Use fromJson instead.',
    call: parser('json', 'json', 'json', readJson, true),
  },
  {
    name: 'yaml',
    params: [param('yaml', 'string', 'YAML text.')],
    returns: 'any',
    description: 'Parses YAML text into a map, list or scalar.',
    kestra: true,
    call: parser('yaml', 'yaml', 'yaml', readYaml, false),
  },
  {
    name: 'fromIon',
    params: [param('ion', 'string', 'Amazon ION text.')],
    returns: 'any',
    description: 'Parses Amazon ION text into a map, list or scalar (null gives null).',
    kestra: true,
    call: parser('fromIon', 'ion', 'ion', readIon, true),
  },
];
