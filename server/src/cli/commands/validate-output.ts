// How `validate` prints its results: `file:line:col: severity code: message` lines and a summary,
// or the JSON array of design.md A.2.
import type { FlowDiagnostic } from '../../flow/diagnostic';

export interface FileResult {
  file: string;
  diagnostics: FlowDiagnostic[];
}

export function formatText(results: FileResult[], skipped: number): string {
  const lines: string[] = [];
  const count = { error: 0, warning: 0, information: 0, hint: 0 };
  let filesWithErrors = 0;
  for (const result of results) {
    let hasError = false;
    for (const d of result.diagnostics) {
      count[d.severity]++;
      hasError ||= d.severity === 'error';
      lines.push(
        `${result.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`,
      );
    }
    if (hasError) filesWithErrors++;
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [plural(count.error, 'error'), plural(count.warning, 'warning')];
  if (count.information + count.hint > 0) parts.push(plural(count.information + count.hint, 'note'));
  let summary = `${plural(results.length, 'flow')} checked: ${parts.join(', ')}`;
  if (filesWithErrors > 0) summary += ` (errors in ${plural(filesWithErrors, 'file')})`;
  if (skipped > 0) summary += `; ${plural(skipped, 'YAML file')} skipped (not flows)`;
  lines.push(`${summary}.`);
  return `${lines.join('\n')}\n`;
}

export function formatJson(results: FileResult[]): string {
  const shaped = results.map((result) => ({
    file: result.file,
    diagnostics: result.diagnostics.map((d) => ({
      range: {
        start: { line: d.range.start.line, character: d.range.start.character },
        end: { line: d.range.end.line, character: d.range.end.character },
      },
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
  }));
  return `${JSON.stringify(shaped, null, 2)}\n`;
}
