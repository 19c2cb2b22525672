// Template parser: text, `{{ }}`, `{# #}`, verbatim/raw blocks and the tags Kestra keeps (if, for, set,
// macro, filter, block). Never throws: `parseTemplate` always returns a tree, plus the syntax errors
// with their spans. Removed or unknown tags are errors and become `InvalidTag` nodes.
import type {
  Expression,
  FilterCall,
  Identifier,
  IfBranch,
  MacroParameter,
  Span,
  Statement,
  SyntaxError,
  TemplateNode,
} from './ast';
import { ExpressionParser } from './expression-parser';
import { tokenize, type Token } from './lexer';
import { describe, TokenStream } from './token-stream';

export interface ParseResult {
  ast: TemplateNode;
  errors: SyntaxError[];
}

const REMOVED_TAGS = new Set([
  'extends',
  'embed',
  'include',
  'import',
  'from',
  'flush',
  'parallel',
  'cache',
  'autoescape',
]);

export function parseTemplate(source: string): ParseResult {
  const lexed = tokenize(source);
  const stream = new TokenStream(lexed.tokens);
  const parser = new TemplateParser(stream);
  const body = parser.parseBody([]).nodes;
  // A bad character is reported by the lexer; the parser's complaint about the same place adds nothing.
  const parserErrors = stream.errors.filter(
    (error) =>
      !lexed.errors.some((lexError) => lexError.span[0] >= error.span[0] && lexError.span[0] < error.span[1]),
  );
  const errors = [...lexed.errors, ...parserErrors].sort((a, b) => a.span[0] - b.span[0]);
  // Past a nesting limit the parser skips what it cannot hold: the errors after it are echoes of that.
  const limit = errors.findIndex((error) => NESTING_LIMIT.test(error.message));
  return {
    ast: { type: 'Template', body, span: [0, source.length] },
    errors: errors.slice(0, limit + 1 || undefined),
  };
}

/** The message of the nesting limits (expressions and tags). */
const NESTING_LIMIT = / nested more than \d+ levels deep\.$/;

/** Deeper tag nesting is refused, so that no input can exhaust the call stack. */
const MAX_TAG_NESTING = 200;

class TemplateParser {
  private readonly expressions: ExpressionParser;
  private readonly macroNames = new Set<string>();
  private tagDepth = 0;

  constructor(private readonly stream: TokenStream) {
    this.expressions = new ExpressionParser(stream);
  }

  /** Parses statements until one of the `stop` tags (left unconsumed) or the end of input. */
  parseBody(stop: string[]): { nodes: Statement[]; stoppedAt: string | null } {
    const stream = this.stream;
    const nodes: Statement[] = [];
    for (;;) {
      const token = stream.current;
      switch (token.type) {
        case 'EOF':
          return { nodes, stoppedAt: null };
        case 'Text':
          stream.next();
          nodes.push({ type: 'Text', value: token.value, span: token.span });
          break;
        case 'Comment':
          stream.next();
          nodes.push({ type: 'Comment', span: token.span });
          break;
        case 'Verbatim':
          stream.next();
          nodes.push({
            type: 'Verbatim',
            tag: token.tag ?? 'verbatim',
            value: token.value,
            span: token.span,
          });
          break;
        case 'PrintStart':
          nodes.push(this.parsePrint());
          break;
        case 'ExecuteStart': {
          const name = stream.peek();
          if (name.type === 'Name' && stop.includes(name.value)) return { nodes, stoppedAt: name.value };
          const node = this.parseTag();
          if (node) nodes.push(node);
          break;
        }
        default:
          stream.error(`Unexpected ${describe(token)}.`, token.span);
          stream.next();
      }
    }
  }

  private parsePrint(): Statement {
    const stream = this.stream;
    const open = stream.next();
    const expression = this.expressions.parseExpression();
    const end = this.expectRegionEnd(open, 'PrintEnd');
    return { type: 'Print', expression, span: [open.span[0], end] };
  }

  /** Consumes up to and including the closing delimiter of the region opened by `open`. */
  private expectRegionEnd(open: Token, closer: 'PrintEnd' | 'ExecuteEnd'): number {
    const stream = this.stream;
    const close = stream.accept(closer);
    if (close) return close.span[1];
    const expected = closer === 'PrintEnd' ? '}}' : '%}';
    if (!stream.atRegionEnd()) {
      stream.error(`Expected "${expected}", found ${describe(stream.current)}.`, stream.current.span);
      while (!stream.atRegionEnd()) stream.next();
      const late = stream.accept(closer);
      if (late) return late.span[1];
    }
    stream.error(`Unclosed "${open.value}": add "${expected}".`, open.span);
    return this.endOfInput();
  }

