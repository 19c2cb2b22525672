// How Pebble values look to Java code: class names and `toString()`, used by filters that call
// `input.toString()` and by error messages that quote a value or its class.
import { PebbleDouble, formatJavaDouble, isPebbleObject, type PebbleValue } from '../values';

/** A Java Float (e.g. from the `number` filter): a Double to the evaluator, a Float to `className`/`toIon`. */
export class PebbleFloat extends PebbleDouble {}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * The Java class of a value. Integral numbers within the int range report `java.lang.Integer` because
 * values read from JSON (variables, outputs, jq results) are Integers in Kestra; larger ones are Longs.
 */
export function javaClassName(value: PebbleValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (value instanceof PebbleFloat) return 'java.lang.Float';
  if (value instanceof PebbleDouble) return 'java.lang.Double';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'java.lang.Double';
    return value >= INT_MIN && value <= INT_MAX ? 'java.lang.Integer' : 'java.lang.Long';
  }
  if (isPebbleObject(value)) return javaObjectClass(value.pebbleKind);
  if (Array.isArray(value)) return 'java.util.ArrayList';
  return 'java.util.LinkedHashMap';
}

function javaObjectClass(kind: string): string {
  switch (kind) {
    case 'ZonedDateTime':
    case 'Instant':
    case 'LocalDateTime':
    case 'LocalDate':
    case 'LocalTime':
    case 'Duration':
      return `java.time.${kind}`;
    case 'Date':
      return 'java.util.Date';
    default:
      return kind.includes('.') ? kind : `java.lang.${kind}`;
  }
}

/** Java's `String.valueOf(value)`: maps as `{a=1, b=2}`, lists as `[a, b]`, doubles as `1.0`. */
export function javaToString(value: PebbleValue | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof PebbleFloat) return formatJavaFloat(value.value);
  if (value instanceof PebbleDouble) return formatJavaDouble(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatJavaDouble(value);
  if (isPebbleObject(value)) return value.toPebbleString();
  if (Array.isArray(value)) return `[${value.map((item) => javaToString(item)).join(', ')}]`;
  const parts = Object.entries(value).map(([key, item]) => `${key}=${javaToString(item)}`);
  return `{${parts.join(', ')}}`;
}

/** Java's Float.toString: the shortest decimal that reads back as the same float. */
export function formatJavaFloat(value: number): string {
  const float = Math.fround(value);
  if (!Number.isFinite(float) || float === 0) return formatJavaDouble(float);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = Number(float.toPrecision(digits));
    if (Math.fround(candidate) === float) return formatJavaDouble(candidate);
  }
  return formatJavaDouble(float);
}

/** The double a Java Float widens to (what Jackson writes for a Float in ION, for instance). */
export function floatAsDouble(value: PebbleFloat): number {
  return Math.fround(value.value);
}
