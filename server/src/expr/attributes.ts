// Attribute access `object.name`, `object[key]` and method calls `object.name(args)`, as Pebble's
// DefaultAttributeResolver does it under strict variables: map keys, list indexes, then Java members.
import { PebbleError } from './errors';
import { javaClassName, javaToString } from './java-semantics';
import { callJavaMethod, type MethodArgument } from './java-methods';
import { isAttributeProvider } from './runtime-objects';
import { isMap, isNumber, type PebbleValue } from './values';

export type AttributeResult =
  | { found: true; value: PebbleValue }
  /** Pebble's AttributeNotFoundException: `attribute` is the name it reports. */
  | { found: false; attribute: string; message: string };

const INT_PATTERN = /^[+-]?\d+$/;

function notFound(attribute: string, object: PebbleValue): AttributeResult {
  return {
    found: false,
    attribute,
    message: `Attribute [${attribute}] of [${javaClassName(object)}] does not exist or can not be accessed and strict variables is set to true.`,
  };
}

/** Java's Integer.parseInt, or null. */
function parseJavaInt(text: string): number | null {
  if (!INT_PATTERN.test(text)) return null;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : null;
}

/**
 * Resolves an attribute of a non-null object. `args` is null for plain access and the evaluated
 * arguments for a method call.
 */
export function resolveAttribute(
  object: PebbleValue,
  key: PebbleValue,
  args: MethodArgument[] | null,
): AttributeResult {
  const name = javaToString(key);
  if (args === null) {
    if (isMap(object)) {
      if (isNumber(key)) {
        // Pebble casts a number key to the class of the map's first key: String keys cannot take it.
        if (Object.keys(object).length === 0) return notFound(name, object);
        throw new PebbleError(`type class java.lang.String not supported for key ${name}`, 'runtime');
      }
      if (!Object.prototype.hasOwnProperty.call(object, name)) return notFound(name, object);
      return { found: true, value: object[name] };
    }
    if (Array.isArray(object)) {
      const index = parseJavaInt(name);
      if (index !== null) {
        if (index < 0 || index >= object.length) {
          return {
            found: false,
            attribute: name,
            message: 'Index out of bounds while accessing array with strict variables on.',
          };
        }
        return { found: true, value: object[index] };
      }
    }
  }
  if (isAttributeProvider(object)) {
    const value = object.getPebbleAttribute(name, args ? args.map((arg) => arg.value) : null);
    return value === undefined ? notFound(name, object) : { found: true, value };
  }
  const result = callJavaMethod(object, name, args);
  return result ? { found: true, value: result.value } : notFound(name, object);
}
