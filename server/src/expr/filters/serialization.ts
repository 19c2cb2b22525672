// Serialisation filters: toJson (and its deprecated alias json), toIon, yaml, and jq.
import type { FilterSpec } from '../registry-types';
import { toJsonText, type PebbleValue } from '../values';
import { fail, has, asString } from '../lib/args';
import { toIonText } from '../lib/ion-writer';
import { javaClassName, javaToString } from '../lib/java';
import { runJq } from '../lib/jq';
import { readJson } from '../lib/json-reader';
import { param } from '../lib/spec-helpers';
import { toYamlText } from '../lib/yaml-writer';

const MAX_SHOWN = 300;

/** The value as an error shows it (as Kestra does), its start only when long (an HTTP body, say). */
function shownValue(input: PebbleValue): string {
  const text = javaToString(input);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters)` : text;
}

const toJson: FilterSpec = {
  name: 'toJson',
  params: [],
  returns: 'string',
  description: 'Serialises the value as compact JSON ("null" for null).',
  kestra: true,
  apply: (input) => toJsonText(input ?? null),
};

export const serializationFilters: FilterSpec[] = [
  toJson,
  { ...toJson, name: 'json', deprecated: 'Use toJson instead.', description: 'Deprecated alias of toJson.' },
  {
    name: 'toIon',
    params: [],
    returns: 'string',
    description: 'Serialises the value as Amazon ION text ("null" for null).',
    kestra: true,
    apply: (input) => toIonText(input ?? null),
  },
  {
    name: 'yaml',
    params: [],
    returns: 'string',
    description: 'Serialises the value as a YAML document without the "---" marker ("null" for null).',
    kestra: true,
    apply: (input) => (input === null || input === undefined ? 'null' : toYamlText(input)),
  },
  {
    name: 'jq',
    params: [param('expression', 'string', 'A jq program, e.g. ".items[] | .name".')],
    returns: 'list',
    description:
      'Runs a jq program on the value (a string is read as JSON) and returns the list of its results.',
    kestra: true,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      if (!has(args, 'expression')) fail("The 'jq' filter expects an argument 'expression'.");
      const expression = asString(args.expression, "The 'jq' filter's 'expression'");
      if (expression === null) fail("The 'jq' filter expects a non-null 'expression'.");
      const unable = (cause: string): never =>
        fail(`Unable to parse jq value '${shownValue(input)}' with type '${javaClassName(input)}': ${cause}`);
      let json: string;
      if (typeof input === 'string') {
        try {
          json = toJsonText(readJson(input));
        } catch (error) {
          return unable(`not valid JSON: ${(error as Error).message}`);
        }
      } else json = toJsonText(input);
      try {
        return runJq(json, expression);
      } catch (error) {
        return unable((error as Error).message);
      }
    },
  },
];
