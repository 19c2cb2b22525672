// A cursor over the lexer's tokens, shared by the template and expression parsers.
import type { Span, SyntaxError } from './ast';
import type { Token, TokenType } from './lexer';

export class TokenStream {
  private index = 0;
  readonly errors: SyntaxError[] = [];

  constructor(private readonly tokens: Token[]) {}

  get current(): Token {
    return this.tokens[this.index];
  }

  peek(offset = 1): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  /** The token before the current one (for end offsets). */
  get previous(): Token | undefined {
    return this.index > 0 ? this.tokens[this.index - 1] : undefined;
  }

  /** Consumes and returns the current token; EOF is never passed. */
  next(): Token {
    const token = this.tokens[this.index];
    if (token.type !== 'EOF') this.index++;
    return token;
  }

  is(type: TokenType, value?: string): boolean {
    const token = this.current;
    return token.type === type && (value === undefined || token.value === value);
  }

  /** Consumes the current token when it matches. */
  accept(type: TokenType, value?: string): Token | null {
    return this.is(type, value) ? this.next() : null;
  }

  /** True at a token that ends an expression region: `}}`, `%}`, end of input. */
  atRegionEnd(): boolean {
    const type = this.current.type;
    return type === 'PrintEnd' || type === 'ExecuteEnd' || type === 'EOF';
  }

  /** Records an error, once per start offset (a bad token is reported by the innermost parser only). */
  error(message: string, span: Span): void {
    if (this.errors.some((e) => e.span[0] === span[0])) return;
    this.errors.push({ message, span });
  }

  /** End offset of the last consumed token (start of the input when none). */
  get lastEnd(): number {
    return this.previous ? this.previous.span[1] : 0;
  }

  /** The gap between the last consumed token and the current one: where a missing piece belongs. */
  gap(): Span {
    const start = this.lastEnd;
    return [start, Math.max(start, this.current.span[0])];
  }
}

/** Describes a token for error messages. */
export function describe(token: Token): string {
  switch (token.type) {
    case 'EOF':
      return 'the end of the template';
    case 'PrintEnd':
      return '"}}"';
    case 'ExecuteEnd':
      return '"%}"';
    case 'StringStart':
    case 'StringEnd':
      return 'a quote';
    case 'String':
      return 'a string';
    case 'InterpolationEnd':
      return '"}"';
    default:
      return `"${token.value}"`;
  }
}
