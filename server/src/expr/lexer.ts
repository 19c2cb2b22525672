// Tokenizer for Pebble templates, following Pebble 3.2.2's LexerImpl (states DATA / PRINT / EXECUTE /
// COMMENT / STRING / STRING_INTERPOLATION, bracket tracking, whitespace control) with Kestra's syntax:
// `{{ }}`, `{% %}`, `{# #}`, `#{ }` interpolation, `-` trim marker, and no newline trimming.
// It never throws: problems are collected as errors and tokenizing goes on.
import type { Span, SyntaxError } from './ast';
import { OPERATOR_SYMBOLS } from './operator-table';

export type TokenType =
  | 'Text'
  | 'PrintStart'
  | 'PrintEnd'
  | 'ExecuteStart'
  | 'ExecuteEnd'
  | 'Comment'
  | 'Verbatim'
  | 'Name'
  | 'Long'
  | 'Number'
  | 'String'
  | 'StringStart'
  | 'StringEnd'
  | 'InterpolationStart'
  | 'InterpolationEnd'
  | 'Operator'
  | 'Punctuation'
  | 'EOF';

export interface Token {
  type: TokenType;
  /** Text after whitespace control, unquoted string content, operator symbol… */
  value: string;
  span: Span;
  /** For Verbatim tokens: which tag produced it. */
  tag?: 'raw' | 'verbatim';
}

export interface LexResult {
  tokens: Token[];
  errors: SyntaxError[];
}

