// Parses text with compiled DateTimeFormatter elements into raw fields (strict, case-sensitive, with
// adjacent value parsing for patterns such as `yyyyMMdd`).
import {
  ampmNames,
  eraNames,
  monthNames,
  quarterNames,
  weekdayNames,
  ENGLISH_MONTHS,
  ENGLISH_WEEKDAYS,
} from './names';
import type { Element, Field } from './pattern';
import { fixedZone, parseOffset, zoneOf, type Zone } from './zone';
import { localEpochSeconds } from './calendar';

export interface Parsed {
  fields: Partial<Record<Field, number>>;
  offset?: number;
  zone?: Zone;
  instant?: { epochSecond: number; nano: number };
}

/** Thrown when the text does not match; `index` is where it stopped matching. */
export class ParseFailure extends Error {
  constructor(readonly index: number) {
    super(`could not be parsed at index ${index}`);
  }
}

function clone(parsed: Parsed): Parsed {
  return { ...parsed, fields: { ...parsed.fields } };
}

function fixedWidth(element: Element): number | null {
  if (element.kind === 'number' && element.min === element.max) return element.min;
  if (element.kind === 'reduced') return 2;
  if (element.kind === 'fraction' && !element.point && element.min === element.max) return element.min;
  return null;
}

function reservedAfter(elements: Element[], index: number): number {
  let reserved = 0;
  for (let i = index + 1; i < elements.length; i++) {
    const width = fixedWidth(elements[i]);
    if (width === null) break;
    reserved += width;
  }
  return reserved;
}

function digitsAt(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
  return end - pos;
}

function textCandidates(element: Extract<Element, { kind: 'text' }>, locale: string): string[] {
  switch (element.field) {
    case 'month':
      return element.english ? ENGLISH_MONTHS : monthNames(locale, element.style);
    case 'dayOfWeek':
      return element.english ? ENGLISH_WEEKDAYS : weekdayNames(locale, element.style);
    case 'ampm':
      return ampmNames(locale);
    case 'era':
      return eraNames(element.style);
    default:
      return quarterNames(element.style);
  }
}

