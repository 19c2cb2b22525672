// YAML text as Kestra's `yaml` filter writes it: Jackson's YAML generator (MINIMIZE_QUOTES, no document
// marker, INDENT_ARRAYS, no line splitting) on top of SnakeYAML's emitter. The emitter below follows
// SnakeYAML's block-style rules (indentation, `-` indicator indented by one, key/scalar styles) so that
// the output matches byte for byte, including its quirks (a list of maps puts a line break after `-`).
import { PebbleDouble, formatJavaDouble, isPebbleObject, isMap, type PebbleValue } from '../values';
import { PebbleFloat, formatJavaFloat } from './java';

type Style = 'plain' | 'double' | 'single' | 'literal';

const BEST_INDENT = 2;
const INDICATOR_INDENT = 1;
const LINE_BREAKS = '\n\u0085\u2028\u2029';
const RESERVED = new Set(
  'false False FALSE n N no No NO null Null NULL on On ON off Off OFF true True TRUE y Y yes Yes YES'.split(
    ' ',
  ),
);
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

interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
  allowBlock: boolean;
}

const isBreak = (c: string | undefined) => c !== undefined && LINE_BREAKS.includes(c);
const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\0';

/** SnakeYAML's analyzeScalar, reduced to the block context (flow plain scalars never occur here). */
function analyze(text: string): Analysis {
  if (text === '')
    return {
      empty: true,
      multiline: false,
      allowBlockPlain: true,
      allowSingleQuoted: true,
      allowBlock: false,
    };
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const chars = [...text];
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next) || isBreak(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    const lineBreak = isBreak(c);
    if (lineBreak) lineBreaks = true;
    const code = c.codePointAt(0) as number;
    if (!(c === '\n' || (code >= 0x20 && code <= 0x7e))) {
      const unicode =
        code === 0x85 ||
        (code >= 0xa0 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        code >= 0x10000;
      if (!unicode) special = true;
    }
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (lineBreak) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || lineBreak;
  });
  const leadingZero = /^0[0-9_]+$/.test(text);
  let allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || leadingZero);
  let allowSingleQuoted = true;
  let allowBlock = !trailingSpace;
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = allowBlock = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted, allowBlock };
}

/** Jackson's choice for a string value (MINIMIZE_QUOTES) and for a field name. */
function requestedValueStyle(text: string): Style {
  if (text === '') return 'double';
  if (text.includes('\n')) return 'literal';
  const quotable = [...text].some(
    (c, i) =>
      '[]{},'.includes(c) ||
      (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) ||
      (c === ':' && (i === text.length - 1 || text[i + 1] === ' ' || text[i + 1] === '\t')),
  );
  return RESERVED.has(text) || text.startsWith('~') || quotable ? 'double' : 'plain';
}

function requestedKeyStyle(key: string): Style {
  const reserved = key === '' || RESERVED.has(key) || key.startsWith('~');
  const numberLike = /^[0-9+\-.]/.test(key);
  return reserved || numberLike || /[\x00-\x1f]/.test(key) ? 'double' : 'plain';
}

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

/** SnakeYAML's chooseScalarStyle for a requested style, in the block context. */
function chooseStyle(text: string, requested: Style, simpleKey: boolean): Style {
  const analysis = analyze(text);
  if (requested === 'double') return 'double';
  if (
    requested === 'plain' &&
    !(simpleKey && (analysis.empty || analysis.multiline)) &&
    analysis.allowBlockPlain
  ) {
    return 'plain';
  }
  if (requested === 'literal' && !simpleKey && analysis.allowBlock) return 'literal';
  if (requested === 'plain' && analysis.allowSingleQuoted && !(simpleKey && analysis.multiline))
    return 'single';
  return 'double';
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
