// Localized names of months, weekdays, AM/PM, eras, quarters and zones, taken from Intl.
import { fail } from '../args';
import type { TextStyle } from './pattern';

/** The JVM default locale Kestra runs with. */
export const DEFAULT_LOCALE = 'en-US';

/** LocaleUtils.toLocale: `fr`, `fr_FR`, `en_US_POSIX` → a BCP-47 tag Intl accepts. */
export function toLocaleTag(locale: string): string {
  if (!/^[a-zA-Z]{2,3}(_[A-Z]{2}|_\d{3})?(_\w+)?$/.test(locale) && !/^_[A-Z]{2}/.test(locale)) {
    fail(`Invalid locale format: ${locale}`);
  }
  const tag = locale.split('_').slice(0, 2).filter(Boolean).join('-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    fail(`Invalid locale format: ${locale}`);
  }
}

const cache = new Map<string, string[]>();

function names(key: string, build: () => string[]): string[] {
  let found = cache.get(key);
  if (!found) {
    found = build();
    cache.set(key, found);
  }
  return found;
}

type IntlWidth = 'long' | 'short' | 'narrow';
const WIDTH: Record<TextStyle, IntlWidth> = { short: 'short', full: 'long', narrow: 'narrow' };

/** Month names, index 0 = January. */
export function monthNames(locale: string, style: TextStyle): string[] {
  return names(`month|${locale}|${style}`, () => {
    const format = new Intl.DateTimeFormat(locale, { month: WIDTH[style], timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_v, i) => format.format(Date.UTC(2021, i, 15)));
  });
}

/** Weekday names, index 0 = Monday (ISO order). */
export function weekdayNames(locale: string, style: TextStyle): string[] {
  return names(`weekday|${locale}|${style}`, () => {
    const format = new Intl.DateTimeFormat(locale, { weekday: WIDTH[style], timeZone: 'UTC' });
    // 2021-03-01 was a Monday.
    return Array.from({ length: 7 }, (_v, i) => format.format(Date.UTC(2021, 2, 1 + i)));
  });
}

export function ampmNames(locale: string): string[] {
  return names(`ampm|${locale}`, () => {
    const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' });
    return [Date.UTC(2021, 0, 1, 9), Date.UTC(2021, 0, 1, 21)].map(
      (time) =>
        format.formatToParts(time).find((part) => part.type === 'dayPeriod')?.value ?? (time ? 'PM' : 'AM'),
    );
  });
}

export function eraNames(style: TextStyle): string[] {
  if (style === 'full') return ['Before Christ', 'Anno Domini'];
  if (style === 'narrow') return ['B', 'A'];
  return ['BC', 'AD'];
}

export function quarterNames(style: TextStyle): string[] {
  if (style === 'full') return ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'];
  if (style === 'narrow') return ['1', '2', '3', '4'];
  return ['Q1', 'Q2', 'Q3', 'Q4'];
}

/** RFC 1123 uses fixed English names whatever the locale. */
export const ENGLISH_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
export const ENGLISH_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The zone name Intl prints for a locale (`GMT+2`, `CEST`, `Central European Summer Time`). */
export function intlZoneName(zoneId: string, epochMs: number, full: boolean, locale: string): string | null {
  try {
    const format = new Intl.DateTimeFormat(locale, {
      timeZone: zoneId,
      timeZoneName: full ? 'long' : 'short',
    });
    return format.formatToParts(epochMs).find((part) => part.type === 'timeZoneName')?.value ?? null;
  } catch {
    return null;
  }
}

/** A zone's display name at an instant (`CEST`, `Central European Summer Time`), as Java prints `z`. */
export function zoneName(zoneId: string, epochMs: number, full: boolean, locale: string): string | null {
  const name = intlZoneName(zoneId, epochMs, full, locale);
  if (full || (name && !/^GMT[+-]/.test(name))) return name;
  // en-US knows only American abbreviations; en-GB knows the European ones (CET, CEST, BST).
  const british = intlZoneName(zoneId, epochMs, false, 'en-GB');
  return british && !/^GMT[+-]/.test(british) ? british : name;
}
