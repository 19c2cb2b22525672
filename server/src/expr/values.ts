// Runtime values of the Pebble evaluator, modelled on the Java types Kestra's Pebble sees.
//
// - null is Java null; an undefined variable is not a value but a PebbleUndefinedError.
// - A JS number with an integral value is a Java Long (Pebble integer literals are Long);
//   a non-integral number is a Double. An integral Double (the result of `4.0 / 2`) is boxed as
//   PebbleDouble so that it keeps printing as `2.0` and keeps Double arithmetic.
// - Arrays are Java Lists, plain objects are Maps (insertion order), strings and booleans as is.
// - Objects that implement PebbleObject (dates, durations…) print and serialise themselves.

export class PebbleDouble {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

/** A value with its own printed form and JSON form (dates, durations, Java-only types). */
export interface PebbleObject {
  readonly pebbleKind: string;
  toPebbleString(): string;
  toJSON(): unknown;
}

export type PebbleMap = { [key: string]: PebbleValue };
export type PebbleValue =
  null | string | number | boolean | PebbleDouble | PebbleObject | PebbleValue[] | PebbleMap;

export function isPebbleObject(value: unknown): value is PebbleObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as PebbleObject).toPebbleString === 'function'
  );
}

export function isMap(value: unknown): value is PebbleMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof PebbleDouble) &&
    !isPebbleObject(value)
  );
}

export function isNumber(value: unknown): value is number | PebbleDouble {
  return typeof value === 'number' || value instanceof PebbleDouble;
}

/** True for a Java Double/Float (non-integral number, or a boxed integral double). */
export function isDouble(value: unknown): boolean {
  return value instanceof PebbleDouble || (typeof value === 'number' && !Number.isInteger(value));
}

/** True for a Java Long/Integer. */
export function isLong(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

export function numberValue(value: number | PebbleDouble): number {
  return value instanceof PebbleDouble ? value.value : value;
}

/** A double result: boxed when integral so it stays a Double. */
export function makeDouble(value: number): number | PebbleDouble {
  return Number.isInteger(value) ? new PebbleDouble(value) : value;
}

/** Java's Double.toString: `2.0`, `0.42`, `1.0E10`, `1.0E-5`, `NaN`, `Infinity`. */
export function formatJavaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  // Scientific: shortest mantissa that round-trips, Java style (at least one fractional digit).
  const [mantissa, exponent] = value.toExponential().split('e');
  const fixedMantissa = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  return `${fixedMantissa}E${Number(exponent)}`;
}

/** Compact JSON as Jackson writes it (doubles keep their `.0`). */
export function toJsonText(value: PebbleValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return JSON.stringify(formatJavaDouble(value));
    return Number.isInteger(value) ? String(value) : formatJavaDouble(value);
  }
  if (value instanceof PebbleDouble) return formatJavaDouble(value.value);
  if (isPebbleObject(value)) return JSON.stringify(value.toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => toJsonText(item)).join(',')}]`;
  const parts: string[] = [];
  for (const [key, item] of Object.entries(value)) parts.push(`${JSON.stringify(key)}:${toJsonText(item)}`);
  return `{${parts.join(',')}}`;
}

/** How `{{ value }}` prints in string mode: null → '', maps and lists → compact JSON. */
export function toPebbleString(value: PebbleValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatJavaDouble(value);
  if (value instanceof PebbleDouble) return formatJavaDouble(value.value);
  if (isPebbleObject(value)) return value.toPebbleString();
  return toJsonText(value);
}

/** Converts JSON-like input (parsed JSON, YAML, engine outputs) into Pebble values. */
export function fromJsonValue(value: unknown): PebbleValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof PebbleDouble || isPebbleObject(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromJsonValue);
  if (typeof value === 'object') {
    const out: PebbleMap = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      out[key] = fromJsonValue(item);
    return out;
  }
  return String(value);
}

/** Name of the Java-like type of a value, for error messages. */
export function typeName(value: PebbleValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Long' : 'Double';
  if (value instanceof PebbleDouble) return 'Double';
  if (isPebbleObject(value)) return value.pebbleKind;
  if (Array.isArray(value)) return 'List';
  return 'Map';
}
