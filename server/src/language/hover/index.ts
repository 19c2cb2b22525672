// Hover entry point: expression parts first, then task/input/variable names, then the YAML structure.
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Catalog } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import type { Position } from '../../flow/range';
import { occurrenceAt } from '../navigation/occurrences';
import { expressionHover } from './expression-hover';
import { structureHover } from './structure-hover';
import { symbolMarkdown } from './symbol-hover';

export function hoverAt(doc: FlowDocument, catalog: Catalog, position: Position): Hover | null {
  if (!doc.isFlow) return null;
  const offset = doc.lines.offsetAt(position);
  const occurrence = occurrenceAt(doc, position);
  if (occurrence) {
    const markdown = symbolMarkdown(doc, catalog, occurrence);
    if (markdown)
      return { contents: { kind: MarkupKind.Markdown, value: markdown }, range: occurrence.range };
  }
  const found = expressionHover(doc, catalog, offset) ?? structureHover(doc, catalog, offset);
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.markdown },
    range: doc.lines.range(found.start, found.end),
  };
}
