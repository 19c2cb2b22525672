// Walks a Pebble tree with the path of ancestors of each node (iteratively: templates can nest deep).
// Children are visited in field order, not sorted by position: callers that report sort their results.
import type { AstNode } from '../../expr/ast';

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && 'type' in value && 'span' in value;
}

function pushChildren(node: AstNode, depth: number, stack: { node: AstNode; depth: number }[]): void {
  for (const key in node) {
    if (key === 'span' || key === 'operatorSpan' || key === 'type') continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (isNode(value[i])) stack.push({ node: value[i], depth });
    } else if (isNode(value)) {
      stack.push({ node: value, depth });
    }
  }
}

/** Calls `visit(node, ancestors)` for every node, parents first; `ancestors` starts at the root. */
export function walkPaths(
  root: AstNode,
  visit: (node: AstNode, ancestors: readonly AstNode[]) => void,
): void {
  const path: AstNode[] = [];
  const stack: { node: AstNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: AstNode; depth: number };
    path.length = depth;
    visit(node, path);
    path.push(node);
    pushChildren(node, depth + 1, stack);
  }
}
