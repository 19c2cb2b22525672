// Expression parser: Pebble 3.2.2's precedence climbing (ExpressionParser) with Kestra's `??` / `???`,
// made error tolerant. A missing operand becomes a `Missing` node, a missing name an empty `Identifier`,
// both spanning the gap where they were expected, so completion can work on half-typed expressions.
import type {
  Argument,
  ArgumentList,
  BinaryOperator,
  Expression,
  Identifier,
  MacroParameter,
  Span,
} from './ast';
import type { Token } from './lexer';
import {
  BINARY_OPERATORS as BINARY,
  operatorAfterDotMessage,
  UNARY_OPERATORS as UNARY,
  UNARY_PRECEDENCE,
  WORD_OPERATORS,
} from './operator-table';
import { describe, type TokenStream } from './token-stream';

const RESERVED_NAMES = new Set(['true', 'false', 'null', 'none']);
const MAX_LONG = 9223372036854775807n;

/** Deeper nesting is refused, so that no input can exhaust the call stack. */
const MAX_NESTING = 200;

export class ExpressionParser {
  private depth = 0;
  /** Where the nesting limit made the parser skip to the region's end: closers after it were skipped, not missing. */
  private truncatedAt: number | undefined;

  constructor(private readonly stream: TokenStream) {}

  parseExpression(minPrecedence = 0): Expression {
    if (this.depth >= MAX_NESTING) {
      const start = this.stream.current.span[0];
      this.stream.error(`Expression nested more than ${MAX_NESTING} levels deep.`, this.stream.current.span);
      this.truncatedAt = start;
      while (!this.stream.atRegionEnd()) this.stream.next();
      return { type: 'Missing', span: [start, this.stream.lastEnd] };
    }
    this.depth++;
    try {
      return this.parseExpressionAt(minPrecedence);
    } finally {
      this.depth--;
    }
  }

  private parseExpressionAt(minPrecedence: number): Expression {
    const stream = this.stream;
    const first = stream.current;
    let expression: Expression;
    if (first.type === 'Operator' && UNARY.has(first.value)) {
      stream.next();
      const operand = this.parseExpression(UNARY_PRECEDENCE);
      expression = {
        type: 'UnaryExpression',
        operator: first.value as 'not' | '-' | '+',
        operand,
        span: [first.span[0], operand.span[1]],
      };
    } else if (first.type === 'Punctuation' && first.value === '(') {
      stream.next();
      const inner = this.parseExpression();
      this.expectClosing(')', first);
      expression = this.parsePostfix(inner, first.span[0]);
    } else if (first.type === 'Punctuation' && first.value === '[') {
      expression = this.parseList();
    } else if (first.type === 'Punctuation' && first.value === '{') {
      expression = this.parseMap();
    } else {
      expression = this.parsePrimary();
    }
    const start = first.span[0];
    for (;;) {
      const token = stream.current;
      const info = token.type === 'Operator' ? BINARY[token.value] : undefined;
      if (!info || info.precedence < minPrecedence) break;
      stream.next();
      if (info.kind === 'filter') {
        const name = this.parseName('a filter name after "|"');
        const args = stream.is('Punctuation', '(') ? this.parseArguments() : null;
        const end = args ? args.span[1] : Math.max(name.span[1], token.span[1]);
        expression = { type: 'FilterApplication', input: expression, name, args, span: [start, end] };
      } else if (info.kind === 'test') {
        const name = this.parseName(`a test name after "${token.value}"`);
        const args = stream.is('Punctuation', '(') ? this.parseArguments() : null;
        const end = args ? args.span[1] : Math.max(name.span[1], token.span[1]);
        const negated = token.value === 'is not';
        expression = { type: 'TestApplication', input: expression, negated, name, args, span: [start, end] };
      } else {
        const right = this.parseExpression(info.precedence + 1);
        expression = {
          type: 'BinaryExpression',
          operator: token.value as BinaryOperator,
          operatorSpan: token.span,
          left: expression,
          right,
          span: [start, Math.max(right.span[1], token.span[1])],
        };
      }
    }
    if (minPrecedence === 0 && stream.is('Punctuation', '?')) {
      const question = stream.next();
      const consequent = this.parseExpression();
      let alternate: Expression;
      if (stream.accept('Punctuation', ':')) alternate = this.parseExpression();
      else {
        this.unexpected('":" of the conditional expression');
        alternate = this.missing();
      }
      expression = {
        type: 'ConditionalExpression',
        test: expression,
        consequent,
        alternate,
        span: [start, Math.max(alternate.span[1], question.span[1])],
      };
    }
    return expression;
  }

