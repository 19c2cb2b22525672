// Go to definition: from a use of a task id, input id or variable to its declaration.
import type { Location } from 'vscode-languageserver-types';
import type { FlowDocument } from '../../flow/flow-document';
import type { Position } from '../../flow/range';
import { declarationOf, occurrenceAt } from './occurrences';

export function definitionAt(doc: FlowDocument, uri: string, position: Position): Location[] {
  const at = occurrenceAt(doc, position);
  if (!at) return [];
  const declaration = declarationOf(doc, at);
  return declaration ? [{ uri, range: declaration.range }] : [];
}
