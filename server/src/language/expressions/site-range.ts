// Template spans → document ranges, through the site's offset map (quotes, escapes, folded lines and
// block indentation make value index ≠ document offset).
import type { Span } from '../../expr/ast';
import type { LineIndex, Range } from '../../flow/range';

export function spanRange(offsets: number[], lines: LineIndex, [start, end]: Span): Range {
  const last = offsets.length - 1;
  const from = offsets[Math.min(start, last)];
  const to = end > start ? offsets[Math.min(end - 1, last)] + (end - 1 < last ? 1 : 0) : from;
  return lines.range(from, Math.max(from, to));
}
