// DateTimeFormatter.ofPattern: compiles pattern letters into printer/parser elements, with Java's
// letter counts and error messages ("Too many pattern letters: d", "Unknown pattern letter: b").
import { fail } from '../args';

export type Field =
  | 'era'
  | 'year'
  | 'yearOfEra'
  | 'weekBasedYear'
  | 'weekOfWeekBasedYear'
  | 'weekOfMonth'
  | 'quarter'
  | 'month'
  | 'day'
  | 'dayOfYear'
  | 'dayOfWeek'
  | 'localDayOfWeek'
  | 'alignedWeekOfMonth'
  | 'ampm'
  | 'hour'
  | 'clockHourAmPm'
  | 'hourAmPm'
  | 'clockHour'
  | 'minute'
  | 'second'
  | 'nano'
  | 'milliOfDay'
  | 'nanoOfDay'
  | 'isoWeekYear'
  | 'isoWeek';

export type SignStyle = 'normal' | 'exceeds' | 'notNegative';
export type TextStyle = 'short' | 'full' | 'narrow';

export type Element =
  | { kind: 'literal'; text: string }
  | { kind: 'number'; field: Field; min: number; max: number; sign: SignStyle }
  | { kind: 'reduced'; field: Field }
  | { kind: 'fraction'; min: number; max: number; point: boolean }
  | { kind: 'text'; field: Field; style: TextStyle; english?: boolean }
  | { kind: 'offset'; pattern: string; noOffset: string }
  | { kind: 'localizedOffset'; full: boolean }
  | { kind: 'zoneId'; regionOnly: boolean }
  | { kind: 'zoneText'; full: boolean }
  | { kind: 'instant' }
  | { kind: 'optional'; elements: Element[] }
  | { kind: 'localized'; dateStyle: 'full' | 'long' | 'medium' | 'short' };

const TEXT_STYLES: Record<number, TextStyle> = { 1: 'short', 2: 'short', 3: 'short', 4: 'full', 5: 'narrow' };

function tooMany(letter: string): never {
  fail(`Too many pattern letters: ${letter}`);
}

function value(field: Field, count: number, sign: SignStyle = 'notNegative'): Element {
  if (count === 1) return { kind: 'number', field, min: 1, max: 19, sign: 'normal' };
  return { kind: 'number', field, min: count, max: count, sign };
}

function yearElement(field: Field, count: number): Element {
  if (count === 2) return { kind: 'reduced', field };
  if (count < 4) return { kind: 'number', field, min: count, max: 19, sign: 'normal' };
  return { kind: 'number', field, min: count, max: 19, sign: 'exceeds' };
}

function textOrValue(field: Field, letter: string, count: number): Element {
  if (count <= 2) return value(field, count);
  if (count > 5) tooMany(letter);
  return { kind: 'text', field, style: TEXT_STYLES[count] };
}

const OFFSET_PATTERNS = ['+HHmm', '+HHMM', '+HH:MM', '+HHMMss', '+HH:MM:ss'];