// Longest first, so that `???` wins over `??` and `is not` over `is` (Pebble sorts the same way).
// An operator ending in a letter must not run into a name: `order` is not `or` + `der`.
const OPERATOR_REGEX = new RegExp(
  OPERATOR_SYMBOLS.map(
    (op) => op.replace(/[.*+?|^$()[\]{}\\]/g, '\\$&') + (/[a-z]$/.test(op) ? '(?![a-zA-Z0-9_])' : ''),
  ).join('|'),
  'y',
);
const NAME_REGEX = /[\p{L}_][\p{L}\p{Nd}_]*/uy;
const LONG_REGEX = /[0-9]+L/y;
const NUMBER_REGEX = /[0-9]+(?:\.[0-9]+)?/y;
const SINGLE_QUOTED = /'([^'\\]*(?:\\.[^'\\]*)*)'/sy;
const DOUBLE_QUOTED_PLAIN = /"([^#"\\]*(?:\\.[^#"\\]*)*)"/sy;
const STRING_PART = /[^#"\\]*(?:(?:\\.|#(?!\{))[^#"\\]*)*/sy;
const PUNCTUATION = '()[]{}?:.,|=';
const START_DELIMITERS = /\{\{|\{%|\{#/g;
const LEADING_TRIM = /-\s+/y;
const TRAILING_TRIM = /\s*-(?:\}\}|%\}|#\})/y;
const PRINT_CLOSE = /\s*(-?\}\})/y;
const EXECUTE_CLOSE = /\s*(-?%\})/y;
const INTERPOLATION_CLOSE = /\s*\}/y;
// Kestra swaps `{% raw %}…{% endraw %}` out before Pebble with a regex whose `.` stops at line ends.
const KESTRA_RAW = /\{%-*\s*raw\s*-*%\}([^\n\r\u0085\u2028\u2029]*?)\{%-*\s*endraw\s*-*%\}/y;
const VERBATIM_START = /\s*verbatim\s*(-)?%\}/y;
const VERBATIM_END = /\{%(-)?\s*endverbatim\s*(-)?%\}/g;
const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

type State = 'data' | 'print' | 'execute' | 'string' | 'interpolation';

function isJavaWhitespace(c: string): boolean {
  return /\s/.test(c) && c !== '\u00a0' && c !== '\u2007' && c !== '\u202f';
}

export function ltrim(text: string): string {
  let i = 0;
  while (i < text.length && isJavaWhitespace(text[i])) i++;
  return text.slice(i);
}

export function rtrim(text: string): string {
  let i = text.length;
  while (i > 0 && isJavaWhitespace(text[i - 1])) i--;
  return text.slice(0, i);
}

function matchAt(regex: RegExp, source: string, pos: number): RegExpExecArray | null {
  regex.lastIndex = pos;
  return regex.exec(source);
}

export function tokenize(source: string): LexResult {
  return new Lexer(source).run();
}

class Lexer {
  private pos = 0;
  private readonly tokens: Token[] = [];
  private readonly errors: SyntaxError[] = [];
  private readonly states: State[] = ['data'];
  private readonly brackets: { char: string; span: Span }[] = [];
  private trimNextText = false;

  constructor(private readonly source: string) {}

  run(): LexResult {
    while (this.pos < this.source.length) {
      switch (this.states[this.states.length - 1]) {
        case 'data':
          this.lexData();
          break;
        case 'print':
          this.lexInside('print');
          break;
        case 'execute':
          this.lexInside('execute');
          break;
        case 'string':
          this.lexString();
          break;
        case 'interpolation':
          this.lexInterpolation();
          break;
      }
    }
    this.push('EOF', '', [this.source.length, this.source.length]);
    return { tokens: this.tokens, errors: this.errors };
  }

  private push(type: TokenType, value: string, span: Span, tag?: 'raw' | 'verbatim'): Token {
    const token: Token = tag ? { type, value, span, tag } : { type, value, span };
    this.tokens.push(token);
    return token;
  }

  private error(message: string, span: Span): void {
    this.errors.push({ message, span });
  }

  private lexData(): void {
    START_DELIMITERS.lastIndex = this.pos;
    const match = START_DELIMITERS.exec(this.source);
    const textEnd = match ? match.index : this.source.length;
    let textToken: Token | null = null;
    if (textEnd > this.pos) {
      let text = this.source.slice(this.pos, textEnd);
      if (this.trimNextText) text = ltrim(text);
      textToken = this.push('Text', text, [this.pos, textEnd]);
    }
    this.trimNextText = false;
    if (!match) {
      this.pos = this.source.length;
      return;
    }
    const start = match.index;
    const delimiter = match[0];
    if (delimiter === '{%') {
      const raw = matchAt(KESTRA_RAW, this.source, start);
      if (raw) {
        this.push('Verbatim', raw[1], [start, start + raw[0].length], 'raw');
        this.pos = start + raw[0].length;
        return;
      }
    }
    this.pos = start + 2;
    const trim = matchAt(LEADING_TRIM, this.source, this.pos);
    if (trim) {
      if (textToken) textToken.value = rtrim(textToken.value);
      this.pos += trim[0].length;
    }
    if (delimiter === '{#') {
      this.lexComment(start);
    } else if (delimiter === '{{') {
      this.push('PrintStart', '{{', [start, start + 2]);
      this.states.push('print');
    } else {
      const verbatim = matchAt(VERBATIM_START, this.source, this.pos);
      if (verbatim) this.lexVerbatim(start, this.pos + verbatim[0].length);
      else {
        this.push('ExecuteStart', '{%', [start, start + 2]);
        this.states.push('execute');
      }
    }
  }

  private lexComment(start: number): void {
    const close = this.source.indexOf('#}', this.pos);
    if (close < 0) {
      this.error('Unclosed comment: add "#}" to end it.', [start, start + 2]);
      this.push('Comment', this.source.slice(this.pos), [start, this.source.length]);
      this.pos = this.source.length;
      return;
    }
    const content = this.source.slice(this.pos, close);
    // Pebble trims the following text when the comment ends with whitespace then `-`.
    if (/\s-$/.test(content)) this.trimNextText = true;
    this.push('Comment', content, [start, close + 2]);
    this.pos = close + 2;
  }

  private lexVerbatim(start: number, contentStart: number): void {
    VERBATIM_END.lastIndex = contentStart;
    const end = VERBATIM_END.exec(this.source);
    if (!end) {
      this.error('Unclosed verbatim tag: add "{% endverbatim %}".', [start, contentStart]);
      this.push('Verbatim', ltrim(this.source.slice(contentStart)), [start, this.source.length], 'verbatim');
      this.pos = this.source.length;
      return;
    }
    // Pebble 3.2.2 always left-trims verbatim content (its start-trim check is always true).
    let text = ltrim(this.source.slice(contentStart, end.index));
    if (end[1]) text = rtrim(text);
    if (end[2]) this.trimNextText = true;
    this.pos = end.index + end[0].length;
    this.push('Verbatim', text, [start, this.pos], 'verbatim');
  }

  private lexInside(kind: 'print' | 'execute'): void {
    if (matchAt(TRAILING_TRIM, this.source, this.pos)) this.trimNextText = true;
    const close = matchAt(kind === 'print' ? PRINT_CLOSE : EXECUTE_CLOSE, this.source, this.pos);
    if (close) {
      const top = this.brackets[this.brackets.length - 1];
      // An open `{` may be closed by the first `}` of `}}`; anything else open is reported by the parser.
      const canClose = this.brackets.length === 0 || !(kind === 'print' && top.char === '{');
      if (canClose) {
        this.brackets.length = 0;
        const delimiterStart = this.pos + close[0].length - close[1].length;
        this.pos += close[0].length;
        this.push(kind === 'print' ? 'PrintEnd' : 'ExecuteEnd', close[1], [delimiterStart, this.pos]);
        this.states.pop();
        return;
      }
    }
    this.lexExpressionToken();
  }

  private lexString(): void {
    const source = this.source;
    if (source.startsWith('#{', this.pos)) {
      const span: Span = [this.pos, this.pos + 2];
      this.brackets.push({ char: '#{', span });
      this.push('InterpolationStart', '#{', span);
      this.pos += 2;
      this.states.push('interpolation');
      return;
    }
    const part = matchAt(STRING_PART, source, this.pos);
    if (part && part[0].length > 0) {
      // Pebble keeps escapes as written in the parts of an interpolated string.
      this.push('String', part[0], [this.pos, this.pos + part[0].length]);
      this.pos += part[0].length;
      return;
    }
    if (source[this.pos] === '"') {
      this.brackets.pop();
      this.push('StringEnd', '"', [this.pos, this.pos + 1]);
      this.pos += 1;
      this.states.pop();
      return;
    }
    // Only a lone `#` or `\` at the very end can get here.
    this.push('String', source.slice(this.pos), [this.pos, source.length]);
    this.pos = source.length;
  }

  private lexInterpolation(): void {
    const top = this.brackets[this.brackets.length - 1];
    const close = matchAt(INTERPOLATION_CLOSE, this.source, this.pos);
    if (top && top.char === '#{' && close) {
      this.brackets.pop();
      const end = this.pos + close[0].length;
      this.push('InterpolationEnd', '}', [end - 1, end]);
      this.pos = end;
      this.states.pop();
      return;
    }
    this.lexExpressionToken();
  }

  private lexExpressionToken(): void {
    const source = this.source;
    while (this.pos < source.length && isJavaWhitespace(source[this.pos])) this.pos++;
    if (this.pos >= source.length) return;
    const start = this.pos;
    const operator = matchAt(OPERATOR_REGEX, source, start);
    if (operator) return this.take('Operator', operator[0], operator[0].length);
    const name = matchAt(NAME_REGEX, source, start);
    if (name) return this.take('Name', name[0], name[0].length);
    const long = matchAt(LONG_REGEX, source, start);
    if (long) return this.take('Long', long[0].slice(0, -1), long[0].length);
    const number = matchAt(NUMBER_REGEX, source, start);
    if (number) return this.take('Number', number[0], number[0].length);
    const c = source[start];
    if (PUNCTUATION.includes(c)) {
      this.trackBracket(c, [start, start + 1]);
      return this.take('Punctuation', c, 1);
    }
    const single = matchAt(SINGLE_QUOTED, source, start);
    if (single) return this.take('String', single[1].replace(/\\'/g, "'"), single[0].length);
    const plain = matchAt(DOUBLE_QUOTED_PLAIN, source, start);
    if (plain) return this.take('String', plain[1].replace(/\\"/g, '"'), plain[0].length);
    if (c === '"') {
      this.brackets.push({ char: '"', span: [start, start + 1] });
      this.states.push('string');
      return this.take('StringStart', '"', 1);
    }
    if (c === "'") {
      this.error('Unclosed string literal: add the closing quote.', [start, source.length]);
      return this.take('String', source.slice(start + 1), source.length - start);
    }
    this.error(`Unexpected character [${c}].`, [start, start + 1]);
    this.pos += 1;
  }

  private take(type: TokenType, value: string, length: number): void {
    this.push(type, value, [this.pos, this.pos + length]);
    this.pos += length;
  }

  private trackBracket(c: string, span: Span): void {
    if ('([{'.includes(c)) {
      this.brackets.push({ char: c, span });
    } else if (')]}'.includes(c)) {
      const top = this.brackets[this.brackets.length - 1];
      if (top && CLOSING[top.char] !== undefined) this.brackets.pop();
      // Mismatches and stray closers are reported by the parser, which knows what it expected.
    }
  }
}
