// Entry point of the flow layer: text → YAML with ranges → flow model + located expressions.
import { isMap, isPair, isSeq, type Document, type YAMLMap } from 'yaml';
import { buildFlowModel } from './build-model';
import type { FlowDiagnostic } from './diagnostic';
import {
  expressionSitesNear,
  findExpressionSites,
  siteMayContain,
  type ExpressionSite,
} from './expression-sites';
import type { FlowModel } from './model';
import type { LineIndex } from './range';
import { parseYamlText, type YamlText } from './yaml-document';

export interface FlowDocument extends YamlText {
  /** True when the text looks like a Kestra flow (see isFlowText); other YAML is left alone. */
  isFlow: boolean;
  /** The document that holds the flow (the first one of the stream). */
  document?: Document.Parsed;
  model?: FlowModel;
  expressions: ExpressionSite[];
  /** Syntax diagnostics plus structural ones found while reading (unquoted `{{`, extra documents). */
  diagnostics: FlowDiagnostic[];
}

const FLOW_KEYS = ['id', 'namespace', 'tasks'];

/**
 * A flow has at least two of the top-level keys `id`, `namespace` and `tasks`. Looking at the raw
 * lines (not the parse) keeps a flow recognised while its YAML is broken.
 */
export function isFlowText(text: string): boolean {
  // The top level is the indentation of the first content line (published examples are sometimes
  // indented as a whole, which YAML accepts).
  const indent = /^([ \t]*)[^\s#]/m.exec(text)?.[1] ?? '';
  let found = 0;
  for (const key of FLOW_KEYS) {
    if (new RegExp(`^${indent}${key}[ \\t]*:`, 'm').test(text)) found++;
  }
  return found >= 2;
}

/**
 * `previous`, when given, is the parse of an earlier version of the same document: an edit inside
 * one task (or trigger, input…) then parses only that task again. The result is the same.
 */
export function parseFlowDocument(text: string, previous?: FlowDocument): FlowDocument {
  const yaml = parseYamlText(text, previous);
  const isFlow = isFlowText(text);
  const result: FlowDocument = { ...yaml, isFlow, expressions: [], diagnostics: [...yaml.syntaxDiagnostics] };
  if (!isFlow) return result;
  const nonEmpty = yaml.documents.filter((doc) => doc.contents !== null);
  const document = nonEmpty[0] ?? yaml.documents[0];
  result.document = document;
  for (const extra of nonEmpty.slice(1)) {
    const start = extra.range[0];
    result.diagnostics.push({
      range: yaml.lines.range(
        start,
        yaml.lines.offsetAt({ line: yaml.lines.positionAt(start).line + 1, character: 0 }),
      ),
      severity: 'error',
      code: 'multiple-documents',
      message: 'A flow file holds one flow: move this YAML document into a file of its own.',
    });
  }
  if (!document || !isMap(document.contents)) {
    if (document && document.contents !== null && yaml.syntaxDiagnostics.length === 0) {
      result.diagnostics.push({
        range: yaml.lines.range(document.range[0], document.range[1]),
        severity: 'error',
        code: 'flow-not-a-mapping',
        message: 'A flow is a YAML mapping with `id`, `namespace` and `tasks` at the top level.',
      });
    }
    return result;
  }
  const root = document.contents as YAMLMap;
  result.model = buildFlowModel(root, yaml.lines, previous?.model);
  lazyUnquotedExpressions(result, document, yaml.lines);
  lazyExpressions(result, document, result.model);
  return result;
}

/**
 * The unquoted-expression diagnostics are added on first read of `diagnostics`: finding them walks
 * every node, and completion and hover straight after an edit never read the diagnostics.
 */
function lazyUnquotedExpressions(result: FlowDocument, document: Document.Parsed, lines: LineIndex): void {
  let diagnostics: FlowDiagnostic[] | undefined;
  const found = result.diagnostics;
  Object.defineProperty(result, 'diagnostics', {
    configurable: true,
    enumerable: true,
    get: () => (diagnostics ??= [...found, ...unquotedExpressions(document, lines)]),
    set: (value: FlowDiagnostic[]) => (diagnostics = value),
  });
}

/**
 * Expression sites are found on first use: validation does not need them, and a large flow holds
 * thousands. Reading `expressions` finds them once; assigning it replaces them.
 */
function lazyExpressions(result: FlowDocument, document: Document.Parsed, model: FlowModel): void {
  let sites: ExpressionSite[] | undefined;
  Object.defineProperty(result, 'expressions', {
    configurable: true,
    enumerable: true,
    get: () => (sites ??= findExpressionSites(document, model, result.lines)),
    set: (value: ExpressionSite[]) => (sites = value),
  });
}

/**
 * The expression sites whose scalar holds document offset `offset` (`siteMayContain`), in document
 * order: found by walking down to the offset, without finding every site of the flow.
 */
export function expressionSitesAt(flow: FlowDocument, offset: number): ExpressionSite[] {
  if (flow.document && flow.model) return expressionSitesNear(flow.document, flow.model, flow.lines, offset);
  return flow.expressions.filter((site) => siteMayContain(site, offset));
}

/**
 * `message: {{ inputs.x }}` is read by YAML as a nested flow mapping, not as a string.
 * Kestra then fails with a type error; we say what happened and how to fix it.
 */
function unquotedExpressions(document: Document.Parsed, lines: LineIndex): FlowDiagnostic[] {
  const found: FlowDiagnostic[] = [];
  walkUnquoted(document.contents, lines, found);
  return found;
}

/** Depth-first, in document order; does not look inside a mapping it reports. */
function walkUnquoted(node: unknown, lines: LineIndex, found: FlowDiagnostic[]): void {
  if (isPair(node)) {
    walkUnquoted(node.key, lines, found);
    walkUnquoted(node.value, lines, found);
    return;
  }
  if (!isMap(node) && !isSeq(node)) return;
  if (isMap(node) && node.flow && node.range && lines.text.startsWith('{{', node.range[0])) {
    const [start, end] = node.range;
    const source = lines.text.slice(start, end);
    found.push({
      range: lines.range(start, end),
      severity: 'error',
      code: 'unquoted-expression',
      message: `YAML reads an unquoted \`{{ … }}\` as a mapping, not a string: put the value in quotes, e.g. "${source.replace(/"/g, '\\"')}".`,
      data: { replacement: `"${source.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` },
    });
    return;
  }
  for (const item of node.items) walkUnquoted(item, lines, found);
}
