// Reads Amazon ION text into Pebble values, as Jackson's ION mapper does for `fromIon`: structs → maps,
// lists and s-expressions → lists, strings and symbols → strings, ints → Longs, decimals and floats →
// Doubles, timestamps → their text, blobs → Base64 text, annotations dropped. The first value is read.
import { PebbleError } from '../errors';
import { makeDouble, type PebbleMap, type PebbleValue } from '../values';

const SYMBOL = /^[A-Za-z_$][A-Za-z0-9_$]*/;
const TIMESTAMP = /^\d{4}(-\d{2}(-\d{2})?)?T?(\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?(?![\w.:-])/;
const NUMBER =
  /^[+-]?(0[xX][0-9A-Fa-f_]+|0[bB][01_]+|\d[\d_]*(\.[\d_]*)?([eEdD][+-]?\d+)?|\.\d+([eEdD][+-]?\d+)?)/;

class IonReader {
  private pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new PebbleError(`${message} at offset ${this.pos}`, 'runtime');
  }

  skipSpaceAndComments(): void {
    for (;;) {
      const rest = this.text.slice(this.pos);
      const space = /^[\s]+/.exec(rest);
      if (space) this.pos += space[0].length;
      else if (rest.startsWith('//')) {
        const end = this.text.indexOf('\n', this.pos);
        this.pos = end < 0 ? this.text.length : end + 1;
      } else if (rest.startsWith('/*')) {
        const end = this.text.indexOf('*/', this.pos + 2);
        if (end < 0) this.fail('Unterminated comment');
        this.pos = end + 2;
      } else return;
    }
  }

  atEnd(): boolean {
    this.skipSpaceAndComments();
    return this.pos >= this.text.length;
  }

  value(inSexp = false): PebbleValue {
    this.skipSpaceAndComments();
    const rest = this.text.slice(this.pos);
    const c = rest[0];
    if (c === undefined) this.fail('Unexpected end of input');
    if (c === '{' && rest[1] === '{') return this.lob();
    if (c === '{') return this.struct();
    if (c === '[') return this.sequence(']', false);
    if (c === '(') return this.sequence(')', true);
    if (c === '"') return this.quoted('"');
    if (rest.startsWith("'''")) return this.longString();
    if (c === "'") return this.annotated(this.quoted("'"), inSexp);
    const timestamp = TIMESTAMP.exec(rest);
    if (timestamp && /^\d{4}(-|T)/.test(rest)) {
      this.pos += timestamp[0].length;
      return timestamp[0];
    }
    for (const [word, value] of [
      ['+inf', Infinity],
      ['-inf', -Infinity],
    ] as const) {
      if (rest.startsWith(word)) {
        this.pos += word.length;
        return makeDouble(value);
      }
    }
    const number = NUMBER.exec(rest);
    if (number && /^[+-]?[\d.]/.test(rest)) {
      this.pos += number[0].length;
      return this.number(number[0]);
    }
    const symbol = SYMBOL.exec(rest);
    if (symbol) {
      this.pos += symbol[0].length;
      const word = symbol[0];
      if (word === 'null' && this.text[this.pos] === '.') {
        this.pos++;
        const type = SYMBOL.exec(this.text.slice(this.pos));
        if (!type) this.fail('Invalid null type');
        this.pos += type[0].length;
        return null;
      }
      if (word === 'null') return null;
      if (word === 'true' || word === 'false') return word === 'true';
      if (word === 'nan') return makeDouble(NaN);
      return this.annotated(word, inSexp);
    }
    if (inSexp) {
      const operator = /^[!#%&*+\-./;<=>?@^`|~]+/.exec(rest);
      if (operator) {
        this.pos += operator[0].length;
        return operator[0];
      }
    }
    this.fail(`Unexpected character '${c}'`);
  }

  /** A symbol followed by `::` is an annotation of the next value, which Jackson ignores. */
  annotated(symbol: string, inSexp: boolean): PebbleValue {
    this.skipSpaceAndComments();
    if (this.text.startsWith('::', this.pos)) {
      this.pos += 2;
      return this.value(inSexp);
    }
    return symbol;
  }

  number(text: string): PebbleValue {
    const clean = text.replace(/_/g, '');
    if (/^[+-]?0[xXbB]/.test(clean)) {
      const negative = clean.startsWith('-');
      const value = Number(BigInt(clean.replace(/^[+-]/, '')));
      return negative ? -value : value;
    }
    if (/^[+-]?\d+$/.test(clean)) return Number(clean);
    return makeDouble(Number(clean.replace(/[dD]/, 'e').replace(/\.(?=[eE]|$)/, '')));
  }

  quoted(quote: string): string {
    this.pos++;
    let out = '';
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined) this.fail('Unterminated string');
      this.pos++;
      if (c === quote) return out;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.pos++];
      const simple: Record<string, string> = {
        n: '\n',
        t: '\t',
        r: '\r',
        '0': '\0',
        a: '\x07',
        b: '\b',
        f: '\f',
        v: '\v',
        '"': '"',
        "'": "'",
        '\\': '\\',
        '/': '/',
        '?': '?',
      };
      if (e in simple) out += simple[e];
      else if (e === '\n') continue;
      else if (e === 'x' || e === 'u' || e === 'U') {
        const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const hex = this.text.slice(this.pos, this.pos + length);
        if (!new RegExp(`^[0-9A-Fa-f]{${length}}$`).test(hex)) this.fail('Invalid escape');
        out += String.fromCodePoint(parseInt(hex, 16));
        this.pos += length;
      } else this.fail(`Invalid escape '\\${e}'`);
    }
  }

  longString(): string {
    let out = '';
    while (this.text.startsWith("'''", this.pos)) {
      this.pos += 2;
      const segment = this.quoted("'");
      if (!this.text.startsWith("''", this.pos)) this.fail('Unterminated long string');
      this.pos += 2;
      out += segment;
      this.skipSpaceAndComments();
    }
    return out;
  }

  lob(): string {
    this.pos += 2;
    this.skipSpaceAndComments();
    let out: string;
    if (this.text[this.pos] === '"' || this.text.startsWith("'''", this.pos)) {
      out = this.text[this.pos] === '"' ? this.quoted('"') : this.longString();
    } else {
      const end = this.text.indexOf('}}', this.pos);
      if (end < 0) this.fail('Unterminated blob');
      out = this.text.slice(this.pos, end).replace(/\s+/g, '');
      this.pos = end;
    }
    this.skipSpaceAndComments();
    if (!this.text.startsWith('}}', this.pos)) this.fail("Expected '}}'");
    this.pos += 2;
    return out;
  }

  struct(): PebbleMap {
    this.pos++;
    const out: PebbleMap = {};
    for (;;) {
      this.skipSpaceAndComments();
      if (this.text[this.pos] === '}') {
        this.pos++;
        return out;
      }
      const c = this.text[this.pos];
      let key: string;
      if (c === '"') key = this.quoted('"');
      else if (this.text.startsWith("'''", this.pos)) key = this.longString();
      else if (c === "'") key = this.quoted("'");
      else {
        const symbol = SYMBOL.exec(this.text.slice(this.pos));
        if (!symbol) this.fail('Expected a field name');
        key = symbol[0];
        this.pos += key.length;
      }
      this.skipSpaceAndComments();
      if (this.text[this.pos] !== ':') this.fail("Expected ':' after a field name");
      this.pos++;
      out[key] = this.value();
      this.skipSpaceAndComments();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== '}') this.fail("Expected ',' or '}' in a struct");
    }
  }

  sequence(close: string, sexp: boolean): PebbleValue[] {
    this.pos++;
    const out: PebbleValue[] = [];
    for (;;) {
      this.skipSpaceAndComments();
      if (this.text[this.pos] === close) {
        this.pos++;
        return out;
      }
      out.push(this.value(sexp));
      this.skipSpaceAndComments();
      if (!sexp) {
        if (this.text[this.pos] === ',') this.pos++;
        else if (this.text[this.pos] !== close) this.fail(`Expected ',' or '${close}' in a list`);
      }
    }
  }
}

/** Parses ION text (the first top-level value); throws a PebbleError naming the problem and offset. */
export function readIon(text: string): PebbleValue {
  const reader = new IonReader(text);
  if (reader.atEnd()) return null;
  return reader.value();
}
