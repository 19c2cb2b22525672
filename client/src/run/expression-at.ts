// Finds the `{{ … }}` under a document offset in a flow, with the document range it covers, using
// the flow model's expression sites (value index → document offset) and the Pebble parser's spans.
import type { FlowDocument } from '../../../server/src/flow/flow-document';
import { parseTemplate, walk, type PrintNode } from '../../../server/src/expr/index';

export interface PrintAt {
  /** The `{{ … }}` text as Pebble sees it (YAML escapes already resolved). */
  source: string;
  /** Document offsets [start, end) of that text. */
  start: number;
  end: number;
}

export function printAt(flow: FlowDocument, offset: number): PrintAt | undefined {
  for (const site of flow.expressions) {
    const first = site.offsets[0];
    const last = site.offsets[site.value.length];
    if (first === undefined || last === undefined || offset < first || offset > last) continue;
    // The value index under the offset (offsets are ascending; escapes make some steps wider).
    let index = 0;
    while (index < site.value.length && site.offsets[index + 1] <= offset) index++;
    const prints: PrintNode[] = [];
    walk(parseTemplate(site.value).ast, (node) => {
      if (node.type === 'Print') prints.push(node as PrintNode);
    });
    const hit = prints.find((print) => index >= print.span[0] && index < print.span[1]);
    if (!hit) return undefined;
    return {
      source: site.value.slice(hit.span[0], hit.span[1]),
      start: site.offsets[hit.span[0]],
      end: site.offsets[hit.span[1]],
    };
  }
  return undefined;
}
