// Decimal digit strings of numbers, for formatting like Java's DecimalFormat: the shortest digits that
// identify a double, its exact binary value when rounding needs it, and HALF_EVEN rounding.

/** value = 0.digits × 10^point; digits has no leading zero ('' means zero). */
export interface Digits {
  digits: string;
  point: number;
}

function trimDigits(digits: string, point: number): Digits {
  let start = 0;
  while (start < digits.length && digits[start] === '0') start++;
  let end = digits.length;
  while (end > start && digits[end - 1] === '0') end--;
  if (start === end) return { digits: '', point: 0 };
  return { digits: digits.slice(start, end), point: point - start };
}

/** Shortest digits that read back as the same double (what Double.toString shows). */
export function shortestDigits(value: number): Digits {
  const abs = Math.abs(value);
  if (abs === 0) return { digits: '', point: 0 };
  const [mantissa, exponent] = abs.toExponential().split('e');
  return trimDigits(mantissa.replace('.', ''), Number(exponent) + 1);
}

/** The exact decimal expansion of a double's binary value. */
export function exactDigits(value: number): Digits {
  let abs = Math.abs(value);
  if (abs === 0) return { digits: '', point: 0 };
  let binaryExponent = 0;
  while (!Number.isInteger(abs)) {
    abs *= 2;
    binaryExponent--;
  }
  if (binaryExponent === 0) {
    const text = BigInt(abs).toString();
    return trimDigits(text, text.length);
  }
  const text = (BigInt(abs) * 5n ** BigInt(-binaryExponent)).toString();
  return trimDigits(text, text.length + binaryExponent);
}

/** Digits of an integer (a Java Long, exact as long as it is a safe integer). */
export function integerDigits(value: number | bigint): Digits {
  const text = (typeof value === 'bigint' ? value : BigInt(Math.trunc(value))).toString().replace('-', '');
  return trimDigits(text, text.length);
}

/** Rounds exact digits HALF_EVEN so that at most `keep` digits remain after the first position. */
export function roundDigits(number: Digits, keep: number): Digits {
  if (number.digits.length <= keep) return number;
  if (keep < 0) return { digits: '', point: 0 };
  const kept = number.digits.slice(0, keep);
  const first = number.digits[keep];
  const rest = number.digits.slice(keep + 1);
  const previous = keep > 0 ? Number(kept[keep - 1]) : 0;
  const up = first > '5' || (first === '5' && (/[1-9]/.test(rest) || previous % 2 === 1));
  if (!up) return trimDigits(kept, number.point);
  if (keep === 0) return { digits: '1', point: number.point + 1 };
  const incremented = (BigInt(`1${kept || '0'}`) + 1n).toString();
  // a carry out of the kept digits shows as a leading "2" instead of "1"
  if (incremented[0] === '2') return trimDigits(`1${incremented.slice(1)}`, number.point + 1);
  return trimDigits(incremented.slice(1), number.point);
}

/** Rounds a double to `fraction` digits after the decimal point, as DecimalFormat does. */
export function roundDoubleToFraction(value: number, fraction: number): Digits {
  const shortest = shortestDigits(value);
  if (shortest.digits.length - shortest.point <= fraction) return shortest;
  const exact = exactDigits(value);
  return roundDigits(exact, exact.point + fraction);
}