  /** Parses `{% name … %}` and, for paired tags, its body and end tag. */
  private parseTag(): Statement | null {
    const stream = this.stream;
    const open = stream.next();
    const nameToken = stream.current;
    if (nameToken.type !== 'Name') {
      stream.error(
        'A tag must start with a tag name, e.g. {% if … %}.',
        stream.atRegionEnd() ? open.span : nameToken.span,
      );
      this.expectRegionEnd(open, 'ExecuteEnd');
      return null;
    }
    stream.next();
    const name: Identifier = { type: 'Identifier', name: nameToken.value, span: nameToken.span };
    if (this.tagDepth >= MAX_TAG_NESTING) {
      stream.error(`Tags nested more than ${MAX_TAG_NESTING} levels deep.`, nameToken.span);
      while (!stream.atRegionEnd()) stream.next();
      return { type: 'InvalidTag', name, span: [open.span[0], this.expectRegionEnd(open, 'ExecuteEnd')] };
    }
    this.tagDepth++;
    try {
      return this.parseNamedTag(open, name);
    } finally {
      this.tagDepth--;
    }
  }

  private parseNamedTag(open: Token, name: Identifier): Statement {
    const stream = this.stream;
    switch (name.name) {
      case 'if':
        return this.parseIf(open);
      case 'for':
        return this.parseFor(open);
      case 'set': {
        const variable = this.expressions.parseNewVariableName('a variable name');
        let value = this.missingAt();
        if (stream.accept('Punctuation', '=')) value = this.expressions.parseExpression();
        else
          stream.error(
            `Expected "=" after the variable name, found ${describe(stream.current)}.`,
            this.errorSpan(),
          );
        const end = this.expectRegionEnd(open, 'ExecuteEnd');
        return { type: 'Set', name: variable, value, span: [open.span[0], end] };
      }
      case 'macro':
        return this.parseMacro(open);
      case 'filter':
        return this.parseFilterBlock(open);
      case 'block':
        return this.parseBlock(open);
      default: {
        stream.error(this.unknownTagMessage(name.name), name.span);
        while (!stream.atRegionEnd()) stream.next();
        const end = this.expectRegionEnd(open, 'ExecuteEnd');
        return { type: 'InvalidTag', name, span: [open.span[0], end] };
      }
    }
  }

  private unknownTagMessage(name: string): string {
    if (REMOVED_TAGS.has(name)) return `Unexpected tag name "${name}": Kestra removes the "${name}" tag.`;
    if (name === 'raw' || name === 'endraw') {
      return `Unexpected tag name "${name}": Kestra only recognises {% raw %}…{% endraw %} when the whole block is on one line; use {% verbatim %}…{% endverbatim %} across lines.`;
    }
    return `Unexpected tag name "${name}".`;
  }

  private parseIf(open: Token): Statement {
    const stream = this.stream;
    const branches: IfBranch[] = [];
    let elseBody: Statement[] | null = null;
    let tagOpen = open;
    // null once inside the else branch: then only endif may follow.
    let condition: Expression | null = this.expressions.parseExpression();
    this.expectRegionEnd(open, 'ExecuteEnd');
    for (;;) {
      const { nodes, stoppedAt } = this.parseBody(condition ? ['elseif', 'else', 'endif'] : ['endif']);
      if (condition) {
        branches.push({ type: 'IfBranch', condition, body: nodes, span: [tagOpen.span[0], stream.lastEnd] });
      } else {
        elseBody = nodes;
      }
      if (stoppedAt === null) {
        return this.unclosed(open, 'if', { type: 'If', branches, elseBody, span: [open.span[0], 0] });
      }
      tagOpen = stream.next();
      stream.next();
      if (stoppedAt === 'endif') {
        const end = this.expectRegionEnd(tagOpen, 'ExecuteEnd');
        return { type: 'If', branches, elseBody, span: [open.span[0], end] };
      }
      condition = stoppedAt === 'elseif' ? this.expressions.parseExpression() : null;
      this.expectRegionEnd(tagOpen, 'ExecuteEnd');
    }
  }

  private parseFor(open: Token): Statement {
    const stream = this.stream;
    const variable = this.expressions.parseNewVariableName('the loop variable name');
    let iterable = this.missingAt();
    if (stream.accept('Name', 'in')) iterable = this.expressions.parseExpression();
    else
      stream.error(
        `Expected "in" after the loop variable, found ${describe(stream.current)}.`,
        this.errorSpan(),
      );
    this.expectRegionEnd(open, 'ExecuteEnd');
    const body = this.parseBody(['else', 'endfor']);
    let elseBody: Statement[] | null = null;
    let stoppedAt = body.stoppedAt;
    if (stoppedAt === 'else') {
      const elseOpen = stream.next();
      stream.next();
      this.expectRegionEnd(elseOpen, 'ExecuteEnd');
      const rest = this.parseBody(['endfor']);
      elseBody = rest.nodes;
      stoppedAt = rest.stoppedAt;
    }
    const node = {
      type: 'For' as const,
      variable,
      iterable,
      body: body.nodes,
      elseBody,
      span: [open.span[0], 0] as Span,
    };
    if (stoppedAt === null) return this.unclosed(open, 'for', node);
    node.span[1] = this.consumeEndTag();
    return node;
  }

