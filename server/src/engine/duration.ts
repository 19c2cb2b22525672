// Durations as Kestra reads and prints them: ISO-8601 (`PT30S`, `P1DT2H`) following java.time.Duration,
// or a number of seconds (a YAML number or a numeric string, Kestra's DurationDeserializer).
// Internally a duration is a number of milliseconds (fractions allowed).

const ISO =
  /^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$/i;

export class DurationParseError extends Error {}

/** java.time.Duration.parse: throws DurationParseError with Java's message on bad text. */
export function parseIsoDuration(text: string): number {
  const match = ISO.exec(text);
  // `P`, `PT` and a `T` without any component are rejected, as in Java.
  if (!match || (!match[2] && !match[3]) || match[3]?.toUpperCase() === 'T') {
    throw new DurationParseError('Text cannot be parsed to a Duration');
  }
  const negate = match[1] === '-' ? -1 : 1;
  const days = Number(match[2] ?? 0);
  const hours = Number(match[4] ?? 0);
  const minutes = Number(match[5] ?? 0);
  const seconds = Number(match[6] ?? 0);
  let fraction = 0;
  if (match[7]) fraction = Number(`0.${match[7]}`) * (match[6]?.startsWith('-') ? -1 : 1);
  const totalSeconds = days * 86400 + hours * 3600 + minutes * 60 + seconds + fraction;
  return negate * totalSeconds * 1000;
}

/**
 * A duration property value: a number (seconds), a numeric string (seconds) or ISO-8601 text.
 * Returns undefined for null/undefined; throws DurationParseError for anything unreadable.
 */
export function readDuration(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return value * 1000;
  if (typeof value !== 'string')
    throw new DurationParseError(`Expected a duration but got ${JSON.stringify(value)}`);
  const text = value.trim();
  if (text === '') return undefined;
  if (/^[-+]?[0-9.]+$/.test(text) && text !== '+' && text !== '-') {
    const seconds = Number(text);
    if (!Number.isNaN(seconds)) return seconds * 1000;
  }
  return parseIsoDuration(text);
}

/** java.time.Duration.toString: `PT0S`, `PT1M30S`, `PT48H`, `PT0.5S`. */
export function formatJavaDuration(ms: number): string {
  if (ms === 0) return 'PT0S';
  const negative = ms < 0;
  const totalMs = Math.abs(ms);
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor((totalMs % 3_600_000) / 60_000);
  const secondsMs = totalMs - hours * 3_600_000 - minutes * 60_000;
  const sign = negative ? '-' : '';
  let text = 'PT';
  if (hours) text += `${sign}${hours}H`;
  if (minutes) text += `${sign}${minutes}M`;
  if (secondsMs) {
    const whole = Math.floor(secondsMs / 1000);
    const fraction = Math.round((secondsMs - whole * 1000) * 1e6);
    const fractionText = fraction ? `.${String(fraction).padStart(9, '0').replace(/0+$/, '')}` : '';
    text += `${sign}${whole}${fractionText}S`;
  }
  return text;
}

/** `HH:mm:ss.SSS`, as in Kestra's `Timeout after 00:00:01.000`. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  const millis = total % 1000;
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(millis, 3)}`;
}
