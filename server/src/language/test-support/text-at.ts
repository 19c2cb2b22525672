// Finds positions and ranges of literal text in a fixture, for exact assertions.
import type { FlowDocument } from '../../flow/flow-document';
import type { Position, Range } from '../../flow/range';

/** Range of the `nth` (0-based) occurrence of `needle`, optionally only after `after`. */
export function rangeOf(doc: FlowDocument, needle: string, nth = 0, after?: string): Range {
  let from = after ? doc.text.indexOf(after) : 0;
  if (from < 0) throw new Error(`fixture has no ${after}`);
  let start = -1;
  for (let i = 0; i <= nth; i++) {
    start = doc.text.indexOf(needle, from);
    if (start < 0) throw new Error(`fixture has no occurrence ${nth} of ${needle}`);
    from = start + 1;
  }
  return doc.lines.range(start, start + needle.length);
}

/** A position `shift` characters into that occurrence. */
export function positionIn(doc: FlowDocument, needle: string, nth = 0, shift = 1, after?: string): Position {
  const range = rangeOf(doc, needle, nth, after);
  return { line: range.start.line, character: range.start.character + shift };
}
