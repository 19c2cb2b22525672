// Java behaviours Pebble inherits and users can observe: `toString()` of values (used by `~`, by `+`
// with a string, and by nested writers), class names in messages, and HashMap iteration order (Pebble
// builds map literals as java.util.HashMap).
import {
  formatJavaDouble,
  isDouble,
  isMap,
  isPebbleObject,
  numberValue,
  PebbleDouble,
  type PebbleMap,
  type PebbleValue,
} from './values';

/** Java's `String.valueOf(value)`: maps as `{a=1, b=x}`, lists as `[1, x]`, null as `null`. */
export function javaToString(value: PebbleValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' || value instanceof PebbleDouble) {
    return isDouble(value) ? formatJavaDouble(numberValue(value)) : String(value);
  }
  if (isPebbleObject(value)) return value.toPebbleString();
  if (Array.isArray(value)) return `[${value.map(javaToString).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${key}=${javaToString(item)}`)
    .join(', ')}}`;
}

/** The Java class Kestra would report for a value (typed rendering and error messages). */
export function javaClassName(value: PebbleValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return 'java.lang.String';
  if (typeof value === 'boolean') return 'java.lang.Boolean';
  if (typeof value === 'number' || value instanceof PebbleDouble) {
    return isDouble(value) ? 'java.lang.Double' : 'java.lang.Long';
  }
  if (isPebbleObject(value)) return value.pebbleKind;
  if (Array.isArray(value)) return 'java.util.ArrayList';
  return 'java.util.LinkedHashMap';
}

/** The simple class name (`ArrayList`), as Pebble prints it in some messages. */
export function javaSimpleClassName(value: PebbleValue | undefined): string {
  const name = javaClassName(value);
  return name.slice(name.lastIndexOf('.') + 1);
}

function javaStringHash(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function javaKeyHash(key: PebbleValue): number {
  if (key === null) return 0;
  if (typeof key === 'number' && Number.isInteger(key) && Number.isSafeInteger(key)) {
    const big = BigInt.asUintN(64, BigInt(key));
    return Number(BigInt.asIntN(32, big ^ (big >> 32n)));
  }
  if (typeof key === 'boolean') return key ? 1231 : 1237;
  return javaStringHash(javaToString(key));
}

/**
 * Builds a map the way Pebble's map literal does: a `java.util.HashMap` sized for its entries, whose
 * iteration order follows the hash buckets. Later duplicates replace earlier values in place.
 */
export function javaHashMap(entries: [PebbleValue, PebbleValue][]): PebbleMap {
  const capacity = tableSizeFor(Math.round(Math.ceil(entries.length / 0.75)));
  const buckets = new Map<number, { key: string; value: PebbleValue }[]>();
  for (const [rawKey, value] of entries) {
    const key = javaToString(rawKey);
    const h = javaKeyHash(rawKey);
    const index = (h ^ (h >>> 16)) & (capacity - 1);
    const bucket = buckets.get(index) ?? [];
    const existing = bucket.find((entry) => entry.key === key);
    if (existing) existing.value = value;
    else bucket.push({ key, value });
    buckets.set(index, bucket);
  }
  const result: PebbleMap = {};
  for (const index of [...buckets.keys()].sort((a, b) => a - b)) {
    for (const entry of buckets.get(index) ?? []) result[entry.key] = entry.value;
  }
  return result;
}

function tableSizeFor(capacity: number): number {
  let size = 1;
  while (size < capacity) size *= 2;
  return size;
}

/** Java `equals` between two values (no numeric widening: Long 1 is not Double 1.0). */
export function javaEquals(a: PebbleValue | undefined, b: PebbleValue | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (typeof a === 'number' || a instanceof PebbleDouble) {
    if (!(typeof b === 'number' || b instanceof PebbleDouble)) return false;
    return isDouble(a) === isDouble(b) && numberValue(a) === numberValue(b);
  }
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => javaEquals(item, b[i]));
  }
  if (isPebbleObject(a) || isPebbleObject(b)) {
    return (
      isPebbleObject(a) &&
      isPebbleObject(b) &&
      a.pebbleKind === b.pebbleKind &&
      a.toPebbleString() === b.toPebbleString()
    );
  }
  if (!isMap(a) || !isMap(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && javaEquals(a[key], b[key]));
}
