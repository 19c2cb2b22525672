// How Java prints values in Kestra's messages (`String.valueOf`): lists as `[a, b]`, maps as `{k=v}`,
// doubles as `2.0`, floats with float precision.
import { formatJavaDouble, PebbleDouble } from '../expr/values';

export function javaToString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatJavaDouble(value);
  if (value instanceof PebbleDouble) return formatJavaDouble(value.value);
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${k}=${javaToString(v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return String(value);
}

/** The Java class a YAML/JSON value would have after Jackson reads it, for ClassCastException texts. */
export function javaClassName(value: unknown): string {
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return 'java.lang.Double';
    return Math.abs(value) <= 2147483647 ? 'java.lang.Integer' : 'java.lang.Long';
  }
  if (value instanceof PebbleDouble) return 'java.lang.Double';
  if (Array.isArray(value)) return 'java.util.ArrayList';
  if (value && typeof value === 'object') return 'java.util.LinkedHashMap';
  return 'java.lang.Object';
}

/** The message of a ClassCastException when `value` is used where a String is expected. */
export function notAStringMessage(value: unknown): string {
  const cls = javaClassName(value);
  return `class ${cls} cannot be cast to class java.lang.String (${cls} and java.lang.String are in module java.base of loader 'bootstrap')`;
}

/** Rounds to a 32-bit float and returns the double of its shortest decimal form (what Jackson re-reads). */
export function toJavaFloat(value: number): number {
  const single = Math.fround(value);
  if (!Number.isFinite(single) || single === 0) return single;
  for (let precision = 1; precision <= 9; precision++) {
    const candidate = Number(single.toPrecision(precision));
    if (Math.fround(candidate) === single) return candidate;
  }
  return single;
}
