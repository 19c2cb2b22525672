// Completion entry point: inside `{{ }}`/`{% %}` the expression provider answers, elsewhere the YAML
// structure does (keys, values, `type:` names).
import type { CompletionList } from 'vscode-languageserver-types';
import type { Catalog } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import type { Position } from '../../flow/range';
import { completeExpression, expressionContextAt } from './expression';
import { completeStructure } from './structure';

export function completeAt(doc: FlowDocument, catalog: Catalog, position: Position): CompletionList {
  if (!doc.isFlow) return { isIncomplete: false, items: [] };
  const offset = doc.lines.offsetAt(position);
  const expression = expressionContextAt(doc, offset);
  if (expression) {
    const items = expression.delimiter === 'comment' ? [] : completeExpression(doc, catalog, expression);
    return { isIncomplete: false, items };
  }
  return { isIncomplete: false, items: completeStructure(doc, catalog, offset) };
}
