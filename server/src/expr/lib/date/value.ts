// Java date objects as Pebble values (what Kestra puts in variables: ZonedDateTime, Instant,
// LocalDateTime, LocalDate, java.util.Date). They print with Java's toString and serialise like Jackson.
import type { PebbleObject } from '../../values';
import { fail } from '../args';
import type { LocalDateTime } from './calendar';
import { formatInstant, printElements } from './format';
import { formatterElements, ISO_LOCAL_DATE, ISO_LOCAL_DATE_TIME } from './named';
import { parseLocalDate, parseLocalDateTime, parseZoned } from './resolve';
import { offsetId, systemZoneId, zoneOf, type Zone } from './zone';
import { ofInstant, ofLocal, type ZonedDateTime } from './zoned';
import { DEFAULT_LOCALE } from './names';

export type JavaDateKind = 'ZonedDateTime' | 'Instant' | 'LocalDateTime' | 'LocalDate' | 'Date';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** LocalTime.toString: HH:mm, then :ss and a 3/6/9-digit fraction only when needed. */
function localTimeText(local: LocalDateTime): string {
  let text = `${pad(local.hour)}:${pad(local.minute)}`;
  if (local.second > 0 || local.nano > 0) {
    text += `:${pad(local.second)}`;
    if (local.nano > 0) {
      const digits = pad(local.nano, 9);
      text += `.${local.nano % 1e6 === 0 ? digits.slice(0, 3) : local.nano % 1e3 === 0 ? digits.slice(0, 6) : digits}`;
    }
  }
  return text;
}

function localDateText(local: LocalDateTime): string {
  const year =
    local.year > 9999 ? `+${local.year}` : local.year < 0 ? `-${pad(-local.year, 4)}` : pad(local.year, 4);
  return `${year}-${pad(local.month)}-${pad(local.day)}`;
}

export class PebbleDate implements PebbleObject {
  constructor(
    readonly pebbleKind: JavaDateKind,
    /** For zoned kinds the instant and zone; for local kinds only `local` matters. */
    readonly zoned: ZonedDateTime,
  ) {}

  get local(): LocalDateTime {
    return this.zoned.local;
  }

  /** The date as a ZonedDateTime in `zone`, as Kestra's AbstractDate.convert does. */
  atZone(zone: Zone): ZonedDateTime {
    switch (this.pebbleKind) {
      case 'ZonedDateTime':
        return this.zoned;
      case 'LocalDateTime':
        return ofLocal(this.local, zone);
      case 'LocalDate':
        return ofLocal({ ...this.local, hour: 12, minute: 0, second: 0, nano: 0 }, zone);
      default:
        return ofInstant(this.zoned.epochSecond, this.zoned.nano, zone);
    }
  }

  toPebbleString(): string {
    const local = this.local;
    switch (this.pebbleKind) {
      case 'ZonedDateTime': {
        const zone = this.zoned.zone;
        const base = `${localDateText(local)}T${localTimeText(local)}${offsetId(this.zoned.offset)}`;
        return zone.isOffset ? base : `${base}[${zone.id}]`;
      }
      case 'Instant':
        return formatInstant(this.zoned.epochSecond, this.zoned.nano);
      case 'LocalDateTime':
        return `${localDateText(local)}T${localTimeText(local)}`;
      case 'LocalDate':
        return localDateText(local);
      case 'Date': {
        const system = ofInstant(this.zoned.epochSecond, 0, zoneOf(systemZoneId()));
        return printElements(formatterElements('EEE MMM dd HH:mm:ss zzz yyyy'), system, DEFAULT_LOCALE);
      }
    }
  }

  toJSON(): string {
    switch (this.pebbleKind) {
      case 'ZonedDateTime':
        return printElements(
          formatterElements('iso_date_time'),
          { ...this.zoned, zone: { ...this.zoned.zone, isOffset: true } },
          DEFAULT_LOCALE,
        );
      case 'Date': {
        const utc = ofInstant(this.zoned.epochSecond, this.zoned.nano, zoneOf('Z'));
        return printElements(formatterElements("yyyy-MM-dd'T'HH:mm:ss.SSS"), utc, DEFAULT_LOCALE) + '+00:00';
      }
      default:
        return this.toPebbleString();
    }
  }
}

/**
 * Builds a Java date value from ISO text: `ZonedDateTime` from `2013-09-08T16:19:00+02:00[Europe/Paris]`,
 * `Instant`/`Date` from any zoned text, `LocalDateTime` from `2013-09-08T16:19:12`, `LocalDate` from `2013-09-08`.
 */
export function javaDate(kind: JavaDateKind, text: string): PebbleDate {
  const utc = zoneOf('Z');
  switch (kind) {
    case 'LocalDateTime':
      return new PebbleDate(
        kind,
        ofLocal(parseLocalDateTime(text, ISO_LOCAL_DATE_TIME, DEFAULT_LOCALE), utc),
      );
    case 'LocalDate': {
      const date = parseLocalDate(text, ISO_LOCAL_DATE, DEFAULT_LOCALE);
      return new PebbleDate(kind, ofLocal({ ...date, hour: 0, minute: 0, second: 0, nano: 0 }, utc));
    }
    case 'ZonedDateTime':
    case 'Instant':
    case 'Date': {
      const zoned = parseZoned(text, formatterElements('iso_zoned_date_time'), DEFAULT_LOCALE);
      if (kind === 'ZonedDateTime') return new PebbleDate(kind, zoned);
      const nano = kind === 'Date' ? Math.floor(zoned.nano / 1e6) * 1e6 : zoned.nano;
      return new PebbleDate(kind, ofInstant(zoned.epochSecond, nano, utc));
    }
    default:
      fail(`Unknown date kind: ${kind as string}`);
  }
}

/** A ZonedDateTime value for an instant in a zone (e.g. the engine's clock). */
export function zonedDateValue(date: Date, zoneId: string): PebbleDate {
  const epochMs = date.getTime();
  const epochSecond = Math.floor(epochMs / 1000);
  return new PebbleDate(
    'ZonedDateTime',
    ofInstant(epochSecond, (epochMs - epochSecond * 1000) * 1e6, zoneOf(zoneId)),
  );
}