  /** A name for `set`, `for` or a macro parameter; Pebble refuses the literal keywords. */
  parseNewVariableName(what: string): Identifier {
    const token = this.stream.current;
    if (token.type !== 'Name') {
      this.unexpected(what);
      return { type: 'Identifier', name: '', span: this.stream.gap() };
    }
    this.stream.next();
    if (RESERVED_NAMES.has(token.value))
      this.stream.error(`Can not assign a value to ${token.value}.`, token.span);
    return { type: 'Identifier', name: token.value, span: token.span };
  }

  /** `( … )` of a call. For a macro definition, items are parameters with optional defaults. */
  parseArguments(): ArgumentList {
    const { items, span } = this.parseArgumentItems(false);
    return { type: 'ArgumentList', items: items as Argument[], span };
  }

  parseMacroParameters(): { params: MacroParameter[]; span: Span } {
    const { items, span } = this.parseArgumentItems(true);
    return { params: items as MacroParameter[], span };
  }

  private parseArgumentItems(definition: boolean): { items: (Argument | MacroParameter)[]; span: Span } {
    const stream = this.stream;
    const open = stream.current;
    if (!stream.accept('Punctuation', '(')) {
      this.unexpected('"("');
      return { items: [], span: stream.gap() };
    }
    const items: (Argument | MacroParameter)[] = [];
    let sawNamed = false;
    while (!stream.is('Punctuation', ')')) {
      if (this.atListEnd()) break;
      if (items.length > 0 && !stream.accept('Punctuation', ',')) {
        this.unexpected('"," or ")"');
        if (!this.skipToListItem()) break;
        continue;
      }
      const itemStart = stream.current.span[0];
      if (definition) {
        const name = this.parseNewVariableName('a parameter name');
        let defaultValue: Expression | null = null;
        if (stream.accept('Punctuation', '=')) defaultValue = this.parseExpression();
        const end = defaultValue ? defaultValue.span[1] : name.span[1];
        items.push({ type: 'MacroParameter', name, defaultValue, span: [itemStart, end] });
        if (!name.name) break;
        continue;
      }
      let name: Identifier | null = null;
      if (
        stream.current.type === 'Name' &&
        stream.peek().type === 'Punctuation' &&
        stream.peek().value === '='
      ) {
        const token = stream.next();
        stream.next();
        name = { type: 'Identifier', name: token.value, span: token.span };
        sawNamed = true;
      } else if (sawNamed) {
        stream.error(
          'Positional arguments must be declared before any named arguments.',
          stream.current.span,
        );
      }
      const before = stream.current;
      const value = this.parseExpression();
      items.push({ type: 'Argument', name, value, span: [itemStart, Math.max(value.span[1], itemStart)] });
      if (stream.current === before) break;
    }
    const close = this.expectClosing(')', open);
    return { items, span: [open.span[0], close] };
  }

