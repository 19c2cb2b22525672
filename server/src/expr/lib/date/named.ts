// Kestra's named date formats (AbstractDate.FORMATTERS and the localized styles) as elements.
import { compilePattern, type Element } from './pattern';

const num = (field: Extract<Element, { kind: 'number' }>['field'], min: number, max = min): Element => ({
  kind: 'number',
  field,
  min,
  max,
  sign: min === 4 && max === 10 ? 'exceeds' : 'notNegative',
});
const lit = (text: string): Element => ({ kind: 'literal', text });
const opt = (...elements: Element[]): Element => ({ kind: 'optional', elements });

const OFFSET_ID: Element = { kind: 'offset', pattern: '+HH:MM:ss', noOffset: 'Z' };
const LOCAL_DATE: Element[] = [num('year', 4, 10), lit('-'), num('month', 2), lit('-'), num('day', 2)];
const LOCAL_TIME: Element[] = [
  num('hour', 2),
  lit(':'),
  num('minute', 2),
  opt(lit(':'), num('second', 2), opt({ kind: 'fraction', min: 0, max: 9, point: true })),
];
const LOCAL_DATE_TIME: Element[] = [...LOCAL_DATE, lit('T'), ...LOCAL_TIME];
const OFFSET_DATE_TIME: Element[] = [...LOCAL_DATE_TIME, OFFSET_ID];
const REGION: Element = opt(lit('['), { kind: 'zoneId', regionOnly: true }, lit(']'));

const RFC_1123: Element[] = [
  opt({ kind: 'text', field: 'dayOfWeek', style: 'short', english: true }, lit(', ')),
  { kind: 'number', field: 'day', min: 1, max: 2, sign: 'notNegative' },
  lit(' '),
  { kind: 'text', field: 'month', style: 'short', english: true },
  lit(' '),
  num('year', 4),
  lit(' '),
  num('hour', 2),
  lit(':'),
  num('minute', 2),
  opt(lit(':'), num('second', 2)),
  lit(' '),
  { kind: 'offset', pattern: '+HHMM', noOffset: 'GMT' },
];

const NAMED: Record<string, Element[]> = {
  iso: compilePattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX"),
  iso_sec: compilePattern("yyyy-MM-dd'T'HH:mm:ssXXX"),
  sql: compilePattern('yyyy-MM-dd HH:mm:ss.SSSSSS'),
  sql_seq: compilePattern('yyyy-MM-dd HH:mm:ss'),
  iso_date_time: [...LOCAL_DATE_TIME, opt(OFFSET_ID, REGION)],
  iso_date: [...LOCAL_DATE, opt(OFFSET_ID)],
  iso_time: [...LOCAL_TIME, opt(OFFSET_ID)],
  iso_local_date: LOCAL_DATE,
  iso_instant: [{ kind: 'instant' }],
  iso_local_date_time: LOCAL_DATE_TIME,
  iso_local_time: LOCAL_TIME,
  iso_offset_time: [...LOCAL_TIME, OFFSET_ID],
  iso_ordinal_date: [num('year', 4, 10), lit('-'), num('dayOfYear', 3), opt(OFFSET_ID)],
  iso_week_date: [
    { kind: 'number', field: 'isoWeekYear', min: 4, max: 10, sign: 'exceeds' },
    lit('-W'),
    num('isoWeek', 2),
    lit('-'),
    num('dayOfWeek', 1),
    opt(OFFSET_ID),
  ],
  iso_zoned_date_time: [...OFFSET_DATE_TIME, REGION],
  rfc_1123_date_time: RFC_1123,
  full: [{ kind: 'localized', dateStyle: 'full' }],
  long: [{ kind: 'localized', dateStyle: 'long' }],
  medium: [{ kind: 'localized', dateStyle: 'medium' }],
  short: [{ kind: 'localized', dateStyle: 'short' }],
};

/** The elements of a named format, or of a DateTimeFormatter pattern. */
export function formatterElements(format: string): Element[] {
  return Object.prototype.hasOwnProperty.call(NAMED, format) ? NAMED[format] : compilePattern(format);
}

/** Default parsers of ZonedDateTime.parse, LocalDateTime.parse and LocalDate.parse. */
export const ISO_ZONED_DATE_TIME = NAMED.iso_zoned_date_time;
export const ISO_LOCAL_DATE_TIME = NAMED.iso_local_date_time;
export const ISO_LOCAL_DATE = NAMED.iso_local_date;
