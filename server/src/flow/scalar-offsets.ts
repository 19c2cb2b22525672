// Maps each character of a scalar's parsed value back to its offset in the document text.
// YAML changes a string on the way in (quotes, escapes, folded lines, block indentation), so an
// expression at index i of the value is not at scalar start + i in the text.
import { Scalar } from 'yaml';

const SIMPLE_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/**
 * Returns offsets[i] = document offset of value[i], plus one extra entry for the end of the value.
 * `text` is the whole document; `start`/`end` the scalar's source range.
 */
export function scalarOffsets(text: string, node: Scalar, value: string): number[] {
  const [start, end] = node.range ?? [0, 0];
  let src = start;
  const type = node.type;
  if (type === Scalar.QUOTE_DOUBLE || type === Scalar.QUOTE_SINGLE) src++;
  if (type === Scalar.BLOCK_LITERAL || type === Scalar.BLOCK_FOLDED) {
    const newline = text.indexOf('\n', start);
    src = newline < 0 || newline >= end ? end : newline + 1;
  }
  const offsets: number[] = new Array(value.length + 1);
  for (let i = 0; i < value.length; i++) {
    const v = value[i];
    // Skip source whitespace that the value folded away or that is block indentation.
    while (src < end && isSpace(text[src]) && !isSpace(v)) src++;
    if (src >= end) {
      offsets[i] = end;
      continue;
    }
    const s = text[src];
    if (type === Scalar.QUOTE_DOUBLE && s === '\\') {
      offsets[i] = src;
      const next = text[src + 1];
      if (next === '\n' || next === '\r') {
        // An escaped line break joins lines and produces no character: re-try this value char.
        src += next === '\r' && text[src + 2] === '\n' ? 3 : 2;
        i--;
        continue;
      }
      src += 2 + (SIMPLE_ESCAPES[next] ?? 0);
      // A \U escape beyond the BMP gives two UTF-16 units: map the second one to the same place.
      if (next === 'U' && value.charCodeAt(i) >= 0xd800 && value.charCodeAt(i) <= 0xdbff) {
        offsets[++i] = offsets[i - 1];
      }
      continue;
    }
    if (type === Scalar.QUOTE_SINGLE && s === "'" && text[src + 1] === "'") {
      offsets[i] = src;
      src += 2;
      continue;
    }
    if (isSpace(v) && !isSpace(s)) {
      // A line fold turned into a space or newline where the source has none left: stay put.
      offsets[i] = src;
      continue;
    }
    offsets[i] = src;
    src++;
    // Folding: one value space or newline may stand for a whole run of source whitespace.
    if (isSpace(v) && isSpace(s) && !isSpace(value[i + 1])) {
      while (src < end && isSpace(text[src])) src++;
    }
  }
  offsets[value.length] = Math.min(src, end);
  return offsets;
}
