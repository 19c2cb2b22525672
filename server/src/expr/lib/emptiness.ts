// Pebble's EmptyTest, shared by the `empty` test and the `default` filter.
import { isMap, type PebbleValue } from '../values';

/** Undefined, null, a string of characters ≤ U+0020 only, an empty list or an empty map. */
export function isEmptyValue(value: PebbleValue | undefined): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') {
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x20) return false;
    return true;
  }
  if (Array.isArray(value)) return value.length === 0;
  if (isMap(value)) return Object.keys(value).length === 0;
  return false;
}
