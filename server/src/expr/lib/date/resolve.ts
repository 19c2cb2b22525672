// Turns parsed fields into a ZonedDateTime, LocalDateTime or LocalDate (java.time's SMART resolver),
// and implements Kestra's string → date fallback chain: zoned, then local date-time, then local date.
import { fail } from '../args';
import {
  dayOfWeek,
  fromEpochDay,
  lengthOfMonth,
  toEpochDay,
  type LocalDate,
  type LocalDateTime,
  type LocalTime,
} from './calendar';
import { ISO_LOCAL_DATE, ISO_LOCAL_DATE_TIME, ISO_ZONED_DATE_TIME } from './named';
import { parseElements, ParseFailure, type Parsed } from './parse';
import type { Element } from './pattern';
import { fixedZone, type Zone } from './zone';
import { ofInstant, ofLocal, type ZonedDateTime } from './zoned';

/** A DateTimeParseException: Kestra catches it to try the next shape. */
export class DateParseError extends Error {}

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

function checkRange(name: string, value: number, min: number, max: number): void {
  if (value < min || value > max) {
    throw new DateParseError(`Invalid value for ${name} (valid values ${min} - ${max}): ${value}`);
  }
}

function resolveDate(parsed: Parsed): LocalDate | null {
  const f = parsed.fields;
  let date: LocalDate | null = null;
  const year =
    f.year ?? (f.yearOfEra !== undefined ? (f.era === 0 ? 1 - f.yearOfEra : f.yearOfEra) : undefined);
  if (year !== undefined && f.month !== undefined && f.day !== undefined) {
    checkRange('MonthOfYear', f.month, 1, 12);
    checkRange('DayOfMonth', f.day, 1, 31);
    if (f.day > lengthOfMonth(year, f.month)) {
      throw new DateParseError(`Invalid date '${MONTHS[f.month - 1]} ${f.day}'`);
    }
    date = { year, month: f.month, day: f.day };
  } else if (year !== undefined && f.dayOfYear !== undefined) {
    checkRange('DayOfYear', f.dayOfYear, 1, 366);
    date = fromEpochDay(toEpochDay({ year, month: 1, day: 1 }) + f.dayOfYear - 1);
  } else if (f.isoWeekYear !== undefined && f.isoWeek !== undefined && f.dayOfWeek !== undefined) {
    const jan4 = toEpochDay({ year: f.isoWeekYear, month: 1, day: 4 });
    const weekOneMonday = jan4 - dayOfWeek(jan4) + 1;
    date = fromEpochDay(weekOneMonday + (f.isoWeek - 1) * 7 + f.dayOfWeek - 1);
  }
  if (
    date &&
    f.dayOfWeek !== undefined &&
    f.isoWeek === undefined &&
    dayOfWeek(toEpochDay(date)) !== f.dayOfWeek
  ) {
    throw new DateParseError(
      `Conflict found: Field DayOfWeek ${dayOfWeek(toEpochDay(date))} differs from DayOfWeek ${f.dayOfWeek}`,
    );
  }
  return date;
}

function resolveTime(parsed: Parsed): LocalTime | null {
  const f = parsed.fields;
  if (f.nanoOfDay !== undefined || f.milliOfDay !== undefined) {
    const nanos = f.nanoOfDay ?? (f.milliOfDay as number) * 1e6;
    const seconds = Math.floor(nanos / 1e9);
    return {
      hour: Math.floor(seconds / 3600),
      minute: Math.floor((seconds % 3600) / 60),
      second: seconds % 60,
      nano: nanos % 1e9,
    };
  }
  let hour = f.hour;
  if (hour === undefined && f.clockHour !== undefined) hour = f.clockHour === 24 ? 0 : f.clockHour;
  if (hour === undefined && f.ampm !== undefined) {
    if (f.hourAmPm !== undefined) hour = f.hourAmPm + f.ampm * 12;
    else if (f.clockHourAmPm !== undefined) hour = (f.clockHourAmPm % 12) + f.ampm * 12;
  }
  if (hour === undefined) return null;
  if (f.minute === undefined && (f.second !== undefined || f.nano !== undefined)) return null;
  checkRange('HourOfDay', hour, 0, 23);
  const time = { hour, minute: f.minute ?? 0, second: f.second ?? 0, nano: f.nano ?? 0 };
  checkRange('MinuteOfHour', time.minute, 0, 59);
  checkRange('SecondOfMinute', time.second, 0, 59);
  return time;
}

function parseAll(text: string, elements: Element[], locale: string): Parsed {
  const parsed: Parsed = { fields: {} };
  let end: number;
  try {
    end = parseElements(elements, text, 0, parsed, locale);
  } catch (error) {
    if (error instanceof ParseFailure)
      throw new DateParseError(`Text '${text}' could not be parsed at index ${error.index}`);
    throw error;
  }
  if (end < text.length)
    throw new DateParseError(`Text '${text}' could not be parsed, unparsed text found at index ${end}`);
  return parsed;
}

function unable(text: string, what: string): never {
  throw new DateParseError(
    `Text '${text}' could not be parsed: Unable to obtain ${what} from TemporalAccessor`,
  );
}

function withContext<T>(text: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof DateParseError && !error.message.startsWith('Text ')) {
      throw new DateParseError(`Text '${text}' could not be parsed: ${error.message}`);
    }
    throw error;
  }
}

export function parseZoned(text: string, elements: Element[], locale: string): ZonedDateTime {
  const parsed = parseAll(text, elements, locale);
  return withContext(text, () => {
    const zone: Zone | undefined =
      parsed.zone ?? (parsed.offset !== undefined ? fixedZone(parsed.offset) : undefined);
    if (parsed.instant && zone) return ofInstant(parsed.instant.epochSecond, parsed.instant.nano, zone);
    const date = resolveDate(parsed);
    const time = resolveTime(parsed);
    if (!date || !time || !zone) unable(text, 'ZonedDateTime');
    return ofLocal({ ...date, ...time }, zone, parsed.offset);
  });
}

export function parseLocalDateTime(text: string, elements: Element[], locale: string): LocalDateTime {
  const parsed = parseAll(text, elements, locale);
  return withContext(text, () => {
    const date = resolveDate(parsed);
    const time = resolveTime(parsed);
    if (!date || !time) unable(text, 'LocalDateTime');
    return { ...date, ...time };
  });
}

export function parseLocalDate(text: string, elements: Element[], locale: string): LocalDate {
  const parsed = parseAll(text, elements, locale);
  return withContext(text, () => resolveDate(parsed) ?? unable(text, 'LocalDate'));
}

/**
 * Kestra's AbstractDate.convert for strings: a zoned date-time, else a local date-time in `zone`,
 * else a local date at the start of the day in `zone`; the last failure is reported.
 */
export function parseDateString(
  text: string,
  zone: Zone,
  existing: Element[] | null,
  locale: string,
): ZonedDateTime {
  try {
    return parseZoned(text, existing ?? ISO_ZONED_DATE_TIME, locale);
  } catch (error) {
    if (!(error instanceof DateParseError)) throw error;
  }
  try {
    return ofLocal(parseLocalDateTime(text, existing ?? ISO_LOCAL_DATE_TIME, locale), zone);
  } catch (error) {
    if (!(error instanceof DateParseError)) throw error;
  }
  try {
    const date = parseLocalDate(text, existing ?? ISO_LOCAL_DATE, locale);
    return ofLocal({ ...date, hour: 0, minute: 0, second: 0, nano: 0 }, zone);
  } catch (error) {
    if (error instanceof DateParseError) fail(error.message);
    throw error;
  }
}
