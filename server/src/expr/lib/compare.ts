// Java natural ordering (Comparable.compareTo) for the values `sort`, `rsort`, `max` and `min` see.
import { isNumber, isPebbleObject, numberValue, type PebbleValue } from '../values';
import { fail } from './args';
import { javaClassName } from './java';

/** String.compareTo: by UTF-16 code unit. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares like `Collections.sort` would; mixing types or null fails as the Java cast would. */
export function javaCompare(a: PebbleValue, b: PebbleValue): number {
  if (a === null || b === null) fail('Cannot compare a null value while sorting');
  if (isNumber(a) && isNumber(b)) return numberValue(a) - numberValue(b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (isPebbleObject(a) && isPebbleObject(b) && a.pebbleKind === b.pebbleKind) {
    return compareStrings(a.toPebbleString(), b.toPebbleString());
  }
  const comparable = (value: PebbleValue) =>
    !Array.isArray(value) && (typeof value !== 'object' || isNumber(value));
  if (!comparable(a)) fail(`class ${javaClassName(a)} cannot be cast to class java.lang.Comparable`);
  fail(`class ${javaClassName(b)} cannot be cast to class ${javaClassName(a)}`);
}
