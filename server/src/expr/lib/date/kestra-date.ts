// Kestra's AbstractDate: how the date filters and now() read their input and arguments
// (format, timeZone, existingFormat, locale) and print the result.
import type { Args, CallContext } from '../../registry-types';
import { isLong, type PebbleValue } from '../../values';
import { asString, fail, has } from '../args';
import { javaClassName } from '../java';
import { printElements } from './format';
import { formatterElements } from './named';
import { DEFAULT_LOCALE, toLocaleTag } from './names';
import { parseDateString } from './resolve';
import { PebbleDate } from './value';
import { systemZoneId, zoneOf, type Zone } from './zone';
import { ofInstant, withZone, type ZonedDateTime } from './zoned';

/** The `timeZone` argument, else the engine's zone, else the machine's. */
export function zoneArgument(args: Args, ctx: CallContext): Zone {
  const id = asString(args.timeZone, "The 'timeZone' argument");
  return zoneOf(id ?? ctx.services.timeZone ?? systemZoneId());
}

export function localeArgument(args: Args): string {
  if (!has(args, 'locale')) return DEFAULT_LOCALE;
  const locale = asString(args.locale, "The 'locale' argument");
  if (locale === null) fail("The 'locale' argument must not be null");
  return toLocaleTag(locale);
}

/** AbstractDate.convert: a date value, epoch seconds (Long) or a string in one of the ISO shapes. */
export function convertDate(value: PebbleValue, zone: Zone, args: Args, locale: string): ZonedDateTime {
  if (value instanceof PebbleDate) return value.atZone(zone);
  if (isLong(value)) return ofInstant(value, 0, zone);
  if (typeof value !== 'string') {
    fail(`Unable to read a date from a ${javaClassName(value)}: expected a date, a string or epoch seconds`);
  }
  const existing = asString(args.existingFormat, "The 'existingFormat' argument");
  return parseDateString(value, zone, existing === null ? null : formatterElements(existing), locale);
}

/** AbstractDate.format: converts the input, then prints it in the target zone with `format` (default iso). */
export function formatDate(value: PebbleValue, args: Args, ctx: CallContext): string {
  return formatZoned(convertDate(value, zoneArgument(args, ctx), args, localeArgument(args)), args, ctx);
}

/** Prints a zoned date-time in the `timeZone` zone with `format` (default iso) and `locale`. */
export function formatZoned(date: ZonedDateTime, args: Args, ctx: CallContext): string {
  const format = has(args, 'format') ? asString(args.format, "The 'format' argument") : 'iso';
  if (format === null) fail("The 'format' argument must not be null");
  const elements = formatterElements(format);
  return printElements(elements, withZone(date, zoneArgument(args, ctx)), localeArgument(args));
}
