// ISO-8601 date, time and instant parsing with java.time's rules and error messages
// (`Text 'x' could not be parsed at index N`), for DATE, TIME and DATETIME inputs.

export class TemporalParseError extends Error {}

interface Cursor {
  text: string;
  index: number;
}

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
];

function fail(cursor: Cursor): never {
  throw new TemporalParseError(`Text '${cursor.text}' could not be parsed at index ${cursor.index}`);
}

function digits(cursor: Cursor, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const c = cursor.text.charCodeAt(cursor.index);
    if (c < 48 || c > 57) fail(cursor);
    value = value * 10 + (c - 48);
    cursor.index++;
  }
  return value;
}

function literal(cursor: Cursor, char: string, ignoreCase = false): void {
  const found = cursor.text[cursor.index];
  if (found === undefined || (ignoreCase ? found.toUpperCase() !== char : found !== char)) fail(cursor);
  cursor.index++;
}

function range(text: string, field: string, value: number, min: number, max: number): void {
  if (value < min || value > max) {
    throw new TemporalParseError(
      `Text '${text}' could not be parsed: Invalid value for ${field} (valid values ${min} - ${max}): ${value}`,
    );
  }
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

interface TimeParts {
  hour: number;
  minute: number;
  second: number;
  /** Fraction digits as written (up to 9). */
  fraction: string;
}

function readDate(cursor: Cursor): DateParts {
  const year = digits(cursor, 4);
  literal(cursor, '-');
  const month = digits(cursor, 2);
  literal(cursor, '-');
  const day = digits(cursor, 2);
  return { year, month, day };
}

function checkDate(text: string, date: DateParts): void {
  range(text, 'MonthOfYear', date.month, 1, 12);
  range(text, 'DayOfMonth', date.day, 1, 31);
  const lengths = [31, isLeap(date.year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (date.day > lengths[date.month - 1]) {
    if (date.month === 2 && date.day === 29) {
      throw new TemporalParseError(
        `Text '${text}' could not be parsed: Invalid date 'February 29' as '${date.year}' is not a leap year`,
      );
    }
    throw new TemporalParseError(
      `Text '${text}' could not be parsed: Invalid date '${MONTHS[date.month - 1]} ${date.day}'`,
    );
  }
}

function readTime(cursor: Cursor, secondsRequired: boolean): TimeParts {
  const hour = digits(cursor, 2);
  literal(cursor, ':');
  const minute = digits(cursor, 2);
  let second = 0;
  let fraction = '';
  if (secondsRequired || cursor.text[cursor.index] === ':') {
    literal(cursor, ':');
    second = digits(cursor, 2);
    if (cursor.text[cursor.index] === '.') {
      cursor.index++;
      const start = cursor.index;
      while (cursor.index - start < 9 && /[0-9]/.test(cursor.text[cursor.index] ?? '')) cursor.index++;
      if (cursor.index === start) fail(cursor);
      fraction = cursor.text.slice(start, cursor.index);
    }
  }
  return { hour, minute, second, fraction };
}

function checkTime(text: string, time: TimeParts): void {
  range(text, 'HourOfDay', time.hour, 0, 23);
  range(text, 'MinuteOfHour', time.minute, 0, 59);
  range(text, 'SecondOfMinute', time.second, 0, 59);
}

function end(cursor: Cursor): void {
  if (cursor.index !== cursor.text.length) {
    throw new TemporalParseError(
      `Text '${cursor.text}' could not be parsed, unparsed text found at index ${cursor.index}`,
    );
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** LocalDate.parse → `yyyy-MM-dd`. */
export function parseLocalDate(text: string): string {
  const cursor = { text, index: 0 };
  const date = readDate(cursor);
  end(cursor);
  checkDate(text, date);
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** LocalTime.parse → ISO local time with seconds (`HH:mm:ss[.fraction]`), as Jackson writes it. */
export function parseLocalTime(text: string): string {
  const cursor = { text, index: 0 };
  const time = readTime(cursor, false);
  end(cursor);
  checkTime(text, time);
  return formatTime(time);
}

function formatTime(time: TimeParts): string {
  const fraction = time.fraction.replace(/0+$/, '');
  const grouped = fraction ? `.${fraction.padEnd(Math.ceil(fraction.length / 3) * 3, '0')}` : '';
  return `${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}${grouped}`;
}

/** Instant.parse (ISO_INSTANT, offsets allowed) → epoch milliseconds. */
export function parseInstant(text: string): number {
  const cursor = { text, index: 0 };
  const date = readDate(cursor);
  literal(cursor, 'T', true);
  const time = readTime(cursor, true);
  let offsetMinutes = 0;
  const sign = cursor.text[cursor.index];
  if (sign === 'Z' || sign === 'z') {
    cursor.index++;
  } else if (sign === '+' || sign === '-') {
    cursor.index++;
    const hours = digits(cursor, 2);
    let minutes = 0;
    if (cursor.text[cursor.index] === ':') {
      cursor.index++;
      minutes = digits(cursor, 2);
    }
    offsetMinutes = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  } else {
    fail(cursor);
  }
  end(cursor);
  checkDate(text, date);
  checkTime(text, time);
  const millis = Number((time.fraction + '000').slice(0, 3));
  const utc = Date.UTC(date.year, date.month - 1, date.day, time.hour, time.minute, time.second, millis);
  return utc - offsetMinutes * 60_000;
}

/** Instant as stored by Kestra's JDBC backend: milliseconds always present (`2019-10-06T18:27:49.000Z`). */
export function formatInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Instant.toString (ISO_INSTANT): fraction only when non-zero (`2024-01-01T00:00:00Z`). */
export function formatJavaInstant(epochMs: number): string {
  return new Date(epochMs).toISOString().replace('.000Z', 'Z');
}
