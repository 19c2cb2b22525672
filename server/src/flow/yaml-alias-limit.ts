// Aliases let a few lines of YAML stand for an exponential tree ("billion laughs", `&a [*a, *a]`).
// Everything that turns nodes into values (schema validation, the engine) follows aliases, so a
// document whose aliases expand too far, or into themselves, is refused before anything expands it.
import { isAlias, isMap, isPair, isSeq, visit, type Alias, type Document, type Node } from 'yaml';
import type { FlowDiagnostic } from './diagnostic';
import type { LineIndex } from './range';

/** Nodes that aliases may add to a document; real flows add a few hundred at most. */
export const MAX_ALIAS_EXPANSION = 100_000;

/** Counts the nodes of a subtree with its aliases expanded, memoised per node (linear time). */
class ExpansionCounter {
  private readonly sizes = new Map<Node, number>();
  private readonly open = new Set<Node>();
  /** The first alias that refers to a node containing it. */
  cycle: Alias | undefined;

  constructor(private readonly doc: Document.Parsed) {}

  size(node: unknown): number {
    if (!node || typeof node !== 'object') return 1;
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) return 1;
      if (this.open.has(target)) {
        this.cycle ??= node;
        return 1;
      }
      return this.size(target);
    }
    const known = this.sizes.get(node as Node);
    if (known !== undefined) return known;
    let total = 1;
    this.open.add(node as Node);
    if (isMap(node)) {
      for (const pair of node.items) if (isPair(pair)) total += this.size(pair.key) + this.size(pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) total += this.size(item);
    }
    this.open.delete(node as Node);
    this.sizes.set(node as Node, total);
    return total;
  }
}

/** One error at the alias where expansion goes too far (or loops); none for ordinary documents. */
export function aliasExpansionProblems(doc: Document.Parsed, lines: LineIndex): FlowDiagnostic[] {
  // Most flows hold no alias at all: skip the walk unless the text has `*name` somewhere.
  if (!/(^|[\s[{,:-])\*[^\s,\]}]/.test(lines.text)) return [];
  const counter = new ExpansionCounter(doc);
  let added = 0;
  let culprit: Alias | undefined;
  visit(doc, {
    Alias(_key, node) {
      const target = node.resolve(doc);
      if (target) added += counter.size(target);
      if (counter.cycle || added > MAX_ALIAS_EXPANSION) {
        culprit = counter.cycle ?? node;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (!culprit) return [];
  const range = culprit.range ? lines.range(culprit.range[0], culprit.range[1]) : lines.range(0, 0);
  const name = `*${culprit.source}`;
  const message = counter.cycle
    ? `This YAML cannot be read: the alias \`${name}\` refers to a node that contains it, so it never ends. Remove the alias or point it at another anchor.`
    : `This YAML cannot be read: its aliases expand to more than ${MAX_ALIAS_EXPANSION} values (an alias bomb?), passing the limit at \`${name}\`. Write the values out instead of aliasing them.`;
  return [{ range, severity: 'error', code: 'yaml-syntax', message }];
}
