// The `format`s of a Kestra flow schema, checked as leniently as Kestra's Jackson deserializers
// read them; formats not listed here (uri, email…) are not checked.

const DURATION =
  /^([-+]?)P(?:([-+]?\d+)D)?(T(?:([-+]?\d+)H)?(?:([-+]?\d+)M)?(?:([-+]?\d+)(?:[.,](\d{0,9}))?S)?)?$/i;

/** Seconds of a java.time.Duration.parse string (days to seconds only), or undefined if rejected. */
export function parseJavaDuration(text: string): number | undefined {
  const match = DURATION.exec(text);
  if (!match) return undefined;
  const [, sign, days, time, hours, minutes, seconds, fraction] = match;
  if (days === undefined && time === undefined) return undefined;
  // `T` must be followed by at least one of H, M or S.
  if (time !== undefined && hours === undefined && minutes === undefined && seconds === undefined)
    return undefined;
  const fractionValue = fraction ? Number(`0.${fraction}`) * (seconds?.startsWith('-') ? -1 : 1) : 0;
  const total =
    Number(days ?? 0) * 86400 +
    Number(hours ?? 0) * 3600 +
    Number(minutes ?? 0) * 60 +
    Number(seconds ?? 0) +
    fractionValue;
  return sign === '-' ? -total : total;
}

/** A duration as Jackson reads a flow property: ISO-8601, or seconds as a number or numeric string. */
export function parseJacksonDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (/^[-+]?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  return parseJavaDuration(trimmed);
}

const DATE = /^\d{4,}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;
const DATE_TIME =
  /^\d{4,}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)?(\[[^\]]+\])?$/i;

export const FORMATS: Record<string, (value: string) => boolean> = {
  duration: (value) => parseJacksonDuration(value) !== undefined,
  date: (value) => DATE.test(value),
  time: (value) => TIME.test(value),
  'partial-time': (value) => TIME.test(value),
  'date-time': (value) => DATE_TIME.test(value),
};

/** Formats we do not check but must not warn about. */
export const UNCHECKED_FORMATS = [
  'uri',
  'uri-reference',
  'uri-template',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
];
