// Shared by the duplicate-id rules: flags every occurrence of an id that appears more than once.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { Located } from '../../flow/model';
import { diagnostic } from './rule-context';

/**
 * `describe(id, otherLines)` builds the message; `otherLines` are the 1-based lines of the other
 * occurrences, so the user can jump between them.
 */
export function findDuplicates(
  ids: (Located<string> | undefined)[],
  code: string,
  describe: (id: string, otherLines: number[]) => string,
): FlowDiagnostic[] {
  const byValue = new Map<string, Located<string>[]>();
  for (const id of ids) {
    if (!id || id.value === '') continue;
    const list = byValue.get(id.value) ?? [];
    list.push(id);
    byValue.set(id.value, list);
  }
  const found: FlowDiagnostic[] = [];
  for (const [value, occurrences] of byValue) {
    if (occurrences.length < 2) continue;
    for (const occurrence of occurrences) {
      const otherLines = occurrences.filter((o) => o !== occurrence).map((o) => o.range.start.line + 1);
      found.push(diagnostic(occurrence.range, 'error', code, describe(value, otherLines)));
    }
  }
  return found;
}

export function linesText(lines: number[]): string {
  return lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`;
}