  private parsePrimary(): Expression {
    const stream = this.stream;
    const token = stream.current;
    let node: Expression;
    switch (token.type) {
      case 'Name':
        stream.next();
        node = this.parseNameExpression(token);
        break;
      case 'Long':
        stream.next();
        node = this.numberLiteral(token, token.value, 'long');
        break;
      case 'Number':
        stream.next();
        node = this.numberLiteral(token, token.value, token.value.includes('.') ? 'double' : 'long');
        break;
      case 'String':
        stream.next();
        node = { type: 'Literal', kind: 'string', value: token.value, span: token.span };
        break;
      case 'StringStart':
        node = this.parseInterpolatedString();
        break;
      default:
        this.unexpected('an expression');
        return this.missing();
    }
    return this.parsePostfix(node, token.span[0]);
  }

  private parseNameExpression(token: Token): Expression {
    switch (token.value) {
      case 'true':
      case 'TRUE':
        return { type: 'Literal', kind: 'boolean', value: true, span: token.span };
      case 'false':
      case 'FALSE':
        return { type: 'Literal', kind: 'boolean', value: false, span: token.span };
      case 'null':
      case 'NULL':
      case 'none':
      case 'NONE':
        return { type: 'Literal', kind: 'null', value: null, span: token.span };
    }
    const identifier: Identifier = { type: 'Identifier', name: token.value, span: token.span };
    if (this.stream.is('Punctuation', '(')) {
      const args = this.parseArguments();
      return { type: 'FunctionCall', callee: identifier, args, span: [token.span[0], args.span[1]] };
    }
    return { type: 'Variable', name: token.value, span: token.span };
  }

  private numberLiteral(token: Token, text: string, kind: 'long' | 'double'): Expression {
    if (kind === 'long' && BigInt(text) > MAX_LONG) {
      this.stream.error(`The number ${text} is too large for a Long.`, token.span);
    }
    return { type: 'Literal', kind, value: Number(text), span: token.span };
  }

  private parseInterpolatedString(): Expression {
    const stream = this.stream;
    const open = stream.next();
    const parts: Expression[] = [];
    for (;;) {
      const token = stream.current;
      if (token.type === 'String') {
        stream.next();
        parts.push({ type: 'Literal', kind: 'string', value: token.value, span: token.span });
      } else if (token.type === 'InterpolationStart') {
        stream.next();
        parts.push(this.parseExpression());
        if (!stream.accept('InterpolationEnd')) {
          this.unexpected('"}" closing the "#{" interpolation');
          while (!stream.atRegionEnd() && !stream.is('InterpolationEnd') && !stream.is('StringEnd'))
            stream.next();
          stream.accept('InterpolationEnd');
        }
      } else break;
    }
    const close = stream.accept('StringEnd');
    if (!close) stream.error('Unclosed string literal: add the closing quote.', open.span);
    return {
      type: 'InterpolatedString',
      parts,
      span: [open.span[0], close ? close.span[1] : stream.lastEnd],
    };
  }

  private parsePostfix(node: Expression, start: number): Expression {
    const stream = this.stream;
    for (;;) {
      const token = stream.current;
      if (token.type !== 'Punctuation') return node;
      if (token.value === '.') {
        stream.next();
        const property = this.parseAttributeName();
        let args: ArgumentList | null = null;
        if (stream.is('Punctuation', '(')) {
          args = this.parseArguments();
          for (const arg of args.items) {
            if (arg.name) stream.error('Can not use named arguments when calling a bean method.', arg.span);
          }
        }
        const end = args ? args.span[1] : Math.max(property.span[1], token.span[1]);
        node = { type: 'MemberAccess', object: node, property, args, span: [start, end] };
      } else if (token.value === '[') {
        stream.next();
        const index = this.parseExpression();
        const end = this.expectClosing(']', token);
        node = { type: 'IndexAccess', object: node, index, span: [start, end] };
      } else if (token.value === '(') {
        stream.error(
          'Only functions and macros can be called: remove this "(" or call a function by its name.',
          token.span,
        );
        this.parseArguments();
      } else {
        return node;
      }
    }
  }

