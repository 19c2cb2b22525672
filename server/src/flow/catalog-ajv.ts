// How to compile a Kestra flow schema with ajv so that valid flows get no false errors:
// - `unicodeRegExp: false`: the expression pattern `.*{{.*}}.*` is not a valid `u`-mode regex;
// - Kestra's keywords (`$dynamic`, `markdownDescription`…) are declared, so strict mode stays quiet;
// - the formats are checked: `Property<Duration>` is `oneOf [duration string, expression string]`,
//   and only the format tells `PT5M` from `{{ inputs.delay }}` (without it both branches match).
import Ajv, { type Options } from 'ajv';

export const KESTRA_SCHEMA_KEYWORDS = [
  '$dynamic',
  '$deprecated',
  '$beta',
  '$metrics',
  '$examples',
  'markdownDescription',
];

/** Value formats used by Kestra schemas, as Java parses them (ISO-8601, numbers of seconds for durations). */
export const KESTRA_FORMATS: Record<string, RegExp> = {
  duration:
    /^(?:[-+]?P(?!$)(?:[-+]?\d+D)?(?:T(?=[-+]?\d)(?:[-+]?\d+H)?(?:[-+]?\d+M)?(?:[-+]?\d+(?:[.,]\d{0,9})?S)?)?|\d+(?:\.\d+)?)$/i,
  'date-time':
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)(?:\[[^\]]+\])?$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'partial-time': /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?$/,
  time: /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?$/i,
  uri: /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/,
};

/** An Ajv instance ready to compile a Kestra flow schema (bundled or downloaded). */
export function createKestraAjv(options: Options = {}): Ajv {
  const ajv = new Ajv({
    strict: false,
    unicodeRegExp: false,
    allErrors: true,
    coerceTypes: true,
    ...options,
  });
  for (const keyword of KESTRA_SCHEMA_KEYWORDS) ajv.addKeyword(keyword);
  for (const [name, pattern] of Object.entries(KESTRA_FORMATS)) ajv.addFormat(name, pattern);
  return ajv;
}
