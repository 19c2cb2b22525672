// Test support: runs one semantic rule on a flow text with the bundled catalog.
import { PluginCatalog } from '../../flow/catalog';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import { parseFlowDocument } from '../../flow/flow-document';
import type { FlowRule } from './rule-context';

export function runRule(rule: FlowRule, text: string): FlowDiagnostic[] {
  const flow = parseFlowDocument(text);
  if (!flow.model || !flow.document) throw new Error('test text is not a flow');
  return rule({
    document: flow.document,
    model: flow.model,
    lines: flow.lines,
    catalog: PluginCatalog.bundled(),
  });
}

/** A range on one line, 0-based. */
export function at(line: number, start: number, end: number): FlowDiagnostic['range'] {
  return { start: { line, character: start }, end: { line, character: end } };
}
