// A 422 for an uploaded flow (§8.9: `Invalid entity: …` with one `_embedded.errors[]` entry per
// violation) as `path: message` lines. Kestra's YAML errors are SnakeYAML/Jackson texts spread over
// several lines with a source excerpt and a caret; they are condensed to one line, and the line and
// column they name are kept as a `FILE:LINE:COLUMN:` prefix so editors and terminals can jump there.
import type { KestraJsonError } from './kestra-json';

export interface Violation {
  path?: string;
  message: string;
  line?: number;
  column?: number;
}

const MARK = /^\s*in '[^']*', line (\d+), column (\d+):?\s*$/;
const CARET = /^\s*\^\s*$/;
const JACKSON_LOCATION = /^\s*at \[Source: [^\]]*?line: (\d+), column: (\d+)\]/;

/** One line from a multi-line parser message, and the first line/column it names (1-based). */
export function condenseMessage(message: string): Omit<Violation, 'path'> {
  const lines = message.split(/\r\n|\r|\n/);
  const kept: string[] = [];
  let line: number | undefined;
  let column: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const mark = MARK.exec(lines[i]) ?? JACKSON_LOCATION.exec(lines[i]);
    if (mark) {
      if (line === undefined) {
        line = Number(mark[1]);
        column = Number(mark[2]);
      }
      // The source excerpt and its caret follow a SnakeYAML mark.
      if (MARK.test(lines[i]) && i + 2 < lines.length && CARET.test(lines[i + 2])) i += 2;
      continue;
    }
    const text = lines[i].trim();
    if (text !== '') kept.push(text);
  }
  return { message: kept.join(', '), ...(line !== undefined ? { line, column } : {}) };
}

export function flowViolations(error: KestraJsonError): Violation[] {
  const entries =
    error.errors.length > 0 ? error.errors : [{ message: error.message.replace(/^Invalid entity: /, '') }];
  return entries.map((entry) => ({
    ...(entry.path ? { path: entry.path } : {}),
    ...condenseMessage(entry.message),
  }));
}

/** `FILE:LINE:COL: path: message` when a position is known, else `path: message`. */
export function formatViolation(violation: Violation, shownPath: string): string {
  const where =
    violation.line !== undefined ? `${shownPath}:${violation.line}:${violation.column ?? 1}: ` : '';
  const path = violation.path ? `${violation.path}: ` : '';
  return `${where}${path}${violation.message}`;
}
