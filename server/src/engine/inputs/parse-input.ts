// Parsing and validation of one input value, as Kestra's FlowInputOutput.parseType + Input.validate do.
// Pure: the VS Code input form and the engine share it. Raw values are the text a user typed (CLI,
// form) or typed YAML values (`defaults`, Subflow inputs). Values come out in the form Kestra stores
// them (§2.6): instants as ISO strings with milliseconds, durations as seconds (a double), FILE as
// the path or `kestra:///` URI given (the engine uploads local paths).
import { parse as parseYaml } from 'yaml';
import { fromJsonValue, makeDouble, type PebbleValue } from '../../expr/values';
import { formatJavaDuration, parseIsoDuration } from '../duration';
import { javaToString, notAStringMessage, toJavaFloat } from '../java-text';
import type { InputDefinition, InputType } from './input-definition';
import { formatInstant, formatJavaInstant, parseInstant, parseLocalDate, parseLocalTime } from './temporal';

export type InputParseResult = { ok: true; value: PebbleValue } | { ok: false; message: string };

/** A failure while converting: `argument` failures keep their message, others are wrapped (Kestra's IAE rule). */
class ConversionError extends Error {
  constructor(
    message: string,
    readonly argument: boolean,
  ) {
    super(message);
  }
}

const URI_PATTERN =
  /^[a-z]+:\/\/(?:www\.)?[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b(?:[-a-zA-Z0-9()@:%_+.~#?&/=]*)$/;
const EMAIL_PATTERN = /^(?:|[a-zA-Z0-9_!#$%&’*+/=?`{|}~^.-]+@[a-zA-Z0-9.-]+)$/;
const JAVA_FLOAT = /^[+-]?(?:NaN|Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?)$/;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/** Parses and validates `raw` for `input`; the error message is Kestra's full sentence. */
export function parseInputValue(input: InputDefinition, raw: unknown): InputParseResult {
  if (raw === null || raw === undefined) {
    return input.required
      ? { ok: false, message: invalid(input, 'missing required input', null) }
      : { ok: true, value: null };
  }
  let value: PebbleValue;
  try {
    value = convert(input.type, raw, input.itemType);
  } catch (error) {
    const failure = error instanceof ConversionError ? error : new ConversionError(String(error), false);
    return {
      ok: false,
      message: invalid(
        input,
        failure.argument ? failure.message : `java.lang.Exception: ${failure.message}`,
        raw,
      ),
    };
  }
  const problem = validate(input, value);
  return problem === undefined ? { ok: true, value } : { ok: false, message: invalid(input, problem, raw) };
}

function invalid(input: InputDefinition, message: string, raw: unknown): string {
  return `Invalid input for \`${input.id}\`, ${message}, but received \`${javaToString(raw)}\``;
}

function convert(type: InputType, raw: unknown, itemType: InputType | undefined): PebbleValue {
  try {
    return convertOrThrow(type, raw, itemType);
  } catch (error) {
    if (error instanceof ConversionError && error.argument) throw error;
    const cause = error instanceof Error ? error.message : String(error);
    throw new ConversionError(
      `Expected \`${type}\` but received \`${javaToString(raw)}\` with errors:\n\`\`\`\n${cause}\n\`\`\``,
      false,
    );
  }
}

function requireString(raw: unknown): string {
  if (typeof raw !== 'string') throw new Error(notAStringMessage(raw));
  return raw;
}

function forInputString(text: string): ConversionError {
  return new ConversionError(`For input string: "${text}"`, true);
}

function convertOrThrow(type: InputType, raw: unknown, itemType: InputType | undefined): PebbleValue {
  switch (type) {
    case 'STRING':
    case 'SELECT':
    case 'ENUM':
    case 'EMAIL':
    case 'SECRET':
      // Jackson coerces YAML scalars into the String-typed defaults.
      return typeof raw === 'string' || typeof raw === 'object' ? fromJsonValue(raw) : javaToString(raw);
    case 'INT': {
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= INT_MIN && raw <= INT_MAX) return raw;
      const text = requireString(raw);
      if (!/^[+-]?[0-9]+$/.test(text)) throw forInputString(text);
      const parsed = Number(text);
      if (parsed < INT_MIN || parsed > INT_MAX) throw forInputString(text);
      return parsed;
    }
    case 'FLOAT': {
      if (typeof raw === 'number') return makeDouble(toJavaFloat(raw));
      const text = javaToString(raw).trim();
      if (text === '') throw new ConversionError('empty String', true);
      if (!JAVA_FLOAT.test(text)) throw forInputString(javaToString(raw));
      const parsed = Number(text.replace(/[fFdD]$/, ''));
      return makeDouble(toJavaFloat(parsed));
    }
    case 'BOOLEAN':
      if (typeof raw === 'boolean') return raw;
      return requireString(raw).toLowerCase() === 'true';
    case 'DATETIME':
      return formatInstant(parseInstant(requireString(raw)));
    case 'DATE':
      return parseLocalDate(requireString(raw));
    case 'TIME':
      return parseLocalTime(requireString(raw));
    case 'DURATION':
      if (typeof raw === 'number') return makeDouble(raw);
      return makeDouble(parseIsoDuration(requireString(raw)) / 1000);
    case 'FILE':
      return requireString(raw);
    case 'JSON':
      return fromJsonValue(JSON.parse(requireString(raw)));
    case 'YAML':
      return fromJsonValue(parseYaml(requireString(raw)));
    case 'URI': {
      const text = requireString(raw);
      if (!URI_PATTERN.test(text))
        throw new ConversionError(`Expected \`URI\` but received \`${text}\``, true);
      return text;
    }
    case 'ARRAY':
    case 'MULTISELECT': {
      const list = Array.isArray(raw) ? raw : JSON.parse(requireString(raw));
      if (!Array.isArray(list)) {
        throw new Error(
          `Cannot deserialize value of type \`java.util.ArrayList\` from ${javaToString(list)}`,
        );
      }
      if (!itemType) return fromJsonValue(list);
      return list.map((element: unknown) => {
        try {
          return convertOrThrow(itemType, element, undefined);
        } catch {
          throw new ConversionError(
            `Unable to parse array element as \`${itemType}\` on \`${javaToString(element)}\``,
            true,
          );
        }
      });
    }
  }
}

function fullMatch(pattern: string, text: string): boolean {
  return new RegExp(`^(?:${pattern})$`, 'u').test(text);
}

function numberBound(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

function durationBound(value: unknown): number | undefined {
  try {
    if (typeof value === 'number') return value * 1000;
    if (typeof value === 'string') return parseIsoDuration(value);
  } catch {
    // an unreadable bound is a flow validation problem, not an input one
  }
  return undefined;
}

function temporalBound(
  parse: (text: string) => string | number,
  value: unknown,
): string | number | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    return parse(value);
  } catch {
    return undefined;
  }
}

/** LocalTime.toString omits zero seconds (`10:00`), unlike the stored form. */
function javaLocalTime(stored: string): string {
  return stored.replace(/^(\d\d:\d\d):00$/, '$1');
}

function validate(input: InputDefinition, value: PebbleValue): string | undefined {
  switch (input.type) {
    case 'STRING':
    case 'SECRET':
      if (input.validator !== undefined && typeof value === 'string') {
        let matches: boolean;
        try {
          matches = fullMatch(input.validator, value);
        } catch {
          return `invalid pattern [${input.validator}]`;
        }
        if (!matches) return `it must match the pattern \`${input.validator}\``;
      }
      return undefined;
    case 'EMAIL':
      return typeof value === 'string' && !EMAIL_PATTERN.test(value)
        ? 'The input must be a valid email'
        : undefined;
    case 'INT':
    case 'FLOAT': {
      const number = typeof value === 'number' ? value : Number(JSON.stringify(value));
      const toText = (bound: number) =>
        input.type === 'FLOAT' ? javaToString(makeDouble(toJavaFloat(bound))) : String(bound);
      const min = numberBound(input.min);
      if (min !== undefined && number < min) return `it must be more than \`${toText(min)}\``;
      const max = numberBound(input.max);
      if (max !== undefined && number > max) return `it must be less than \`${toText(max)}\``;
      return undefined;
    }
    case 'DURATION': {
      const ms = Number(JSON.stringify(value)) * 1000;
      const min = durationBound(input.min);
      if (min !== undefined && ms < min) return `It must be more than \`${formatJavaDuration(min)}\``;
      const max = durationBound(input.max);
      if (max !== undefined && ms > max) return `It must be less than \`${formatJavaDuration(max)}\``;
      return undefined;
    }
    case 'DATETIME': {
      const ms = Date.parse(String(value));
      const after = temporalBound(parseInstant, input.after) as number | undefined;
      if (after !== undefined && ms < after) return `it must be after \`${formatJavaInstant(after)}\``;
      const before = temporalBound(parseInstant, input.before) as number | undefined;
      if (before !== undefined && ms > before) return `it must be before \`${formatJavaInstant(before)}\``;
      return undefined;
    }
    case 'DATE':
    case 'TIME': {
      const parse = input.type === 'DATE' ? parseLocalDate : parseLocalTime;
      const show = (text: string) => (input.type === 'TIME' ? javaLocalTime(text) : text);
      const text = String(value);
      const after = temporalBound(parse, input.after) as string | undefined;
      if (after !== undefined && text < after) return `it must be after \`${show(after)}\``;
      const before = temporalBound(parse, input.before) as string | undefined;
      if (before !== undefined && text > before) return `it must be before \`${show(before)}\``;
      return undefined;
    }
    case 'SELECT':
    case 'ENUM': {
      const values = input.values ?? [];
      const allowCustom = input.type === 'SELECT' && input.allowCustomValue === true;
      if (!values.includes(String(value)) && input.required && !allowCustom) {
        return `it must match the values \`[${values.join(', ')}]\``;
      }
      return undefined;
    }
    case 'MULTISELECT': {
      if (input.values && input.options) return "you can't define both `values` and `options`";
      if (input.allowCustomValue) return undefined;
      const allowed = input.values ?? input.options ?? [];
      for (const element of Array.isArray(value) ? value : []) {
        if (!allowed.includes(typeof element === 'string' ? element : javaToString(element))) {
          return `it must match the values \`[${allowed.join(', ')}]\``;
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