function parseSignedOffset(text: string, pos: number): [number, number] | null {
  const match = /^[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?/.exec(text.slice(pos));
  if (!match) return null;
  const offset = parseOffset(match[0]);
  return offset === null ? null : [offset, pos + match[0].length];
}

function parseZoneId(text: string, pos: number, parsed: Parsed): number {
  const offset = parseSignedOffset(text, pos);
  if (offset) {
    parsed.zone = fixedZone(offset[0]);
    return offset[1];
  }
  const match = /^[A-Za-z][A-Za-z0-9~/._+-]*/.exec(text.slice(pos));
  if (!match) throw new ParseFailure(pos);
  for (let length = match[0].length; length > 0; length--) {
    try {
      parsed.zone = zoneOf(match[0].slice(0, length));
      return pos + length;
    } catch {
      // try a shorter prefix
    }
  }
  throw new ParseFailure(pos);
}

function parseElement(
  elements: Element[],
  index: number,
  text: string,
  pos: number,
  parsed: Parsed,
  locale: string,
): number {
  const element = elements[index];
  switch (element.kind) {
    case 'literal':
      if (!text.startsWith(element.text, pos)) throw new ParseFailure(pos);
      return pos + element.text.length;
    case 'number': {
      let start = pos;
      let negative = false;
      if (element.sign !== 'notNegative' && (text[pos] === '-' || text[pos] === '+')) {
        negative = text[pos] === '-';
        start++;
      }
      const available = digitsAt(text, start);
      const take = Math.min(element.max, Math.max(element.min, available - reservedAfter(elements, index)));
      if (available < element.min || take > available) throw new ParseFailure(pos);
      const value = Number(text.slice(start, start + take));
      parsed.fields[element.field] = negative ? -value : value;
      return start + take;
    }
    case 'reduced': {
      if (digitsAt(text, pos) < 2) throw new ParseFailure(pos);
      parsed.fields[element.field] = 2000 + Number(text.slice(pos, pos + 2));
      return pos + 2;
    }
    case 'fraction': {
      let start = pos;
      if (element.point) {
        if (text[pos] !== '.') {
          if (element.min > 0) throw new ParseFailure(pos);
          return pos;
        }
        start++;
      }
      const available = Math.min(digitsAt(text, start), element.max);
      const take = element.min === element.max ? element.min : Math.max(available, element.min);
      if (available < take || (element.point && take === 0)) throw new ParseFailure(start);
      parsed.fields.nano = Number(text.slice(start, start + take).padEnd(9, '0'));
      return start + take;
    }
    case 'text': {
      const candidates = textCandidates(element, locale);
      let best = -1;
      candidates.forEach((name, i) => {
        if (text.startsWith(name, pos) && (best < 0 || name.length > candidates[best].length)) best = i;
      });
      if (best < 0) throw new ParseFailure(pos);
      const offsets: Partial<Record<Field, number>> = { month: 1, dayOfWeek: 1, quarter: 1 };
      parsed.fields[element.field] = best + (offsets[element.field] ?? 0);
      return pos + candidates[best].length;
    }
    case 'offset': {
      const signed = parseSignedOffset(text, pos);
      if (signed) {
        parsed.offset = signed[0];
        return signed[1];
      }
      if (text.startsWith(element.noOffset, pos)) {
        parsed.offset = 0;
        return pos + element.noOffset.length;
      }
      throw new ParseFailure(pos);
    }
    case 'localizedOffset': {
      if (!text.startsWith('GMT', pos)) throw new ParseFailure(pos);
      const match = /^([+-])(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?/.exec(text.slice(pos + 3));
      if (!match) {
        parsed.offset = 0;
        return pos + 3;
      }
      const seconds = Number(match[2]) * 3600 + Number(match[3] ?? 0) * 60 + Number(match[4] ?? 0);
      parsed.offset = match[1] === '-' ? -seconds : seconds;
      return pos + 3 + match[0].length;
    }
    case 'zoneId':
    case 'zoneText':
      return parseZoneId(text, pos, parsed);
    case 'instant':
      return parseInstant(text, pos, parsed, locale);
    case 'optional': {
      const attempt = clone(parsed);
      try {
        const end = parseElements(element.elements, text, pos, attempt, locale);
        Object.assign(parsed, attempt);
        return end;
      } catch (error) {
        if (error instanceof ParseFailure) return pos;
        throw error;
      }
    }
    case 'localized':
      throw new ParseFailure(pos);
  }
}

const INSTANT_ELEMENTS: Element[] = [
  { kind: 'number', field: 'year', min: 4, max: 10, sign: 'exceeds' },
  { kind: 'literal', text: '-' },
  { kind: 'number', field: 'month', min: 2, max: 2, sign: 'notNegative' },
  { kind: 'literal', text: '-' },
  { kind: 'number', field: 'day', min: 2, max: 2, sign: 'notNegative' },
  { kind: 'literal', text: 'T' },
  { kind: 'number', field: 'hour', min: 2, max: 2, sign: 'notNegative' },
  { kind: 'literal', text: ':' },
  { kind: 'number', field: 'minute', min: 2, max: 2, sign: 'notNegative' },
  { kind: 'literal', text: ':' },
  { kind: 'number', field: 'second', min: 2, max: 2, sign: 'notNegative' },
  { kind: 'fraction', min: 0, max: 9, point: true },
  { kind: 'offset', pattern: '+HH:MM:ss', noOffset: 'Z' },
];

function parseInstant(text: string, pos: number, parsed: Parsed, locale: string): number {
  const inner: Parsed = { fields: {} };
  const end = parseElements(INSTANT_ELEMENTS, text, pos, inner, locale);
  const f = inner.fields;
  const local = {
    year: f.year ?? 0,
    month: f.month ?? 1,
    day: f.day ?? 1,
    hour: f.hour ?? 0,
    minute: f.minute ?? 0,
    second: f.second ?? 0,
    nano: 0,
  };
  parsed.instant = { epochSecond: localEpochSeconds(local) - (inner.offset ?? 0), nano: f.nano ?? 0 };
  parsed.offset = 0;
  return end;
}

export function parseElements(
  elements: Element[],
  text: string,
  pos: number,
  parsed: Parsed,
  locale: string,
): number {
  let current = pos;
  for (let i = 0; i < elements.length; i++)
    current = parseElement(elements, i, text, current, parsed, locale);
  return current;
}
