// Expression context: is the cursor inside `{{ … }}`, `{% … %}` or `{# … #}` of a string? The
// completion dispatcher asks this first, then `completeExpression` answers (expression-provider.ts).
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog } from '../../flow/catalog-types';
import type { ExpressionSite } from '../../flow/expression-sites';
import { expressionSitesAt, type FlowDocument } from '../../flow/flow-document';
import { defaultRegistry, type CallableRegistry } from '../expressions/known-callables';
import { expressionCompletions } from './expression-provider';

export interface ExpressionContext {
  /** `print` for `{{ }}`, `tag` for `{% %}`, `comment` for `{# #}`. */
  delimiter: 'print' | 'tag' | 'comment';
  /** The string the expression lives in: the YAML value, or the raw line when YAML could not read it. */
  template: string;
  /** offsets[i] = document offset of template[i]; one extra entry for its end. */
  offsets: number[];
  /** Cursor position as an index into `template`. */
  index: number;
  /** Index in `template` just after the opening delimiter. */
  blockStart: number;
  /** The located string, when YAML read it. */
  site?: ExpressionSite;
}

const OPENERS: Record<string, ExpressionContext['delimiter']> = {
  '{{': 'print',
  '{%': 'tag',
  '{#': 'comment',
};
const CLOSERS: Record<ExpressionContext['delimiter'], string> = { print: '}}', tag: '%}', comment: '#}' };

/** The open Pebble block around document offset `offset`, if any. */
export function expressionContextAt(doc: FlowDocument, offset: number): ExpressionContext | undefined {
  for (const site of expressionSitesAt(doc, offset)) {
    const first = site.offsets[0];
    const last = site.offsets[site.offsets.length - 1];
    if (offset < first || offset > last) continue;
    let index = site.offsets.findIndex((o) => o >= offset);
    if (index < 0) index = site.value.length;
    // The cursor is on no character of the value (the indentation of a block scalar line, a quote):
    // an edit made there could not hold the cursor.
    if (site.offsets[index] !== offset) continue;
    const found = openBlock(site.value, index);
    if (found) return { ...found, template: site.value, offsets: site.offsets, index, site };
  }
  // YAML could not read the string (an unclosed quote while typing): look at the raw line.
  const { line } = doc.lines.positionAt(offset);
  const lineStart = doc.lines.offsetAt({ line, character: 0 });
  const template = doc.lines.lineText(line);
  const index = offset - lineStart;
  const found = openBlock(template, index);
  if (!found) return undefined;
  const offsets = Array.from({ length: template.length + 1 }, (_, i) => lineStart + i);
  return { ...found, template, offsets, index };
}

/** The last delimiter opened before `index` and not closed before it. */
function openBlock(
  template: string,
  index: number,
): Pick<ExpressionContext, 'delimiter' | 'blockStart'> | undefined {
  let open: Pick<ExpressionContext, 'delimiter' | 'blockStart'> | undefined;
  let i = 0;
  while (i < index - 1) {
    const pair = template.slice(i, i + 2);
    if (!open && OPENERS[pair]) {
      open = { delimiter: OPENERS[pair], blockStart: i + 2 };
      i += 2;
    } else if (open && pair === CLOSERS[open.delimiter] && i + 2 <= index) {
      open = undefined;
      i += 2;
    } else {
      i++;
    }
  }
  return open;
}

/**
 * Completion inside an expression: roots, locals and functions at an expression start, members after
 * `.`, keys inside `['`, filters after `|`, tests after `is`, tag names after `{%`.
 */
export function completeExpression(
  doc: FlowDocument,
  catalog: Catalog,
  context: ExpressionContext,
  registry: CallableRegistry = defaultRegistry,
): CompletionItem[] {
  if (context.delimiter === 'comment') return [];
  return expressionCompletions(doc, catalog, context, registry);
}
