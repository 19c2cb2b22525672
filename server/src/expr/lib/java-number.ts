// String → number as Kestra's `number` filter does it (Apache commons NumberUtils and Java's decode /
// valueOf). Integers become Longs, floats PebbleFloat, doubles and decimals Doubles; BigInteger and
// BigDecimal values are kept as JS numbers (exact up to 2^53).
import { makeDouble, type PebbleValue } from '../values';
import { fail } from './args';
import { PebbleFloat } from './java';

const INT_RANGE: [bigint, bigint] = [-(2n ** 31n), 2n ** 31n - 1n];
const LONG_RANGE: [bigint, bigint] = [-(2n ** 63n), 2n ** 63n - 1n];

function invalid(text: string): never {
  fail(`For input string: "${text}"`);
}

/** Java's Integer.decode / Long.decode / BigInteger with radix prefixes: 0x, #, leading 0 = octal. */
function decode(text: string, range: [bigint, bigint] | null): number {
  const match = /^([+-]?)(0[xX]|#|0(?=[0-7]))?([0-9A-Fa-f]+)$/.exec(text);
  if (!match) invalid(text);
  const radix = match[2] === undefined ? 10 : match[2] === '0' ? 8 : 16;
  const digits = match[3];
  const allowed = radix === 10 ? /^[0-9]+$/ : radix === 8 ? /^[0-7]+$/ : /^[0-9A-Fa-f]+$/;
  if (!allowed.test(digits)) invalid(text);
  const prefix = radix === 16 ? '0x' : radix === 8 ? '0o' : '';
  let value = BigInt(prefix + digits);
  if (match[1] === '-') value = -value;
  if (range && (value < range[0] || value > range[1])) invalid(text);
  return Number(value);
}

/** Java's Double.valueOf / Float.valueOf syntax: trimmed, optional f/d suffix, NaN, Infinity. */
function parseFloating(text: string): number {
  const trimmed = text.trim();
  const match = /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?$/.exec(trimmed);
  if (!match) invalid(text);
  return Number(trimmed.replace(/[fFdD]$/, ''));
}

function parseBigDecimal(text: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) invalid(text);
  return Number(text);
}

function floatValue(value: number): PebbleValue {
  return new PebbleFloat(value);
}

/** NumberUtils.createNumber: the smallest of Integer/Long/BigInteger or Float/Double/BigDecimal. */
function createNumber(text: string): PebbleValue {
  if (text.trim() === '') fail('A blank string is not a valid number');
  const notValid: () => never = () => fail(`${text} is not a valid number.`);
  const hex = /^[+-]?(0[xX]|#)/.test(text);
  if (hex) {
    try {
      return decode(text, null);
    } catch {
      notValid();
    }
  }
  const last = text[text.length - 1];
  const core = /[0-9.]/.test(last) ? text : text.slice(0, -1);
  const shape = /^[+-]?(\d*)(\.(\d*))?([eE][+-]?\d+)?$/.exec(core);
  if (!shape || (shape[1] === '' && (shape[3] ?? '') === '')) notValid();
  const isIntegral = shape[2] === undefined && shape[4] === undefined;
  if (core !== text) {
    if ((last === 'l' || last === 'L') && isIntegral) return decode(core, LONG_RANGE);
    if (last === 'f' || last === 'F') return floatValue(parseFloating(core));
    if (last === 'd' || last === 'D') return makeDouble(parseFloating(core));
    notValid();
  }
  if (isIntegral) return decode(text.replace(/^\+/, ''), null);
  const decimals = (shape[3] ?? '').length;
  const allZeros = /^[+-]?[0.]*([eE].*)?$/.test(text);
  const value = Number(text);
  if (decimals <= 7 && Number.isFinite(Math.fround(value)) && !(Math.fround(value) === 0 && !allZeros)) {
    return floatValue(value);
  }
  if (decimals <= 16 && Number.isFinite(value) && !(value === 0 && !allZeros)) return makeDouble(value);
  return makeDouble(parseBigDecimal(text));
}

export function parseJavaNumber(text: string, type: string): PebbleValue {
  switch (type) {
    case 'INT':
      return decode(text, INT_RANGE);
    case 'LONG':
      return decode(text, LONG_RANGE);
    case 'BIGINTEGER':
      return decode(text, null);
    case 'FLOAT':
      return floatValue(parseFloating(text));
    case 'DOUBLE':
      return makeDouble(parseFloating(text));
    case 'BIGDECIMAL': {
      const value = parseBigDecimal(text);
      return /[.eE]/.test(text) ? makeDouble(value) : value;
    }
    default:
      return createNumber(text);
  }
}