  private parseMacro(open: Token): Statement {
    const stream = this.stream;
    const nameToken = stream.current;
    let name: Identifier;
    if (nameToken.type === 'Name') {
      stream.next();
      name = { type: 'Identifier', name: nameToken.value, span: nameToken.span };
      if (this.macroNames.has(name.name)) {
        stream.error(`More than one macro can not share the same name: ${name.name}.`, name.span);
      }
      this.macroNames.add(name.name);
    } else {
      stream.error(`Expected the macro name, found ${describe(nameToken)}.`, this.errorSpan());
      name = { type: 'Identifier', name: '', span: stream.gap() };
    }
    let params: MacroParameter[] = [];
    if (stream.is('Punctuation', '(')) params = this.expressions.parseMacroParameters().params;
    else if (name.name) stream.error('Expected "(" and the macro parameters.', this.errorSpan());
    this.expectRegionEnd(open, 'ExecuteEnd');
    const body = this.parseBody(['endmacro']);
    const node = { type: 'Macro' as const, name, params, body: body.nodes, span: [open.span[0], 0] as Span };
    if (body.stoppedAt === null) return this.unclosed(open, 'macro', node);
    node.span[1] = this.consumeEndTag();
    return node;
  }

  private parseFilterBlock(open: Token): Statement {
    const stream = this.stream;
    const filters: FilterCall[] = [];
    do {
      const token = stream.current;
      let name: Identifier;
      if (token.type === 'Name') {
        stream.next();
        name = { type: 'Identifier', name: token.value, span: token.span };
      } else {
        stream.error(`Expected a filter name, found ${describe(token)}.`, this.errorSpan());
        name = { type: 'Identifier', name: '', span: stream.gap() };
      }
      const args = stream.is('Punctuation', '(') ? this.expressions.parseArguments() : null;
      filters.push({
        type: 'FilterCall',
        name,
        args,
        span: [name.span[0], args ? args.span[1] : name.span[1]],
      });
      if (!name.name) break;
    } while (stream.accept('Operator', '|'));
    this.expectRegionEnd(open, 'ExecuteEnd');
    const body = this.parseBody(['endfilter']);
    const node = { type: 'FilterBlock' as const, filters, body: body.nodes, span: [open.span[0], 0] as Span };
    if (body.stoppedAt === null) return this.unclosed(open, 'filter', node);
    node.span[1] = this.consumeEndTag();
    return node;
  }

  private parseBlock(open: Token): Statement {
    const stream = this.stream;
    const token = stream.current;
    let name: Identifier;
    if (token.type === 'Name' || token.type === 'String') {
      stream.next();
      name = { type: 'Identifier', name: token.value, span: token.span };
    } else {
      stream.error(`Expected the block name, found ${describe(token)}.`, this.errorSpan());
      name = { type: 'Identifier', name: '', span: stream.gap() };
    }
    this.expectRegionEnd(open, 'ExecuteEnd');
    const body = this.parseBody(['endblock']);
    const node = { type: 'Block' as const, name, body: body.nodes, span: [open.span[0], 0] as Span };
    if (body.stoppedAt === null) return this.unclosed(open, 'block', node);
    const endOpen = stream.next();
    stream.next();
    const repeated = stream.current;
    if ((repeated.type === 'Name' || repeated.type === 'String') && repeated.value === name.name)
      stream.next();
    node.span[1] = this.expectRegionEnd(endOpen, 'ExecuteEnd');
    return node;
  }

  /** Consumes `{% endxxx %}` (the stream is at its `{%`); returns its end offset. */
  private consumeEndTag(): number {
    const endOpen = this.stream.next();
    this.stream.next();
    return this.expectRegionEnd(endOpen, 'ExecuteEnd');
  }

  private unclosed<T extends Statement>(open: Token, tag: string, node: T): T {
    this.stream.error(`Unclosed "${tag}" tag: add {% end${tag} %}.`, open.span);
    node.span[1] = this.endOfInput();
    return node;
  }

  /** An unclosed construct extends to the end of the input (so a cursor there is inside it). */
  private endOfInput(): number {
    return Math.max(this.stream.lastEnd, this.stream.current.span[0]);
  }

  private missingAt(): Expression {
    return { type: 'Missing', span: this.stream.gap() };
  }

  private errorSpan(): Span {
    return this.stream.atRegionEnd() ? this.stream.gap() : this.stream.current.span;
  }
}
