// Prints a zoned date-time with compiled DateTimeFormatter elements.
import { fail } from '../args';
import { fieldValue } from './fields';
import {
  ampmNames,
  eraNames,
  intlZoneName,
  monthNames,
  quarterNames,
  weekdayNames,
  zoneName,
  ENGLISH_MONTHS,
  ENGLISH_WEEKDAYS,
} from './names';
import type { Element } from './pattern';
import { localFromEpochSeconds } from './calendar';
import type { ZonedDateTime } from './zoned';

/** An element that cannot print (a region id for an offset zone) drops its optional section. */
class Unavailable extends Error {}

function formatNumber(value: number, min: number, max: number, sign: string): string {
  const digits = String(Math.abs(value));
  if (digits.length > max) fail(`Field value ${value} exceeds the maximum print width of ${max}`);
  const padded = digits.padStart(min, '0');
  if (value < 0) return `-${padded}`;
  if (sign === 'exceeds' && min < 19 && digits.length > min) return `+${padded}`;
  return padded;
}

/** Offsets printed with patterns such as `+HH:MM:ss` (lower-case parts only when non-zero). */
export function formatOffset(offset: number, pattern: string, noOffset: string): string {
  if (offset === 0) return noOffset;
  const abs = Math.abs(offset);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  const colon = pattern.includes(':') ? ':' : '';
  let out = `${offset < 0 ? '-' : '+'}${String(hours).padStart(2, '0')}`;
  const showMinutes = pattern.includes('MM') || (pattern.includes('mm') && (minutes > 0 || seconds > 0));
  if (showMinutes) out += colon + String(minutes).padStart(2, '0');
  const showSeconds = pattern.includes('SS') || (pattern.includes('ss') && seconds > 0);
  if (showSeconds) out += colon + String(seconds).padStart(2, '0');
  return out;
}

function localizedOffset(offset: number, full: boolean): string {
  if (offset === 0) return 'GMT';
  const abs = Math.abs(offset);
  const hours = Math.floor(abs / 3600);
  const minutes = Math.floor((abs % 3600) / 60);
  const seconds = abs % 60;
  const sign = offset < 0 ? '-' : '+';
  if (full) {
    return `GMT${sign}${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}${seconds ? `:${String(seconds).padStart(2, '0')}` : ''}`;
  }
  return `GMT${sign}${hours}${minutes || seconds ? `:${String(minutes).padStart(2, '0')}` : ''}${seconds ? `:${String(seconds).padStart(2, '0')}` : ''}`;
}

function formatFraction(nano: number, min: number, max: number, point: boolean): string {
  let digits = String(nano).padStart(9, '0').slice(0, max);
  while (digits.length > min && digits.endsWith('0')) digits = digits.slice(0, -1);
  if (digits === '') return '';
  return point ? `.${digits}` : digits;
}

/** ISO_INSTANT: UTC date-time, seconds always, fraction in groups of three digits. */
export function formatInstant(epochSecond: number, nano: number): string {
  const utc = localFromEpochSeconds(epochSecond, nano);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  const year = utc.year > 9999 ? `+${utc.year}` : utc.year < 0 ? `-${pad(-utc.year, 4)}` : pad(utc.year, 4);
  let fraction = '';
  if (nano > 0) {
    const digits = pad(nano, 9);
    fraction = nano % 1e6 === 0 ? digits.slice(0, 3) : nano % 1e3 === 0 ? digits.slice(0, 6) : digits;
    fraction = `.${fraction}`;
  }
  return `${year}-${pad(utc.month, 2)}-${pad(utc.day, 2)}T${pad(utc.hour, 2)}:${pad(utc.minute, 2)}:${pad(utc.second, 2)}${fraction}Z`;
}

function localizedStyle(
  date: ZonedDateTime,
  style: 'full' | 'long' | 'medium' | 'short',
  locale: string,
): string {
  const zone = date.zone.fixedOffset === undefined ? date.zone.id : 'UTC';
  const instant = (date.epochSecond + (date.zone.fixedOffset ?? 0)) * 1000 + Math.floor(date.nano / 1e6);
  const raw = new Intl.DateTimeFormat(locale, { dateStyle: style, timeStyle: style, timeZone: zone }).format(
    instant,
  );
  // Java 21's CLDR puts a narrow no-break space before AM/PM; ICU builds differ, so normalise.
  const text = raw.replace(/(\d)[ \u202f](AM|PM)\b/g, '$1\u202f$2');
  if (date.zone.fixedOffset === undefined) {
    if (style !== 'long') return text;
    // Intl's en-US short names are "GMT+2" where Java prints "CEST".
    const intlName = intlZoneName(zone, instant, false, locale);
    const javaName = zoneName(zone, instant, false, locale);
    return intlName && javaName ? text.replace(intlName, javaName) : text;
  }
  if (style !== 'full' && style !== 'long') return text;
  const name = style === 'full' ? 'Coordinated Universal Time' : 'UTC';
  return text.replace(name, localizedOffset(date.offset, true));
}

function textValue(element: Extract<Element, { kind: 'text' }>, date: ZonedDateTime, locale: string): string {
  const value = fieldValue(date, element.field);
  switch (element.field) {
    case 'month':
      return (element.english ? ENGLISH_MONTHS : monthNames(locale, element.style))[value - 1];
    case 'dayOfWeek':
      return (element.english ? ENGLISH_WEEKDAYS : weekdayNames(locale, element.style))[value - 1];
    case 'ampm':
      return ampmNames(locale)[value];
    case 'era':
      return eraNames(element.style)[value];
    case 'quarter':
      return quarterNames(element.style)[value - 1];
    default:
      return String(value);
  }
}

function printElement(element: Element, date: ZonedDateTime, locale: string): string {
  switch (element.kind) {
    case 'literal':
      return element.text;
    case 'number':
      return formatNumber(fieldValue(date, element.field), element.min, element.max, element.sign);
    case 'reduced':
      return String(((fieldValue(date, element.field) % 100) + 100) % 100).padStart(2, '0');
    case 'fraction':
      return formatFraction(date.nano, element.min, element.max, element.point);
    case 'text':
      return textValue(element, date, locale);
    case 'offset':
      return formatOffset(date.offset, element.pattern, element.noOffset);
    case 'localizedOffset':
      return localizedOffset(date.offset, element.full);
    case 'zoneId':
      if (element.regionOnly && date.zone.isOffset) throw new Unavailable();
      return date.zone.id;
    case 'zoneText': {
      const fixed = date.zone.fixedOffset !== undefined;
      if (date.zone.isOffset || (fixed && !(element.full && date.zone.id === 'UTC'))) return date.zone.id;
      return zoneName(date.zone.id, date.epochSecond * 1000, element.full, locale) ?? date.zone.id;
    }
    case 'instant':
      return formatInstant(date.epochSecond, date.nano);
    case 'optional':
      try {
        return printElements(element.elements, date, locale);
      } catch (error) {
        if (error instanceof Unavailable) return '';
        throw error;
      }
    case 'localized':
      return localizedStyle(date, element.dateStyle, locale);
  }
}

export function printElements(elements: Element[], date: ZonedDateTime, locale: string): string {
  return elements.map((element) => printElement(element, date, locale)).join('');
}
