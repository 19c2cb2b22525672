// Walks a Pebble tree with the path of ancestors of each node (iteratively: templates can nest deep).
import type { AstNode } from '../../expr/ast';
import { childrenOf } from '../../expr/ast-walk';

/** Calls `visit(node, ancestors)` for every node, parents first; `ancestors` starts at the root. */
export function walkPaths(root: AstNode, visit: (node: AstNode, ancestors: readonly AstNode[]) => void): void {
  const path: AstNode[] = [];
  const stack: { node: AstNode; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: AstNode; depth: number };
    path.length = depth;
    visit(node, path);
    path.push(node);
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: depth + 1 });
  }
}
