// Amazon ION text as Jackson's ION mapper writes it: compact structs with symbol field names
// (`{a:1,'b c':"x"}`), floats as `1.123e0`, dates as annotated strings (`ZonedDateTime::"…"`).
import { PebbleDouble, formatJavaDouble, isPebbleObject, type PebbleValue } from '../values';
import { PebbleFloat, floatAsDouble } from './java';

const KEYWORDS = new Set(['null', 'true', 'false', 'nan']);

/** ion-java's printFloat: Double.toString with "e0" instead of a trailing ".0", and an `e` exponent. */
export function ionFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0e0' : '0e0';
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? '+inf' : '-inf';
  const text = formatJavaDouble(value);
  if (text.endsWith('.0')) return `${text.slice(0, -2)}e0`;
  if (text.includes('E')) return text.replace('E', 'e');
  return `${text}e0`;
}

function escapeChar(char: string, quote: string): string {
  switch (char) {
    case '\n':
      return '\\n';
    case '\t':
      return '\\t';
    case '\r':
      return '\\r';
    case '\\':
      return '\\\\';
    case quote:
      return `\\${quote}`;
    default: {
      const code = char.charCodeAt(0);
      return code < 0x20 || code === 0x7f ? `\\x${code.toString(16).padStart(2, '0')}` : char;
    }
  }
}

export function ionString(text: string, quote = '"'): string {
  let out = quote;
  for (const char of text) out += escapeChar(char, quote);
  return out + quote;
}

/** A symbol: bare when it is an identifier (and not a keyword or `$n`), quoted otherwise. */
export function ionSymbol(text: string): string {
  if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(text) && !KEYWORDS.has(text) && !/^\$\d+$/.test(text)) return text;
  return ionString(text, "'");
}

export function toIonText(value: PebbleValue | undefined): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return ionString(value);
  if (typeof value === 'boolean') return String(value);
  if (value instanceof PebbleFloat) return ionFloat(floatAsDouble(value));
  if (value instanceof PebbleDouble) return ionFloat(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : ionFloat(value);
  if (isPebbleObject(value)) {
    const json = value.toJSON();
    return `${ionSymbol(value.pebbleKind)}::${typeof json === 'string' ? ionString(json) : ionString(JSON.stringify(json))}`;
  }
  if (Array.isArray(value)) return `[${value.map((item) => toIonText(item)).join(',')}]`;
  const fields = Object.entries(value).map(([key, item]) => `${ionSymbol(key)}:${toIonText(item)}`);
  return `{${fields.join(',')}}`;
}
