// Generic traversal of the syntax tree, and `nodeAt` for tools that need the node under a cursor.
import type { AstNode, Span } from './ast';

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && 'type' in value && 'span' in value;
}

/** The direct children of a node, in source order. */
export function childrenOf(node: AstNode): AstNode[] {
  const children: AstNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'span' || key === 'operatorSpan') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) children.push(item);
    } else if (isNode(value)) {
      children.push(value);
    }
  }
  return children.sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1]);
}

/** Calls `visit` for every node in source order, parents before children (iterative: trees can be deep). */
export function walk(root: AstNode, visit: (node: AstNode) => void): void {
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AstNode;
    visit(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}

function contains(span: Span, offset: number): boolean {
  return span[0] <= offset && offset <= span[1];
}

/**
 * The path from `root` to the innermost node at `offset` (inclusive of node ends, so a cursor right
 * after `inputs.` is inside the member access and its empty property name). When two siblings touch
 * at `offset`, the one starting there wins unless it is empty-named and the other ends there.
 */
export function nodeAt(root: AstNode, offset: number): AstNode[] {
  const path: AstNode[] = [];
  if (!contains(root.span, offset)) return path;
  let current: AstNode | undefined = root;
  while (current) {
    path.push(current);
    const candidates: AstNode[] = childrenOf(current).filter((child) => contains(child.span, offset));
    const inside = candidates.find((child) => child.span[0] < offset && offset < child.span[1]);
    current =
      inside ?? candidates.find((child) => child.span[0] === offset) ?? candidates[candidates.length - 1];
  }
  return path;
}
