// Pebble's operators as Kestra configures them (Pebble core + Kestra's `??` and `???`), shared by
// the lexer (which symbols exist) and the expression parser (precedence and kind).

export interface OperatorInfo {
  /** Higher binds tighter. All binary operators are left-associative. */
  precedence: number;
  /** `|` takes a filter invocation on its right, `is` / `is not` a test invocation. */
  kind: 'normal' | 'filter' | 'test';
}

export const BINARY_OPERATORS: Record<string, OperatorInfo> = {
  or: { precedence: 10, kind: 'normal' },
  and: { precedence: 15, kind: 'normal' },
  is: { precedence: 20, kind: 'test' },
  'is not': { precedence: 20, kind: 'test' },
  contains: { precedence: 20, kind: 'normal' },
  '==': { precedence: 30, kind: 'normal' },
  equals: { precedence: 30, kind: 'normal' },
  '!=': { precedence: 30, kind: 'normal' },
  '<': { precedence: 30, kind: 'normal' },
  '>': { precedence: 30, kind: 'normal' },
  '<=': { precedence: 30, kind: 'normal' },
  '>=': { precedence: 30, kind: 'normal' },
  '+': { precedence: 40, kind: 'normal' },
  '-': { precedence: 40, kind: 'normal' },
  '*': { precedence: 60, kind: 'normal' },
  '/': { precedence: 60, kind: 'normal' },
  '%': { precedence: 60, kind: 'normal' },
  '|': { precedence: 100, kind: 'filter' },
  '~': { precedence: 110, kind: 'normal' },
  '..': { precedence: 120, kind: 'normal' },
  '??': { precedence: 120, kind: 'normal' },
  '???': { precedence: 120, kind: 'normal' },
};

export const UNARY_OPERATORS = new Set(['not', '+', '-']);
export const UNARY_PRECEDENCE = 500;

/** Every operator symbol, longest first (the lexer tries them in this order). */
export const OPERATOR_SYMBOLS = [...new Set([...Object.keys(BINARY_OPERATORS), ...UNARY_OPERATORS])].sort(
  (a, b) => b.length - a.length,
);

/** Operators that are words: the lexer reads them as operators even right after a `.`. */
export const WORD_OPERATORS = new Set(OPERATOR_SYMBOLS.filter((op) => /^[a-z ]+$/.test(op)));

/** Why `x.contains(…)` fails in Pebble, and what to write instead. */
export function operatorAfterDotMessage(operator: string): string {
  const hint =
    operator === 'contains'
      ? 'write `x contains y` instead of `x.contains(y)`'
      : operator === 'equals'
        ? 'write `x == y` instead of `x.equals(y)`'
        : `use \`x["${operator}"]\` to read a key of that name`;
  return `"${operator}" is an operator in Pebble and cannot follow ".": ${hint}.`;
}
