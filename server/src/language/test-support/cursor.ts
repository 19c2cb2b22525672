// Fixture helpers: a `|` in fixture text marks the cursor.
import { parseFlowDocument, type FlowDocument } from '../../flow/flow-document';
import type { Position } from '../../flow/range';

export interface CursorFixture {
  text: string;
  offset: number;
  position: Position;
  doc: FlowDocument;
}

/**
 * Removes the single cursor marker from `source` and parses the rest as a flow document. Fixtures that
 * need a `|` of their own (block scalars, Pebble filters) pass another marker.
 */
export function cursor(source: string, marker = '|'): CursorFixture {
  const offset = source.indexOf(marker);
  if (offset < 0 || source.indexOf(marker, offset + 1) >= 0) {
    throw new Error(`a cursor fixture needs exactly one ${marker}`);
  }
  const text = source.slice(0, offset) + source.slice(offset + marker.length);
  const doc = parseFlowDocument(text);
  return { text, offset, position: doc.lines.positionAt(offset), doc };
}
