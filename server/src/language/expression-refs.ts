// Reads the Pebble of every expression site and finds what it names: tasks (`outputs.X`, `tasks.X`,
// `outputs['X']`), inputs (`inputs.X`, dotted ids included) and variables (`vars.X`), with the exact
// document range of each name. Navigation, rename and hover share this.
import { childrenOf, parseTemplate, walk, type AstNode, type Expression, type TemplateNode } from '../expr';
import { siteMayContain, type ExpressionSite } from '../flow/expression-sites';
import type { FlowDocument } from '../flow/flow-document';

export type RefKind = 'task' | 'input' | 'variable';

export interface ExpressionRef {
  kind: RefKind;
  /** The name as written (`send_data`, or `a.b` for a dotted input id). */
  name: string;
  /** Document offsets of the name (inside the quotes for `outputs['x']`). */
  start: number;
  end: number;
  /** `.name` access (false: `['name']`); a rename to a non-identifier must switch to brackets. */
  dotted: boolean;
  /** Document offset of the `.` before a dotted name. */
  dotStart?: number;
  site: ExpressionSite;
  /** The whole access chain from the root variable, for hover (`outputs.send_data.body`). */
  chain: string[];
  /** Template offsets of each chain segment, parallel to `chain`. */
  chainSpans: [number, number][];
}

const ROOTS: Record<string, RefKind> = { outputs: 'task', tasks: 'task', inputs: 'input', vars: 'variable' };

export interface ParsedSite {
  site: ExpressionSite;
  ast: TemplateNode;
  /** Parent of every node, for walking up from a name. */
  parents: Map<AstNode, AstNode>;
}

/** A site's tree, parsed on first use; its parent map is built only when asked for. */
class LazyParsedSite implements ParsedSite {
  readonly ast: TemplateNode;
  private parentMap: Map<AstNode, AstNode> | undefined;

  constructor(readonly site: ExpressionSite) {
    this.ast = parseTemplate(site.value).ast;
  }

  get parents(): Map<AstNode, AstNode> {
    if (!this.parentMap) {
      const parents = new Map<AstNode, AstNode>();
      walk(this.ast, (node) => {
        for (const child of childrenOf(node)) parents.set(child, node);
      });
      this.parentMap = parents;
    }
    return this.parentMap;
  }
}

// Per site, not per document: hover and navigation parse only the sites they look at, so that a
// flow of thousands of expressions does not keep thousands of trees alive.
const parsedCache = new WeakMap<ExpressionSite, ParsedSite>();

export function parsedSite(site: ExpressionSite): ParsedSite {
  let parsed = parsedCache.get(site);
  if (!parsed) {
    parsed = new LazyParsedSite(site);
    parsedCache.set(site, parsed);
  }
  return parsed;
}

/** Whether document offset `offset` lies within the site's text (its end included). */
export function siteContains(site: ExpressionSite, offset: number): boolean {
  if (!siteMayContain(site, offset)) return false;
  const offsets = site.offsets;
  return offsets[0] <= offset && offset <= offsets[offsets.length - 1];
}

/**
 * References in `sites` (by default every site of the document) that `include` accepts, in text
 * order. `inputIds` lets `inputs.a.b` match the id `a.b`.
 */
export function expressionRefs(
  doc: FlowDocument,
  inputIds: Set<string>,
  include: (site: ExpressionSite) => boolean = () => true,
  sites: readonly ExpressionSite[] = doc.expressions,
): ExpressionRef[] {
  const refs: ExpressionRef[] = [];
  for (const site of sites) {
    if (!include(site)) continue;
    const parsed = parsedSite(site);
    walk(parsed.ast, (node) => {
      if (node.type !== 'Variable' || !Object.hasOwn(ROOTS, node.name)) return;
      const ref = refFrom(parsed, node, ROOTS[node.name], inputIds);
      if (ref) refs.push(ref);
    });
  }
  return refs.sort((a, b) => a.start - b.start);
}

interface Segment {
  name: string;
  /** Template span of the name itself. */
  span: [number, number];
  dotted: boolean;
  dot?: number;
}

/** Attribute segments after a root variable: `.a`, `['b']`, up to the first computed index or call. */
export function accessChain(parsed: ParsedSite, root: Expression): Segment[] {
  const segments: Segment[] = [];
  let current: AstNode = root;
  for (;;) {
    const parent = parsed.parents.get(current);
    if (parent?.type === 'MemberAccess' && parent.object === current && parent.property.name) {
      segments.push({
        name: parent.property.name,
        span: parent.property.span,
        dotted: true,
        dot: parent.property.span[0] - 1,
      });
      if (parent.args) break;
    } else if (
      parent?.type === 'IndexAccess' &&
      parent.object === current &&
      parent.index.type === 'Literal' &&
      parent.index.kind === 'string'
    ) {
      const [start, end] = parent.index.span;
      segments.push({ name: String(parent.index.value), span: [start + 1, end - 1], dotted: false });
    } else {
      break;
    }
    current = parent;
  }
  return segments;
}

function refFrom(
  parsed: ParsedSite,
  root: Expression,
  kind: RefKind,
  inputIds: Set<string>,
): ExpressionRef | undefined {
  const chain = accessChain(parsed, root);
  if (chain.length === 0) return undefined;
  let used = 1;
  if (kind === 'input') {
    // `inputs.a.b` names the input `a.b` when it is declared (dots nest input ids).
    for (let n = chain.length; n > 1; n--) {
      if (
        chain.slice(0, n).every((s) => s.dotted) &&
        inputIds.has(
          chain
            .slice(0, n)
            .map((s) => s.name)
            .join('.'),
        )
      ) {
        used = n;
        break;
      }
    }
  }
  const first = chain[0];
  const last = chain[used - 1];
  const offsets = parsed.site.offsets;
  const rootName = root.type === 'Variable' ? root.name : '';
  return {
    kind,
    name: chain
      .slice(0, used)
      .map((s) => s.name)
      .join('.'),
    start: offsets[first.span[0]],
    end: offsets[last.span[1] - 1] + 1,
    dotted: first.dotted,
    dotStart: first.dot !== undefined ? offsets[first.dot] : undefined,
    site: parsed.site,
    chain: [rootName, ...chain.map((s) => s.name)],
    chainSpans: [root.span, ...chain.map((s) => s.span)],
  };
}
