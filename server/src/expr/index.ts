// Public API of the Pebble engine: parsing (error tolerant, with spans) and rendering as Kestra does.
export type * from './ast';
export { childrenOf, nodeAt, walk } from './ast-walk';
export { PebbleError, PebbleUndefinedError } from './errors';
export type { RenderLimits } from './limits';
export { tokenize, type Token, type TokenType } from './lexer';
export { parseTemplate, type ParseResult } from './parser';
export {
  evaluateExpression,
  isTruthy,
  lineAt,
  renderTemplate,
  renderTyped,
  renderValue,
  type RenderOptions,
  type Variables,
} from './render';
export { isAttributeProvider, type PebbleAttributeProvider } from './runtime-objects';
