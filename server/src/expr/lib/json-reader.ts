// A JSON reader that keeps Java's number types: `1` is a Long, `1.0` and `1e3` are Doubles (boxed when
// integral). Like Jackson's readTree/readValue, it reads the first value and ignores what follows it
// when separated by whitespace. Errors name the character, line and column.
import { PebbleError } from '../errors';
import { makeDouble, type PebbleMap, type PebbleValue } from '../values';

class JsonReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  error(expecting: string): never {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n');
    const char = this.text[this.pos];
    const found =
      char === undefined
        ? 'Unexpected end-of-input'
        : `Unexpected character ('${char}' (code ${char.charCodeAt(0)}))`;
    throw new PebbleError(`${found}: ${expecting} at line ${line}, column ${column}`, 'runtime');
  }

  skipSpace(): void {
    while (this.pos < this.text.length && /[ \t\r\n]/.test(this.text[this.pos])) this.pos++;
  }

  readValue(): PebbleValue {
    this.skipSpace();
    const char = this.text[this.pos];
    if (char === '{') return this.readObject();
    if (char === '[') return this.readArray();
    if (char === '"') return this.readString();
    if (char === '-' || (char >= '0' && char <= '9')) return this.readNumber();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return value;
      }
    }
    this.error("expected JSON String, Number, Array, Object or token 'null', 'true' or 'false'");
  }

  readObject(): PebbleMap {
    const out: PebbleMap = {};
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.error('was expecting double-quote to start field name');
      const key = this.readString();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.error('was expecting a colon to separate field name and value');
      this.pos++;
      out[key] = this.readValue();
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === '}') return out;
      if (next !== ',') {
        this.pos--;
        this.error('was expecting comma to separate Object entries');
      }
    }
  }

  readArray(): PebbleValue[] {
    const out: PebbleValue[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.readValue());
      this.skipSpace();
      const next = this.text[this.pos++];
      if (next === ']') return out;
      if (next !== ',') {
        this.pos--;
        this.error('was expecting comma to separate Array entries');
      }
    }
  }

  readString(): string {
    const start = this.pos;
    this.pos++;
    let out = '';
    for (;;) {
      const char = this.text[this.pos];
      if (char === undefined) {
        this.pos = start;
        this.error('was expecting closing quote for a string value');
      }
      if (char === '"') {
        this.pos++;
        return out;
      }
      if (char === '\\') {
        const escape = this.text[this.pos + 1];
        const simple: Record<string, string> = {
          '"': '"',
          '\\': '\\',
          '/': '/',
          b: '\b',
          f: '\f',
          n: '\n',
          r: '\r',
          t: '\t',
        };
        if (escape in simple) {
          out += simple[escape];
          this.pos += 2;
        } else if (escape === 'u' && /^[0-9A-Fa-f]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
          out += String.fromCharCode(parseInt(this.text.slice(this.pos + 2, this.pos + 6), 16));
          this.pos += 6;
        } else {
          this.pos++;
          this.error('Unrecognized character escape');
        }
        continue;
      }
      if (char.charCodeAt(0) < 0x20) this.error('Illegal unquoted character, must be escaped');
      out += char;
      this.pos++;
    }
  }

  readNumber(): PebbleValue {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
    if (!match) this.error('expected digit for a number');
    this.pos += match[0].length;
    const value = Number(match[0]);
    return match[2] === undefined && match[3] === undefined ? value : makeDouble(value);
  }

  /** After the first value: only whitespace, or whitespace then anything (Jackson stops reading there). */
  finish(): void {
    const end = this.pos;
    this.skipSpace();
    if (this.pos < this.text.length && this.pos === end) {
      this.error('Expected space separating root-level values');
    }
  }
}

/** Parses JSON text into Pebble values; throws a PebbleError describing the first problem. */
export function readJson(text: string): PebbleValue {
  const reader = new JsonReader(text);
  reader.skipSpace();
  if (text.trim() === '') throw new PebbleError('No content to map due to end-of-input', 'runtime');
  const value = reader.readValue();
  reader.finish();
  return value;
}
