// The authoring features of the language server, as pure functions of (document, catalog, position).
// The LSP layer parses the text once with parseFlowDocument and hands the result to each of them.
export { completeAt } from './completion';
export { expressionContextAt, type ExpressionContext } from './completion/expression';
export { hoverAt } from './hover';
export { documentSymbols } from './symbols';
export {
  definitionAt,
  prepareRename,
  referencesAt,
  renameAt,
  type PrepareRenameResult,
  type RenameResult,
} from './navigation';
export { codeActions } from './code-actions';
