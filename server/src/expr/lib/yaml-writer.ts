// YAML text as Kestra's `yaml` filter writes it: Jackson's YAML generator (MINIMIZE_QUOTES, no document
// marker, INDENT_ARRAYS, no line splitting) on top of SnakeYAML's emitter. The emitter below follows
// SnakeYAML's block-style rules (indentation, `-` indicator indented by one, key/scalar styles) so that
// the output matches byte for byte, including its quirks (a list of maps puts a line break after `-`).
import { PebbleDouble, formatJavaDouble, isPebbleObject, isMap, type PebbleValue } from '../values';
import { PebbleFloat, formatJavaFloat } from './java';
import {
  analyze,
  chooseStyle,
  isBreak,
  requestedKeyStyle,
  requestedValueStyle,
  type Style,
} from './yaml-scalar-style';

const BEST_INDENT = 2;
const INDICATOR_INDENT = 1;
const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

class Emitter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent: number | null = null;
  private readonly indents: (number | null)[] = [];

  private write(text: string): void {
    this.out += text;
    this.column += text.length;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    whitespace: boolean,
    indentation: boolean,
  ): void {
    if (!this.whitespace && needWhitespace) this.write(' ');
    this.whitespace = whitespace;
    this.indention = this.indention && indentation;
    this.write(indicator);
  }

  writeIndent(): void {
    const indent = this.indent ?? 0;
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.lineBreak();
    this.writeWhitespace(indent - this.column);
  }

  private writeWhitespace(length: number): void {
    if (length <= 0) return;
    this.whitespace = true;
    this.write(' '.repeat(length));
  }

  private lineBreak(text = '\n'): void {
    this.whitespace = true;
    this.indention = true;
    this.out += text;
    this.column = 0;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent === null) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? null;
  }

  node(value: PebbleValue, mapping: boolean): void {
    if (Array.isArray(value)) {
      if (value.length === 0) this.emptyCollection('[', ']');
      else this.blockSequence(value, mapping);
    } else if (isMap(value)) {
      if (Object.keys(value).length === 0) this.emptyCollection('{', '}');
      else this.blockMapping(value);
    } else {
      const [text, requested] = scalarOf(value);
      this.scalar(text, requested, false);
    }
  }

  private emptyCollection(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: PebbleValue[], mapping: boolean): void {
    this.increaseIndent(false, mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.writeWhitespace(INDICATOR_INDENT);
      this.writeIndicator('-', true, false, true);
      this.node(item, false);
    }
    this.popIndent();
  }

  private blockMapping(map: Record<string, PebbleValue>): void {
    this.increaseIndent(false, false);
    for (const [key, value] of Object.entries(map)) {
      this.writeIndent();
      const analysis = analyze(key);
      if (key.length < 128 && !analysis.empty && !analysis.multiline) {
        this.scalar(key, requestedKeyStyle(key), true);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.scalar(key, requestedKeyStyle(key), false);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.node(value, true);
    }
    this.popIndent();
  }

  private scalar(text: string, requested: Style, simpleKey: boolean): void {
    this.increaseIndent(true, false);
    const style = chooseStyle(text, requested, simpleKey);
    if (style === 'plain') this.writePlain(text);
    else if (style === 'double') this.writeDoubleQuoted(text);
    else if (style === 'single') this.writeSingleQuoted(text);
    else this.writeLiteral(text);
    this.popIndent();
  }

  private writePlain(text: string): void {
    if (text === '') return;
    if (!this.whitespace) this.write(' ');
    this.whitespace = false;
    this.indention = false;
    this.write(text);
  }

  private writeDoubleQuoted(text: string): void {
    this.writeIndicator('"', true, false, false);
    for (const c of text) {
      const code = c.codePointAt(0) as number;
      const plain = code >= 0x20 && code <= 0x7e && c !== '"' && c !== '\\';
      if (plain) this.write(c);
      else if (ESCAPES[c] !== undefined) this.write(`\\${ESCAPES[c]}`);
      else if (isPrintable(code) && code !== 0xfeff) this.write(c);
      else if (code <= 0xff) this.write(`\\x${code.toString(16).padStart(2, '0')}`);
      else if (code > 0xffff) this.write(`\\U${code.toString(16).padStart(8, '0')}`);
      else this.write(`\\u${code.toString(16).padStart(4, '0')}`);
    }
    this.writeIndicator('"', false, false, false);
  }

  private writeSingleQuoted(text: string): void {
    this.writeIndicator("'", true, false, false);
    this.write(text.replace(/'/g, "''"));
    this.writeIndicator("'", false, false, false);
  }

  private writeLiteral(text: string): void {
    let hints = '';
    if (isBreak(text[0]) || text[0] === ' ') hints += String(BEST_INDENT);
    const last = text[text.length - 1];
    if (!isBreak(last)) hints += '-';
    else if (text.length === 1 || isBreak(text[text.length - 2])) hints += '+';
    this.writeIndicator(`|${hints}`, true, false, false);
    this.lineBreak();
    let breaks = true;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const c = end < text.length ? text[end] : undefined;
      if (breaks) {
        if (c === undefined || !isBreak(c)) {
          for (const br of text.slice(start, end)) this.lineBreak(br);
          if (c !== undefined) this.writeIndent();
          start = end;
        }
      } else if (c === undefined || isBreak(c)) {
        this.out += text.slice(start, end);
        this.column += end - start;
        if (c === undefined) this.lineBreak();
        start = end;
      }
      if (c !== undefined) breaks = isBreak(c);
    }
  }
}

function isPrintable(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    code === 0x85 ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function scalarOf(value: PebbleValue): [string, Style] {
  if (value === null) return ['null', 'plain'];
  if (typeof value === 'boolean') return [String(value), 'plain'];
  if (value instanceof PebbleFloat) return [formatJavaFloat(value.value), 'plain'];
  if (value instanceof PebbleDouble) return [formatJavaDouble(value.value), 'plain'];
  if (typeof value === 'number')
    return [Number.isInteger(value) ? String(value) : formatJavaDouble(value), 'plain'];
  const text = isPebbleObject(value) ? String(value.toJSON()) : String(value);
  return [text, requestedValueStyle(text)];
}

/** The YAML document for a value, ending with a line break. */
export function toYamlText(value: PebbleValue): string {
  const emitter = new Emitter();
  emitter.node(value, false);
  emitter.writeIndent();
  return emitter.out;
}
