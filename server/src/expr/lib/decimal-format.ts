// Java's DecimalFormat with the US symbols: patterns such as `#,##0.00`, `0.###`, `#.##%`, `0.00E0`,
// quoted literals and a negative sub-pattern. Rounding is HALF_EVEN on the exact value of the number.
import { fail } from './args';
import {
  integerDigits,
  roundDigits,
  roundDoubleToFraction,
  shortestDigits,
  type Digits,
} from './decimal-digits';

interface DecimalPattern {
  positivePrefix: string;
  positiveSuffix: string;
  negativePrefix: string;
  negativeSuffix: string;
  minInt: number;
  maxIntPattern: number;
  minFrac: number;
  maxFrac: number;
  grouping: number;
  decimalAlwaysShown: boolean;
  exponentDigits: number;
  multiplier: number;
}

interface SubPattern {
  prefix: string;
  suffix: string;
  minInt: number;
  maxIntPattern: number;
  minFrac: number;
  maxFrac: number;
  grouping: number;
  decimalAlwaysShown: boolean;
  exponentDigits: number;
  multiplier: number;
}

function readAffix(pattern: string, start: number, stopAtNumber: boolean): [string, number, number] {
  let text = '';
  let multiplier = 1;
  let i = start;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      const close = pattern.indexOf("'", i + 1);
      if (close < 0) fail(`Malformed pattern "${pattern}": unterminated quote`);
      text += close === i + 1 ? "'" : pattern.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (c === ';' || (stopAtNumber && /[#0,.]/.test(c))) break;
    if (!stopAtNumber && /[#0,.E]/.test(c))
      fail(`Malformed pattern "${pattern}": unexpected '${c}' in suffix`);
    if (c === '%') multiplier = 100;
    else if (c === '\u2030') multiplier = 1000;
    text += c === '\u00a4' ? '$' : c;
    i++;
  }
  return [text, i, multiplier];
}

function parseSubPattern(pattern: string, start: number): [SubPattern, number] {
  const [prefix, afterPrefix, prefixMultiplier] = readAffix(pattern, start, true);
  let i = afterPrefix;
  let hashes = 0;
  let zeros = 0;
  let lastComma = -1;
  let intChars = 0;
  while (i < pattern.length && /[#0,]/.test(pattern[i])) {
    const c = pattern[i];
    if (c === ',') lastComma = intChars;
    else {
      if (c === '#' && zeros > 0) fail(`Unexpected '0' in pattern "${pattern}"`);
      if (c === '#') hashes++;
      else zeros++;
      intChars++;
    }
    i++;
  }
  let minFrac = 0;
  let maxFrac = 0;
  let decimalAlwaysShown = false;
  if (pattern[i] === '.') {
    i++;
    let sawHash = false;
    while (i < pattern.length && /[#0]/.test(pattern[i])) {
      if (pattern[i] === '0') {
        if (sawHash) fail(`Unexpected '0' in pattern "${pattern}"`);
        minFrac++;
      } else sawHash = true;
      maxFrac++;
      i++;
    }
    decimalAlwaysShown = maxFrac === 0;
  }
  let exponentDigits = 0;
  if (pattern[i] === 'E') {
    i++;
    while (pattern[i] === '0') {
      exponentDigits++;
      i++;
    }
    if (exponentDigits === 0) fail(`Malformed exponential pattern "${pattern}"`);
  }
  if (intChars === 0 && maxFrac === 0 && !decimalAlwaysShown)
    fail(`Malformed pattern "${pattern}": no digits`);
  const [suffix, end, suffixMultiplier] = readAffix(pattern, i, false);
  const grouping = lastComma < 0 ? 0 : intChars - lastComma;
  if (lastComma >= 0 && grouping === 0) fail(`Malformed pattern "${pattern}": grouping separator at the end`);
  const multiplier = Math.max(prefixMultiplier, suffixMultiplier);
  const sub = { prefix, suffix, minInt: zeros, maxIntPattern: hashes + zeros, minFrac, maxFrac, grouping };
  return [{ ...sub, decimalAlwaysShown, exponentDigits, multiplier }, end];
}

const patternCache = new Map<string, DecimalPattern>();

export function parseDecimalPattern(pattern: string): DecimalPattern {
  const cached = patternCache.get(pattern);
  if (cached) return cached;
  const [positive, end] = parseSubPattern(pattern, 0);
  let negativePrefix = `-${positive.prefix}`;
  let negativeSuffix = positive.suffix;
  if (pattern[end] === ';') {
    const [negative] = parseSubPattern(pattern, end + 1);
    negativePrefix = negative.prefix;
    negativeSuffix = negative.suffix;
  }
  const parsed: DecimalPattern = {
    positivePrefix: positive.prefix,
    positiveSuffix: positive.suffix,
    negativePrefix,
    negativeSuffix,
    minInt: positive.minInt,
    maxIntPattern: positive.maxIntPattern,
    minFrac: positive.minFrac,
    maxFrac: positive.maxFrac,
    grouping: positive.grouping,
    decimalAlwaysShown: positive.decimalAlwaysShown,
    exponentDigits: positive.exponentDigits,
    multiplier: positive.multiplier,
  };
  if (patternCache.size > 200) patternCache.clear();
  patternCache.set(pattern, parsed);
  return parsed;
}

function group(integer: string, size: number): string {
  if (size <= 0 || integer.length <= size) return integer;
  const parts: string[] = [];
  for (let end = integer.length; end > 0; end -= size)
    parts.unshift(integer.slice(Math.max(0, end - size), end));
  return parts.join(',');
}

function fixedBody(number: Digits, p: DecimalPattern): string {
  const intLength = Math.max(number.point, 0);
  let integer = number.digits.slice(0, intLength).padEnd(intLength, '0');
  const fractionDigits =
    number.point < 0 ? '0'.repeat(-number.point) + number.digits : number.digits.slice(intLength);
  let fraction = fractionDigits.padEnd(p.minFrac, '0');
  integer = integer.padStart(p.minInt, '0');
  if (integer === '' && fraction === '') integer = '0';
  integer = group(integer, p.grouping);
  if (fraction !== '' || p.decimalAlwaysShown) fraction = `.${fraction}`;
  return integer + fraction;
}

function scientificBody(number: Digits, p: DecimalPattern): string {
  const engineering = p.maxIntPattern > p.minInt && p.maxIntPattern > 1;
  const intDigits = engineering ? 1 : Math.max(p.minInt, 1);
  const significant = (engineering ? 1 : p.minInt) + p.maxFrac || 1;
  const rounded = roundDigits(number, Math.max(significant, 1));
  let exponent = rounded.digits === '' ? 0 : rounded.point - intDigits;
  let integerCount = intDigits;
  if (engineering && rounded.digits !== '') {
    const shift = ((exponent % p.maxIntPattern) + p.maxIntPattern) % p.maxIntPattern;
    exponent -= shift;
    integerCount += shift;
  }
  const digits = rounded.digits.padEnd(integerCount, '0');
  const integer = digits.slice(0, integerCount).padStart(p.minInt, '0') || '0';
  let fraction = digits.slice(integerCount).padEnd(p.minFrac, '0');
  if (fraction !== '' || p.decimalAlwaysShown) fraction = `.${fraction}`;
  const exponentText = String(Math.abs(exponent)).padStart(p.exponentDigits, '0');
  return `${integer}${fraction}E${exponent < 0 ? '-' : ''}${exponentText}`;
}

/** Formats a Long (integral number) or a Double with a DecimalFormat pattern. */
export function formatDecimal(value: number, isDouble: boolean, pattern: string): string {
  const p = parseDecimalPattern(pattern);
  if (Number.isNaN(value)) return 'NaN';
  const negative = value < 0 || Object.is(value, -0);
  const prefix = negative ? p.negativePrefix : p.positivePrefix;
  const suffix = negative ? p.negativeSuffix : p.positiveSuffix;
  const scaled = value * p.multiplier;
  if (!Number.isFinite(scaled)) return `${prefix}\u221e${suffix}`;
  let body: string;
  if (p.exponentDigits > 0) {
    body = scientificBody(isDouble ? shortestDigits(scaled) : integerDigits(scaled), p);
  } else {
    const digits = isDouble ? roundDoubleToFraction(scaled, p.maxFrac) : integerDigits(scaled);
    body = fixedBody(digits, p);
  }
  return prefix + body + suffix;
}