function letterElement(letter: string, count: number): Element {
  switch (letter) {
    case 'G':
      if (count > 5) tooMany(letter);
      return { kind: 'text', field: 'era', style: TEXT_STYLES[count] };
    case 'u':
      return yearElement('year', count);
    case 'y':
      return yearElement('yearOfEra', count);
    case 'Y':
      return yearElement('weekBasedYear', count);
    case 'Q':
    case 'q':
      return textOrValue('quarter', letter, count);
    case 'M':
    case 'L':
      return textOrValue('month', letter, count);
    case 'w':
      if (count > 2) tooMany(letter);
      return value('weekOfWeekBasedYear', count);
    case 'W':
      if (count > 1) tooMany(letter);
      return value('weekOfMonth', 1);
    case 'E':
      if (count > 5) tooMany(letter);
      return { kind: 'text', field: 'dayOfWeek', style: TEXT_STYLES[count] };
    case 'e':
    case 'c':
      if (letter === 'c' && count === 2) fail('Invalid pattern "cc"');
      if (count <= 2) return value('localDayOfWeek', count);
      if (count > 5) tooMany(letter);
      return { kind: 'text', field: 'dayOfWeek', style: TEXT_STYLES[count] };
    case 'F':
      if (count > 1) tooMany(letter);
      return value('alignedWeekOfMonth', 1);
    case 'a':
      if (count > 1) tooMany(letter);
      return { kind: 'text', field: 'ampm', style: 'short' };
    case 'd':
    case 'h':
    case 'H':
    case 'k':
    case 'K':
    case 'm':
    case 's': {
      if (count > 2) tooMany(letter);
      const fields: Record<string, Field> = {
        d: 'day',
        h: 'clockHourAmPm',
        H: 'hour',
        k: 'clockHour',
        K: 'hourAmPm',
        m: 'minute',
        s: 'second',
      };
      return value(fields[letter], count);
    }
    case 'D':
      if (count > 3) tooMany(letter);
      if (count === 2) return { kind: 'number', field: 'dayOfYear', min: 2, max: 3, sign: 'notNegative' };
      return value('dayOfYear', count);
    case 'S':
      if (count > 9) tooMany(letter);
      return { kind: 'fraction', min: count, max: count, point: false };
    case 'n':
    case 'N':
    case 'A': {
      const field: Field = letter === 'n' ? 'nano' : letter === 'N' ? 'nanoOfDay' : 'milliOfDay';
      return count === 1
        ? value(field, 1)
        : { kind: 'number', field, min: count, max: 19, sign: 'notNegative' };
    }
    case 'V':
      if (count !== 2) fail(`Pattern letter count must be 2: ${letter}`);
      return { kind: 'zoneId', regionOnly: false };
    case 'v':
    case 'z':
      if (count > 4) tooMany(letter);
      return { kind: 'zoneText', full: count === 4 };
    case 'O':
      if (count !== 1 && count !== 4) fail(`Pattern letter count must be 1 or 4: ${letter}`);
      return { kind: 'localizedOffset', full: count === 4 };
    case 'X':
    case 'x':
      if (count > 5) tooMany(letter);
      return {
        kind: 'offset',
        pattern: OFFSET_PATTERNS[count - 1],
        noOffset: letter === 'X' ? 'Z' : ['+00', '+0000', '+00:00', '+0000', '+00:00'][count - 1],
      };
    case 'Z':
      if (count > 5) tooMany(letter);
      if (count <= 3) return { kind: 'offset', pattern: '+HHMM', noOffset: '+0000' };
      if (count === 4) return { kind: 'localizedOffset', full: true };
      return { kind: 'offset', pattern: '+HH:MM:ss', noOffset: 'Z' };
    default:
      fail(`Unknown pattern letter: ${letter}`);
  }
}

const cache = new Map<string, Element[]>();

/** Compiles a DateTimeFormatter pattern (cached). */
export function compilePattern(pattern: string): Element[] {
  const cached = cache.get(pattern);
  if (cached) return cached;
  const stack: Element[][] = [[]];
  const push = (element: Element) => stack[stack.length - 1].push(element);
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i];
    if (/[A-Za-z]/.test(c)) {
      let count = 1;
      while (pattern[i + count] === c) count++;
      push(letterElement(c, count));
      i += count;
    } else if (c === "'") {
      let end = i + 1;
      for (; end < pattern.length; end++) {
        if (pattern[end] !== "'") continue;
        if (pattern[end + 1] === "'") end++;
        else break;
      }
      if (end >= pattern.length) fail(`Pattern ends with an incomplete string literal: ${pattern}`);
      const text = pattern.slice(i + 1, end);
      push({ kind: 'literal', text: text === '' ? "'" : text.replace(/''/g, "'") });
      i = end + 1;
    } else if (c === '[') {
      stack.push([]);
      i++;
    } else if (c === ']') {
      if (stack.length === 1) fail('Pattern invalid as it contains ] without previous [');
      const elements = stack.pop() as Element[];
      push({ kind: 'optional', elements });
      i++;
    } else if (c === '{' || c === '}' || c === '#') {
      fail(`Pattern includes reserved character: '${c}'`);
    } else {
      push({ kind: 'literal', text: c });
      i++;
    }
  }
  while (stack.length > 1) {
    const elements = stack.pop() as Element[];
    stack[stack.length - 1].push({ kind: 'optional', elements });
  }
  if (cache.size > 200) cache.clear();
  cache.set(pattern, stack[0]);
  return stack[0];
}
