// Argument checks shared by filters and functions. They reproduce the casts the Java code does
// (`(String) args.get("x")`, `(Long) args.get("x")`) as clear PebbleErrors instead of ClassCastExceptions.
import { PebbleError } from '../errors';
import type { Args } from '../registry-types';
import { isLong, isNumber, numberValue, type PebbleValue } from '../values';
import { javaClassName } from './java';

export function fail(message: string): never {
  throw new PebbleError(message, 'runtime');
}

/** True when the argument was written in the call (even as null). */
export function has(args: Args, name: string): boolean {
  return args[name] !== undefined;
}

function castError(value: PebbleValue | undefined, target: string, what: string): never {
  fail(`${what}: class ${javaClassName(value)} cannot be cast to class ${target}`);
}

/** `(String) value`: null stays null, anything but a string fails. */
export function asString(value: PebbleValue | undefined, what: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') castError(value, 'java.lang.String', what);
  return value;
}

/** `(Long) value`: null stays null, anything but an integer fails. */
export function asLong(value: PebbleValue | undefined, what: string): number | null {
  if (value === undefined || value === null) return null;
  if (!isLong(value)) castError(value, 'java.lang.Long', what);
  return value;
}

/** `((Number) value).intValue()` style: any number, truncated toward zero. */
export function asInteger(value: PebbleValue | undefined, what: string): number | null {
  if (value === undefined || value === null) return null;
  if (!isNumber(value)) castError(value, 'java.lang.Number', what);
  return Math.trunc(numberValue(value));
}

/** `(Boolean) value`. */
export function asBoolean(value: PebbleValue | undefined, what: string): boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') castError(value, 'java.lang.Boolean', what);
  return value;
}

/** A string argument that must be present and non-null. */
export function requireString(args: Args, name: string, message: string): string {
  const value = args[name];
  if (value === undefined) fail(message);
  const text = asString(value, `argument '${name}'`);
  if (text === null) fail(message);
  return text;
}
