// The one validation entry point, shared by the CLI and the language server: YAML syntax and
// structure, schema validation against the catalog's flow schema, then Kestra's semantic rules.
import type { Catalog } from '../flow/catalog-types';
import type { FlowDiagnostic } from '../flow/diagnostic';
import { parseFlowDocument, type FlowDocument } from '../flow/flow-document';
import { validateFlowSchema } from '../flow/schema-validation';
import { isRequiredTaskList } from './diagnostics/required-task-lists';
import { memoCatalog } from './memo-catalog';
import { semanticRules } from './diagnostics/rules';
import { expressionDiagnostics } from './expressions';

export interface FlowValidation {
  flow: FlowDocument;
  /** Sorted by position; empty for YAML that is not a flow. */
  diagnostics: FlowDiagnostic[];
}

function compare(a: FlowDiagnostic, b: FlowDiagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.range.end.line - b.range.end.line ||
    a.range.end.character - b.range.end.character ||
    a.code.localeCompare(b.code)
  );
}

function rangeKey(d: FlowDiagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}:${d.code}`;
}

/** Sorts by position and drops a second diagnostic with the same code on the same range. */
export function sortDiagnostics(diagnostics: FlowDiagnostic[]): FlowDiagnostic[] {
  const seen = new Set<string>();
  return [...diagnostics].sort(compare).filter((d) => {
    const key = rangeKey(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Codes of semantic diagnostics that explain a value better than the schema's pattern/length error. */
const COVERING_CODES = new Set(['invalid-id', 'invalid-namespace']);

/** Drops a schema `invalid-value` on a value that a semantic rule already explains. */
function withoutCoveredSchemaErrors(schema: FlowDiagnostic[], semantic: FlowDiagnostic[]): FlowDiagnostic[] {
  const covered = new Set(
    semantic.filter((d) => COVERING_CODES.has(d.code)).map((d) => rangeKey({ ...d, code: '' })),
  );
  return schema.filter((d) => d.code !== 'invalid-value' || !covered.has(rangeKey({ ...d, code: '' })));
}

export function validateFlow(text: string, fullCatalog: Catalog): FlowValidation {
  return validateParsedFlow(parseFlowDocument(text), fullCatalog);
}

/** The same for a flow already parsed (the language server shares one parse per version). */
export function validateParsedFlow(flow: FlowDocument, fullCatalog: Catalog): FlowValidation {
  if (!flow.isFlow) return { flow, diagnostics: [] };
  const diagnostics = [...flow.diagnostics];
  // On broken YAML the parse is partial: checking it would report what is merely cut off.
  const broken = flow.diagnostics.some((d) => d.code === 'yaml-syntax');
  if (flow.model && flow.document && !broken) {
    const { document, lines, model } = flow;
    const catalog = memoCatalog(fullCatalog);
    // Cached per top-level task under the catalog itself: an edit re-validates what it touched.
    const schemaDiagnostics = validateFlowSchema({
      document,
      lines,
      catalog,
      skip: isRequiredTaskList,
      cacheOwner: fullCatalog,
    });
    const context = { document, model, lines, catalog };
    const semantic = semanticRules.flatMap((rule) => rule(context));
    diagnostics.push(
      ...withoutCoveredSchemaErrors(schemaDiagnostics, semantic),
      ...semantic,
      ...expressionDiagnostics(flow, catalog),
    );
  }
  return { flow, diagnostics: sortDiagnostics(diagnostics) };
}
