// The syntax tree of a Pebble template. Every node carries its [start, end) offsets in the template
// string, so the language server can map any node back to the document.
//
// The parser is error tolerant: a missing piece is represented by a `Missing` expression or an
// `Identifier` with an empty name and a zero-width span at the place it was expected.

export type Span = [number, number];

export interface Identifier {
  type: 'Identifier';
  /** Empty when the name is missing (e.g. `{{ inputs. }}` while typing). */
  name: string;
  span: Span;
}

// ---- Expressions -------------------------------------------------------------------------------

export interface Literal {
  type: 'Literal';
  kind: 'string' | 'long' | 'double' | 'boolean' | 'null';
  value: string | number | boolean | null;
  span: Span;
}

/** A double-quoted string with `#{…}` parts: its parts are concatenated like `~`. */
export interface InterpolatedString {
  type: 'InterpolatedString';
  parts: Expression[];
  span: Span;
}

export interface Variable {
  type: 'Variable';
  name: string;
  span: Span;
}

/** `object.property` or the method call `object.property(args)`. */
export interface MemberAccess {
  type: 'MemberAccess';
  object: Expression;
  property: Identifier;
  /** Present for a method call. */
  args: ArgumentList | null;
  span: Span;
}

/** `object[index]`. */
export interface IndexAccess {
  type: 'IndexAccess';
  object: Expression;
  index: Expression;
  span: Span;
}

export interface Argument {
  type: 'Argument';
  /** Named argument (`format='iso'`); null for a positional one. */
  name: Identifier | null;
  value: Expression;
  span: Span;
}

/** `( … )` of a call; its span covers the parentheses. */
export interface ArgumentList {
  type: 'ArgumentList';
  items: Argument[];
  span: Span;
}

/** A function or macro call `name(args)`. */
export interface FunctionCall {
  type: 'FunctionCall';
  callee: Identifier;
  args: ArgumentList;
  span: Span;
}

/** `input | name(args)`. */
export interface FilterApplication {
  type: 'FilterApplication';
  input: Expression;
  name: Identifier;
  args: ArgumentList | null;
  span: Span;
}

/** `input is name(args)` / `input is not name(args)`. */
export interface TestApplication {
  type: 'TestApplication';
  input: Expression;
  negated: boolean;
  name: Identifier;
  args: ArgumentList | null;
  span: Span;
}

export type BinaryOperator =
  | 'or'
  | 'and'
  | 'contains'
  | '=='
  | 'equals'
  | '!='
  | '<'
  | '>'
  | '<='
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '~'
  | '..'
  | '??'
  | '???';

export interface BinaryExpression {
  type: 'BinaryExpression';
  operator: BinaryOperator;
  operatorSpan: Span;
  left: Expression;
  right: Expression;
  span: Span;
}

export interface UnaryExpression {
  type: 'UnaryExpression';
  operator: 'not' | '-' | '+';
  operand: Expression;
  span: Span;
}

export interface ConditionalExpression {
  type: 'ConditionalExpression';
  test: Expression;
  consequent: Expression;
  alternate: Expression;
  span: Span;
}

export interface ListLiteral {
  type: 'ListLiteral';
  elements: Expression[];
  span: Span;
}

export interface MapEntry {
  type: 'MapEntry';
  key: Expression;
  value: Expression;
  span: Span;
}

export interface MapLiteral {
  type: 'MapLiteral';
  entries: MapEntry[];
  span: Span;
}

/** Placeholder where an expression was expected but absent (zero width, or the bad token's span). */
export interface Missing {
  type: 'Missing';
  span: Span;
}

export type Expression =
  | Literal
  | InterpolatedString
  | Variable
  | MemberAccess
  | IndexAccess
  | FunctionCall
  | FilterApplication
  | TestApplication
  | BinaryExpression
  | UnaryExpression
  | ConditionalExpression
  | ListLiteral
  | MapLiteral
  | Missing;

// ---- Template statements -----------------------------------------------------------------------

/** Literal text; `value` is what it prints after whitespace control, `span` the raw source. */
export interface TextNode {
  type: 'Text';
  value: string;
  span: Span;
}

/** `{{ expression }}`. */
export interface PrintNode {
  type: 'Print';
  expression: Expression;
  span: Span;
}

export interface CommentNode {
  type: 'Comment';
  span: Span;
}

/** Kestra's `{% raw %}…{% endraw %}` or Pebble's `{% verbatim %}…{% endverbatim %}`: printed as is. */
export interface VerbatimNode {
  type: 'Verbatim';
  tag: 'raw' | 'verbatim';
  value: string;
  span: Span;
}

export interface IfBranch {
  type: 'IfBranch';
  condition: Expression;
  body: Statement[];
  span: Span;
}

export interface IfNode {
  type: 'If';
  branches: IfBranch[];
  elseBody: Statement[] | null;
  span: Span;
}

export interface ForNode {
  type: 'For';
  variable: Identifier;
  iterable: Expression;
  body: Statement[];
  elseBody: Statement[] | null;
  span: Span;
}

export interface SetNode {
  type: 'Set';
  name: Identifier;
  value: Expression;
  span: Span;
}

export interface MacroParameter {
  type: 'MacroParameter';
  name: Identifier;
  defaultValue: Expression | null;
  span: Span;
}

export interface MacroNode {
  type: 'Macro';
  name: Identifier;
  params: MacroParameter[];
  body: Statement[];
  span: Span;
}

/** One filter of a `{% filter %}` tag. */
export interface FilterCall {
  type: 'FilterCall';
  name: Identifier;
  args: ArgumentList | null;
  span: Span;
}

/** `{% filter upper | trim %}…{% endfilter %}`: the body's output goes through the filters. */
export interface FilterBlockNode {
  type: 'FilterBlock';
  filters: FilterCall[];
  body: Statement[];
  span: Span;
}

export interface BlockNode {
  type: 'Block';
  name: Identifier;
  body: Statement[];
  span: Span;
}

/** A tag that could not be parsed (unknown or removed name): kept so tools can point at it. */
export interface InvalidTagNode {
  type: 'InvalidTag';
  name: Identifier;
  span: Span;
}

export type Statement =
  | TextNode
  | PrintNode
  | CommentNode
  | VerbatimNode
  | IfNode
  | ForNode
  | SetNode
  | MacroNode
  | FilterBlockNode
  | BlockNode
  | InvalidTagNode;

export interface TemplateNode {
  type: 'Template';
  body: Statement[];
  span: Span;
}

export type AstNode =
  | TemplateNode
  | Statement
  | Expression
  | Identifier
  | Argument
  | ArgumentList
  | MapEntry
  | IfBranch
  | MacroParameter
  | FilterCall;

export interface SyntaxError {
  message: string;
  span: Span;
}
