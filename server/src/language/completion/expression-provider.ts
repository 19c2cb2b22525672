// The expression completion provider: finds what the cursor completes (expression-slot.ts) and what is
// in scope at the string (expressions/scope.ts), then builds the items.
import { Scalar, type Pair } from 'yaml';
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import { analyseFlow, type FlowAnalysis } from '../expressions/flow-analysis';
import type { CallableRegistry } from '../expressions/known-callables';
import { scopeFor, taskAtOffset } from '../expressions/scope';
import { siteContext, type SiteContext } from '../expressions/site-context';
import type { ExpressionContext } from './expression';
import { filterItems, tagItems, testItems } from './expression-callables';
import type { ItemTarget } from './expression-items';
import { memberItems } from './expression-members';
import { startItems } from './expression-roots';
import { completionSlot } from './expression-slot';

export function expressionCompletions(
  doc: FlowDocument,
  catalog: Catalog,
  context: ExpressionContext,
  registry: CallableRegistry,
): CompletionItem[] {
  if (context.delimiter === 'comment') return [];
  const slot = completionSlot(context.template, context.index, context.blockStart, context.delimiter);
  if (!slot) return [];
  const target: ItemTarget = {
    offsets: context.offsets,
    lines: doc.lines,
    start: slot.start,
    end: slot.end,
    keyQuote: context.site?.node.type === Scalar.QUOTE_SINGLE ? '"' : "'",
  };
  const analysis = analyseFlow(doc, catalog);
  const scope = analysis ? scopeFor(analysis, contextOf(analysis, context)) : undefined;
  switch (slot.kind) {
    case 'tag':
      return tagItems(target, slot.bindings.openTags);
    case 'start':
      return startItems(target, scope, slot.bindings, registry);
    case 'filter':
      return filterItems(target, registry);
    case 'test':
      return testItems(target, registry);
    case 'member':
    case 'key':
      if (!scope) return [];
      return memberItems(scope, catalog, slot.chain, slot.bindings, {
        target,
        dot: slot.dot,
        inKey: slot.kind === 'key',
      });
  }
}

function contextOf(analysis: FlowAnalysis, context: ExpressionContext): SiteContext {
  if (context.site) return siteContext(context.site, analysis.model, analysis.catalog);
  // YAML could not read the string (an open quote while typing): place it by its offset.
  const offset = context.offsets[context.index] ?? 0;
  const task = taskAtOffset(analysis.model.allTasks, offset);
  if (task) return { kind: 'task', task };
  const key = topLevelKey(analysis, offset);
  if (key === 'outputs') return { kind: 'flow-output' };
  if (key === 'variables') return { kind: 'variable' };
  if (key === 'inputs') return { kind: 'input' };
  if (key === 'triggers') {
    const trigger = analysis.model.triggers.find((t) => {
      const [start, end] = t.node.range ?? [0, 0];
      return start <= offset && offset <= end;
    });
    return { kind: 'trigger', trigger };
  }
  return { kind: 'unknown' };
}

function topLevelKey(analysis: FlowAnalysis, offset: number): string | undefined {
  let found: string | undefined;
  for (const [key, pair] of analysis.model.keys) {
    const start = (pair as Pair<{ range?: number[] }>).key?.range?.[0] ?? Infinity;
    if (start <= offset && (found === undefined || start > keyStart(analysis, found))) found = key;
  }
  return found;
}

function keyStart(analysis: FlowAnalysis, key: string): number {
  return (analysis.model.keys.get(key) as Pair<{ range?: number[] }> | undefined)?.key?.range?.[0] ?? -1;
}
