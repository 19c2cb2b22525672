// Parses YAML text with exact source ranges and turns syntax errors into diagnostics.
import { parseAllDocuments, isDocument, visit, type Document } from 'yaml';
import type { FlowDiagnostic } from './diagnostic';
import { withPlainEnv } from './plain-env';
import { reparseEditedItem, YAML_OPTIONS } from './yaml-incremental';
import { aliasExpansionProblems } from './yaml-alias-limit';
import { LineIndex, type Range } from './range';

export interface YamlText {
  text: string;
  lines: LineIndex;
  /** Every document of the stream (a flow file normally has exactly one). */
  documents: Document.Parsed[];
  /** YAML syntax errors (and the warnings the parser gives), located. */
  syntaxDiagnostics: FlowDiagnostic[];
}

/** The error codes of the `yaml` package that we report as `duplicate-key` rather than `yaml-syntax`. */
const DUPLICATE_KEY = 'DUPLICATE_KEY';

/**
 * `previous` is an earlier parse of the same document (the version before an edit): when the edit
 * stays inside one list item, only that item is parsed again (see yaml-incremental.ts).
 */
export function parseYamlText(text: string, previous?: YamlText): YamlText {
  const lines = new LineIndex(text);
  if (previous?.documents.length === 1 && previous.syntaxDiagnostics.length === 0) {
    const document = reparseEditedItem(previous.documents[0], previous.text, text);
    // Nothing to report: the previous parse had no syntax problem, and the re-parsed item has no
    // error and no anchor or alias (reparseEditedItem checks it).
    if (document) return { text, lines, documents: [document], syntaxDiagnostics: [] };
  }
  let parsed: ReturnType<typeof parseAllDocuments>;
  try {
    parsed = withPlainEnv(() => parseAllDocuments(text, YAML_OPTIONS));
  } catch (error) {
    // The parser throws only for pathological input (e.g. alias explosions); report it on line 1.
    return {
      text,
      lines,
      documents: [],
      syntaxDiagnostics: [
        {
          range: lines.range(0, Math.min(text.length, lines.offsetAt({ line: 1, character: 0 }))),
          severity: 'error',
          code: 'yaml-syntax',
          message: `This YAML cannot be read: ${errorMessage(error)}`,
        },
      ],
    };
  }
  const documents = (Array.isArray(parsed) ? parsed : [parsed]).filter((d): d is Document.Parsed =>
    isDocument(d),
  );
  return located(text, lines, documents);
}

/** The parse with its syntax errors (and unresolved aliases) as diagnostics. */
function located(text: string, lines: LineIndex, documents: Document.Parsed[]): YamlText {
  const syntaxDiagnostics: FlowDiagnostic[] = [];
  for (const doc of documents) {
    syntaxDiagnostics.push(...unresolvedAliases(doc, lines));
    syntaxDiagnostics.push(...aliasExpansionProblems(doc, lines));
    for (const error of doc.errors) {
      const isDuplicate = error.code === DUPLICATE_KEY;
      syntaxDiagnostics.push({
        range: errorRange(lines, error.pos[0], error.pos[1]),
        severity: 'error',
        code: isDuplicate ? 'duplicate-key' : 'yaml-syntax',
        message: isDuplicate
          ? `${firstLine(error.message)} Kestra rejects duplicate keys: remove or rename one of them.`
          : `YAML syntax error: ${firstLine(error.message)}`,
      });
    }
  }
  return { text, lines, documents, syntaxDiagnostics };
}

/**
 * The parser accepts an alias whose anchor does not exist (`password: **` reads as the alias `*`);
 * Kestra's parser rejects it. Say so where it is, and how to write the value instead.
 */
function unresolvedAliases(doc: Document.Parsed, lines: LineIndex): FlowDiagnostic[] {
  const found: FlowDiagnostic[] = [];
  // Most flows hold no alias at all: skip the walk unless the text has `*name` somewhere.
  if (!/(^|[\s[{,:-])\*[^\s,\]}]/.test(lines.text)) return found;
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined || !node.range) return;
      const source = lines.text.slice(node.range[0], node.range[1]);
      found.push({
        range: lines.range(node.range[0], node.range[1]),
        severity: 'error',
        code: 'yaml-syntax',
        message: `YAML syntax error: \`${source}\` is read as an alias, but no anchor \`&${node.source}\` exists. Quote the value if it is text, e.g. "${source}".`,
      });
    },
  });
  return found;
}

/**
 * The parser reports some errors (an unclosed quote, a missing bracket) at the very end of the text.
 * A blank line says nothing to the user: point at the last line that has content instead.
 */
function errorRange(lines: LineIndex, start: number, end: number): Range {
  const position = lines.positionAt(start);
  let line = position.line;
  if (lines.lineText(line).trim() !== '' && start < lines.text.length) {
    return lines.range(start, Math.max(end, start + 1));
  }
  while (line > 0 && lines.lineText(line).trim() === '') line--;
  const content = lines.lineText(line);
  const indent = content.length - content.trimStart().length;
  return { start: { line, character: indent }, end: { line, character: content.length } };
}

function firstLine(message: string): string {
  const line = message.split('\n')[0].trim();
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? firstLine(error.message) : String(error);
}
