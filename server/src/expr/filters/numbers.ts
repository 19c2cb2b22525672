// Number filters: abs, numberFormat (Java DecimalFormat), number (string → number), className.
import type { FilterSpec } from '../registry-types';
import { PebbleDouble, isDouble, isNumber, makeDouble, numberValue, type PebbleValue } from '../values';
import { asString, fail } from '../lib/args';
import { formatDecimal } from '../lib/decimal-format';
import { PebbleFloat, javaClassName } from '../lib/java';
import { parseJavaNumber } from '../lib/java-number';
import { optional } from '../lib/spec-helpers';

function abs(input: PebbleValue | undefined): PebbleValue {
  if (input === null || input === undefined) fail('Can not pass null value to "abs" filter.');
  if (!isNumber(input)) fail("The 'abs' filter does require as input a number.");
  if (input instanceof PebbleFloat) return new PebbleFloat(Math.abs(input.value));
  if (input instanceof PebbleDouble) return makeDouble(Math.abs(input.value));
  return Math.abs(input);
}

export const numberFilters: FilterSpec[] = [
  {
    name: 'abs',
    params: [],
    returns: 'number',
    description: 'Returns the absolute value of a number.',
    kestra: false,
    apply: (input) => abs(input),
  },
  {
    name: 'numberFormat',
    params: [optional('format', 'string', '#,##0.###', 'A Java DecimalFormat pattern such as "#,##0.00".')],
    returns: 'string',
    description: 'Formats a number with a Java DecimalFormat pattern (US symbols, half-even rounding).',
    kestra: false,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      if (!isNumber(input)) fail("The input for the 'NumberFormat' filter has to be a number.");
      const format = asString(args.format, "The 'numberFormat' filter's 'format'") ?? '#,##0.###';
      return formatDecimal(numberValue(input), isDouble(input), format);
    },
  },
  {
    name: 'number',
    params: [optional('type', 'string', undefined, 'INT, FLOAT, LONG, DOUBLE, BIGDECIMAL or BIGINTEGER.')],
    returns: 'number',
    description: 'Parses a string into a number, of the given type or of the smallest type that fits.',
    kestra: true,
    apply(input, args) {
      if (input === null || input === undefined) return null;
      if (typeof input !== 'string') {
        fail(`'number' filter can only be applied to String. Actual type was: ${javaClassName(input)}`);
      }
      return parseJavaNumber(input, asString(args.type, "The 'number' filter's 'type'") ?? '');
    },
  },
  {
    name: 'className',
    params: [],
    returns: 'string',
    description: 'Returns the Java class name of the value (e.g. java.lang.String).',
    kestra: true,
    apply: (input) => (input === null || input === undefined ? null : javaClassName(input)),
  },
];
