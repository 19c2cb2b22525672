// Pebble's operator semantics (OperatorUtils, TypeUtils.compatibleCast, ContainsExpression) on our
// value model: Long arithmetic with 64-bit wrap-around and truncating division, widening to Double,
// string concatenation with `+`, list `+`/`-`, numeric comparison across types.
import { PebbleError } from './errors';
import { javaClassName, javaEquals, javaSimpleClassName, javaToString } from './java-semantics';
import { isDouble, isMap, isNumber, makeDouble, numberValue, type PebbleValue } from './values';

export type ArithmeticOperation = 'ADD' | 'SUBTRACT' | 'MULTIPLICATION' | 'DIVISION' | 'MODULUS';
export type Comparison = 'GREATER_THAN' | 'GREATER_THAN_EQUALS' | 'LESS_THAN' | 'LESS_THAN_EQUALS';

function runtime(message: string): PebbleError {
  return new PebbleError(message, 'runtime');
}

export function add(left: PebbleValue, right: PebbleValue): PebbleValue {
  if (typeof left === 'string' || typeof right === 'string') return javaToString(left) + javaToString(right);
  if (Array.isArray(left)) return Array.isArray(right) ? [...left, ...right] : [...left, right];
  return arithmetic(left, right, 'ADD');
}

export function subtract(left: PebbleValue, right: PebbleValue): PebbleValue {
  if (Array.isArray(left)) {
    if (Array.isArray(right)) return left.filter((item) => !right.some((other) => javaEquals(item, other)));
    const index = left.findIndex((item) => javaEquals(item, right));
    return index < 0 ? [...left] : [...left.slice(0, index), ...left.slice(index + 1)];
  }
  return arithmetic(left, right, 'SUBTRACT');
}

export function arithmetic(
  left: PebbleValue,
  right: PebbleValue,
  operation: ArithmeticOperation,
): PebbleValue {
  if (!isNumber(left) || !isNumber(right)) {
    throw runtime(`invalid operands for mathematical operation [${operation}]`);
  }
  const a = numberValue(left);
  const b = numberValue(right);
  if (isDouble(left) || isDouble(right)) return makeDouble(doubleOperation(a, b, operation));
  return longOperation(a, b, operation);
}

function doubleOperation(a: number, b: number, operation: ArithmeticOperation): number {
  switch (operation) {
    case 'ADD':
      return a + b;
    case 'SUBTRACT':
      return a - b;
    case 'MULTIPLICATION':
      return a * b;
    case 'DIVISION':
      return a / b;
    case 'MODULUS':
      return a % b;
  }
}

function longOperation(a: number, b: number, operation: ArithmeticOperation): number {
  if ((operation === 'DIVISION' || operation === 'MODULUS') && b === 0) throw runtime('/ by zero');
  let result: number;
  switch (operation) {
    case 'ADD':
      result = a + b;
      break;
    case 'SUBTRACT':
      result = a - b;
      break;
    case 'MULTIPLICATION':
      result = a * b;
      break;
    case 'DIVISION':
      result = Math.trunc(a / b);
      break;
    case 'MODULUS':
      result = a % b;
      break;
  }
  if (Number.isSafeInteger(result) && Number.isSafeInteger(a) && Number.isSafeInteger(b)) return result + 0;
  return bigLongOperation(BigInt(a), BigInt(b), operation);
}

/** Beyond 2^53, compute exactly and wrap to 64 bits like Java's long. */
function bigLongOperation(a: bigint, b: bigint, operation: ArithmeticOperation): number {
  let result: bigint;
  switch (operation) {
    case 'ADD':
      result = a + b;
      break;
    case 'SUBTRACT':
      result = a - b;
      break;
    case 'MULTIPLICATION':
      result = a * b;
      break;
    case 'DIVISION':
      result = a / b;
      break;
    case 'MODULUS':
      result = a % b;
      break;
  }
  return Number(BigInt.asIntN(64, result));
}

/** `<`, `>`, `<=`, `>=`: numbers only; a null operand makes the comparison false. */
export function compare(left: PebbleValue, right: PebbleValue, comparison: Comparison): boolean {
  if (left === null || right === null) return false;
  if (!isNumber(left) || !isNumber(right)) {
    throw runtime(`invalid operands for mathematical comparison [${comparison}]`);
  }
  const a = numberValue(left);
  const b = numberValue(right);
  switch (comparison) {
    case 'GREATER_THAN':
      return a > b;
    case 'GREATER_THAN_EQUALS':
      return a >= b;
    case 'LESS_THAN':
      return a < b;
    case 'LESS_THAN_EQUALS':
      return a <= b;
  }
}

/** `==`: numbers compare numerically across Long and Double, everything else with Java equals. */
export function pebbleEquals(left: PebbleValue, right: PebbleValue): boolean {
  if (isNumber(left) && isNumber(right)) return numberValue(left) === numberValue(right);
  return javaEquals(left, right);
}

/** `contains`: substring, list element (or every element of a list), map key. */
export function contains(left: PebbleValue, right: PebbleValue): boolean {
  if (left === null) return false;
  if (Array.isArray(left)) {
    if (Array.isArray(right)) return right.every((item) => left.some((other) => javaEquals(other, item)));
    return left.some((item) => javaEquals(item, right));
  }
  if (isMap(left)) return typeof right === 'string' && Object.prototype.hasOwnProperty.call(left, right);
  if (typeof left === 'string') return left.includes(javaToString(right));
  throw runtime(
    `Contains operator can only be used on Collections, Maps and arrays. Actual type was: ${javaSimpleClassName(left)}`,
  );
}

/**
 * Pebble's `compatibleCast(value, Boolean.class)`: Boolean as is, Number non-zero, String non-empty,
 * null stays null; any other type is a ClassCastException in Java.
 */
export function toBoolean(value: PebbleValue): boolean | null {
  if (value === null) return null;
  if (typeof value === 'boolean') return value;
  if (isNumber(value)) return numberValue(value) !== 0;
  if (typeof value === 'string') return value.length > 0;
  throw runtime(`class ${javaClassName(value)} cannot be cast to class java.lang.Boolean`);
}
