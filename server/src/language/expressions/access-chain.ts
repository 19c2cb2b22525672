// Access chains from a root variable: `outputs.send_data['body']`, `outputs.t[taskrun.value].value`.
// Diagnostics read them bottom-up from a root found in the tree; completion reads them top-down from
// the object left of the `.` being typed.
import type { AstNode, Expression, Span, Variable } from '../../expr/ast';

export type Segment =
  /** `.name` (dotted) or `['name']`: `span` is the name itself (inside the quotes). */
  | { kind: 'name'; name: string; span: Span; dotted: boolean }
  /** `[expression]` with anything but a string literal inside. */
  | { kind: 'computed'; span: Span };

export interface AccessChain {
  root: Variable;
  segments: Segment[];
  /** The outermost access node of the chain (the root itself when there is no segment). */
  top: Expression;
}

function segmentOf(node: AstNode, object: AstNode): Segment | undefined {
  if (node.type === 'MemberAccess' && node.object === object) {
    // `a.b(…)` calls a Java method of `a`: `b` is not an attribute.
    if (node.args || node.property.name === '') return undefined;
    return { kind: 'name', name: node.property.name, span: node.property.span, dotted: true };
  }
  if (node.type === 'IndexAccess' && node.object === object) {
    const index = node.index;
    if (index.type === 'Literal' && index.kind === 'string') {
      return {
        kind: 'name',
        name: String(index.value),
        span: [index.span[0] + 1, index.span[1] - 1],
        dotted: false,
      };
    }
    return { kind: 'computed', span: index.span };
  }
  return undefined;
}

/** The chain that starts at `root`; `parents` is the path from the template to `root` (as `walkPaths` gives it). */
export function chainUp(root: Variable, parents: readonly AstNode[]): AccessChain {
  const segments: Segment[] = [];
  let current: Expression = root;
  for (let i = parents.length - 1; i >= 0; i--) {
    const segment = segmentOf(parents[i], current);
    if (!segment) break;
    segments.push(segment);
    current = parents[i] as Expression;
  }
  return { root, segments, top: current };
}

/** The chain `expression` is made of, when it is a plain access chain from a variable. */
export function chainDown(expression: Expression): AccessChain | undefined {
  const segments: Segment[] = [];
  let current: Expression = expression;
  while (current.type === 'MemberAccess' || current.type === 'IndexAccess') {
    const segment = segmentOf(current, current.object);
    if (!segment) return undefined;
    segments.unshift(segment);
    current = current.object;
  }
  return current.type === 'Variable' ? { root: current, segments, top: expression } : undefined;
}

/** The leading named segments, joined by dots (`inputs.a.b` → `a.b`), up to the first computed one. */
export function namedPrefix(segments: Segment[]): string[] {
  const names: string[] = [];
  for (const segment of segments) {
    if (segment.kind !== 'name') break;
    names.push(segment.name);
  }
  return names;
}
