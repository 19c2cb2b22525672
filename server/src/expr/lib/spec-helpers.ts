// Small builders that keep the registry entries short and uniform.
import type { ParamSpec } from '../registry-types';
import { javaToString } from './java';
import { fail } from './args';
import type { PebbleValue } from '../values';

/** A required parameter. */
export function param(name: string, type: string, description?: string): ParamSpec {
  return description ? { name, type, description } : { name, type };
}

/** An optional parameter, with its default when it has one. */
export function optional(
  name: string,
  type: string,
  defaultValue?: unknown,
  description?: string,
): ParamSpec {
  const spec: ParamSpec = { name, type, optional: true };
  if (defaultValue !== undefined) spec.default = defaultValue;
  if (description) spec.description = description;
  return spec;
}

/** Java's `input.toString()` on a value the Java code does not null-check. */
export function toStringOf(value: PebbleValue | undefined, what: string): string {
  if (value === null || value === undefined) fail(`${what} is null: cannot call toString() on it`);
  return javaToString(value);
}

/** Java's Character.isWhitespace. */
export function isJavaWhitespace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code >= 0x1c && code <= 0x1f)) return true;
  if (code === 0xa0 || code === 0x2007 || code === 0x202f) return false;
  return /[\p{Zs}\p{Zl}\p{Zp}]/u.test(char);
}
