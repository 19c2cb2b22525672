// Find references: every use of the task id, input id or variable under the cursor.
import type { Location } from 'vscode-languageserver-types';
import type { FlowDocument } from '../../flow/flow-document';
import type { Position } from '../../flow/range';
import { occurrenceAt, sameSymbol } from './occurrences';

export function referencesAt(
  doc: FlowDocument,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const at = occurrenceAt(doc, position);
  if (!at) return [];
  return sameSymbol(doc, at)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri, range: o.range }));
}
