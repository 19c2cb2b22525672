// Whether a literal value parses for an input type, as FlowInputOutput.parseType would read it
// (§2.4). Used for `defaults`; only what Kestra surely rejects is reported.
import { parse as parseYaml } from 'yaml';
import { parseJavaDuration } from './java-duration';

/** A value as written: `value` as YAML reads it, `source` the raw text of a scalar. */
export interface WrittenValue {
  value: unknown;
  source?: string;
}

export interface ValueProblem {
  severity: 'error' | 'warning';
  message: string;
}

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const FLOAT =
  /^\s*[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?|0[xX][0-9a-fA-F]*\.?[0-9a-fA-F]*[pP][+-]?\d+[fFdD]?)\s*$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?$/;
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)$/;
// Kestra's URI input pattern (lower-case scheme, dotted host with a 1–6 character TLD).
const URI =
  /^[a-z]+:\/\/(?:www\.)?[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b(?:[-a-zA-Z0-9()@:%_+.~#?&/=]*)$/;
// Kestra's EMAIL input pattern; the class holds a typographic apostrophe (U+2019), as in Kestra.
const EMAIL = /^$|^[a-zA-Z0-9_!#$%&\u2019*+/=?`{|}~^.-]+@[a-zA-Z0-9.-]+$/;

function text(written: WrittenValue): string | undefined {
  const { value } = written;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return written.source ?? String(value);
  return undefined;
}

function show(written: WrittenValue): string {
  return text(written) ?? JSON.stringify(written.value);
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1];
}

function isValidTime(hour: number, minute: number, second: number): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

function error(message: string): ValueProblem {
  return { severity: 'error', message };
}

type Parser = (written: WrittenValue) => ValueProblem | undefined;

const PARSERS: Record<string, Parser> = {
  INT: (w) => {
    const t = text(w);
    if (t === undefined || !/^[+-]?\d+$/.test(t)) {
      return error(`'${show(w)}' is not an integer: an INT input takes a whole number, e.g. 42.`);
    }
    const n = Number(t);
    if (n < INT_MIN || n > INT_MAX)
      return error(`${t} does not fit in an INT input (32-bit, ${INT_MIN} to ${INT_MAX}).`);
    return undefined;
  },
  FLOAT: (w) => {
    const t = text(w);
    return t !== undefined && FLOAT.test(t)
      ? undefined
      : error(`'${show(w)}' is not a number: a FLOAT input takes e.g. 3.14.`);
  },
  BOOLEAN: (w) => {
    if (typeof w.value === 'boolean') return undefined;
    const t = text(w);
    if (t !== undefined && /^(true|false)$/i.test(t)) return undefined;
    return {
      severity: 'warning',
      message: `'${show(w)}' is read as false: a BOOLEAN input is true only for the text \`true\`. Write true or false.`,
    };
  },
  DATE: (w) => {
    const match = DATE.exec(text(w) ?? '');
    if (match && isValidDate(Number(match[1]), Number(match[2]), Number(match[3]))) return undefined;
    return error(`'${show(w)}' is not a date: a DATE input takes yyyy-MM-dd, e.g. 2024-01-31.`);
  },
  DATETIME: (w) => {
    const match = INSTANT.exec(text(w) ?? '');
    const dateMatch = match ? DATE.exec(match[1]) : null;
    if (
      match &&
      dateMatch &&
      isValidDate(Number(dateMatch[1]), Number(dateMatch[2]), Number(dateMatch[3])) &&
      isValidTime(Number(match[2]), Number(match[3]), Number(match[4]))
    ) {
      return undefined;
    }
    return error(
      `'${show(w)}' is not an ISO-8601 instant: a DATETIME input takes a date, a time with seconds and a zone, e.g. 2024-01-31T10:00:00Z.`,
    );
  },
  TIME: (w) => {
    const match = TIME.exec(text(w) ?? '');
    if (match && isValidTime(Number(match[1]), Number(match[2]), Number(match[3] ?? 0))) return undefined;
    return error(`'${show(w)}' is not a time: a TIME input takes HH:mm or HH:mm:ss, e.g. 10:30:00.`);
  },
  DURATION: (w) => {
    const t = typeof w.value === 'string' ? w.value : undefined;
    if (t !== undefined && parseJavaDuration(t) !== undefined) return undefined;
    return error(`'${show(w)}' is not a duration: a DURATION input takes ISO-8601, e.g. PT30S, PT5M or P1D.`);
  },
  JSON: (w) => {
    if (typeof w.value !== 'string') {
      return error(
        'A JSON input takes its default as a JSON string: write it as a quoted or block (`|`) string.',
      );
    }
    try {
      JSON.parse(w.value);
      return undefined;
    } catch (e) {
      // Jackson ignores what follows a complete JSON value.
      if (/after JSON|Unexpected non-whitespace/.test(e instanceof Error ? e.message : '')) return undefined;
      return error('The default is not valid JSON: a JSON input takes a JSON text, e.g. {"key": "value"}.');
    }
  },
  YAML: (w) => {
    // A YAML structure is taken as is; a string must parse.
    if (typeof w.value !== 'string') return undefined;
    try {
      parseYaml(w.value);
      return undefined;
    } catch (e) {
      return error(
        `The default is not valid YAML: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`,
      );
    }
  },
  URI: (w) =>
    URI.test(text(w) ?? '')
      ? undefined
      : error(
          `'${show(w)}' is not accepted as a URI input: Kestra expects a lower-case scheme and a dotted host, e.g. https://example.com/path.`,
        ),
  EMAIL: (w) =>
    EMAIL.test(text(w) ?? '')
      ? undefined
      : error(`'${show(w)}' is not an email address: an EMAIL input takes e.g. name@example.com.`),
};

/** Types whose raw values parse by the table above; others (STRING, SECRET, SELECT…) take any text. */
export function valueProblem(type: string, written: WrittenValue): ValueProblem | undefined {
  return PARSERS[type]?.(written);
}

export function hasParser(type: string): boolean {
  return type in PARSERS;
}