  private parseAttributeName(): Identifier {
    const stream = this.stream;
    const token = stream.current;
    if (token.type === 'Name') {
      stream.next();
      return { type: 'Identifier', name: token.value, span: token.span };
    }
    if (token.type === 'Operator' && WORD_OPERATORS.has(token.value)) {
      stream.next();
      stream.error(operatorAfterDotMessage(token.value), token.span);
      return { type: 'Identifier', name: token.value, span: token.span };
    }
    this.unexpected('an attribute name after "."');
    return { type: 'Identifier', name: '', span: stream.gap() };
  }

  private parseName(what: string): Identifier {
    const token = this.stream.current;
    if (token.type === 'Name') {
      this.stream.next();
      return { type: 'Identifier', name: token.value, span: token.span };
    }
    this.unexpected(what);
    return { type: 'Identifier', name: '', span: this.stream.gap() };
  }

  private parseList(): Expression {
    const stream = this.stream;
    const open = stream.next();
    const elements: Expression[] = [];
    while (!stream.is('Punctuation', ']')) {
      if (this.atListEnd()) break;
      if (elements.length > 0 && !stream.accept('Punctuation', ',')) {
        this.unexpected('"," or "]"');
        if (!this.skipToListItem()) break;
        continue;
      }
      const before = stream.current;
      elements.push(this.parseExpression());
      if (stream.current === before) break;
    }
    const end = this.expectClosing(']', open);
    return { type: 'ListLiteral', elements, span: [open.span[0], end] };
  }

  private parseMap(): Expression {
    const stream = this.stream;
    const open = stream.next();
    const entries: { type: 'MapEntry'; key: Expression; value: Expression; span: Span }[] = [];
    while (!stream.is('Punctuation', '}')) {
      if (this.atListEnd()) break;
      if (entries.length > 0 && !stream.accept('Punctuation', ',')) {
        this.unexpected('"," or "}"');
        if (!this.skipToListItem()) break;
        continue;
      }
      const before = stream.current;
      const key = this.parseExpression();
      let value: Expression;
      if (stream.accept('Punctuation', ':')) value = this.parseExpression();
      else {
        this.unexpected('":" after the map key');
        value = this.missing();
      }
      entries.push({
        type: 'MapEntry',
        key,
        value,
        span: [key.span[0], Math.max(key.span[1], value.span[1])],
      });
      if (stream.current === before) break;
    }
    const end = this.expectClosing('}', open);
    return { type: 'MapLiteral', entries, span: [open.span[0], end] };
  }

  /** At `}}`, `%}`, end of input, or a closer that belongs to an enclosing construct. */
  private atListEnd(): boolean {
    const token = this.stream.current;
    return (
      this.stream.atRegionEnd() ||
      token.type === 'InterpolationEnd' ||
      token.type === 'StringEnd' ||
      (token.type === 'Punctuation' && (token.value === ')' || token.value === ']' || token.value === '}'))
    );
  }

  /** After a bad token inside a list: skip to the next `,`. False when the list cannot go on. */
  private skipToListItem(): boolean {
    const stream = this.stream;
    while (!this.atListEnd()) {
      if (stream.accept('Punctuation', ',')) return true;
      stream.next();
    }
    return false;
  }

  /** Consumes the closer matching `open`; returns the end offset of the construct. */
  private expectClosing(closer: string, open: Token): number {
    const close = this.stream.accept('Punctuation', closer);
    if (close) return close.span[1];
    const skipped = this.truncatedAt !== undefined && this.truncatedAt >= open.span[1];
    if (!skipped) this.stream.error(`Unclosed "${open.value}": add "${closer}".`, open.span);
    return this.stream.lastEnd;
  }

  private unexpected(what: string): void {
    const token = this.stream.current;
    const span: Span = this.stream.atRegionEnd() ? this.stream.gap() : token.span;
    this.stream.error(`Expected ${what}, found ${describe(token)}.`, span);
  }

  private missing(): Expression {
    return { type: 'Missing', span: this.stream.gap() };
  }
}
