// Constructs that tolerate an undefined value (reference §5.8): the left of `??`/`???`, the input of
// `default`, the input of a test that accepts undefined (`is defined`). A reference written there
// says "this may not exist" on purpose, so the checks stay silent about it.
import type { AstNode } from '../../expr/ast';
import type { CallableRegistry } from './known-callables';

/** True when the node at the end of `path` (the template first) is evaluated under a guard. */
export function isGuarded(path: readonly AstNode[], registry: CallableRegistry): boolean {
  for (let i = path.length - 2; i >= 0; i--) {
    const parent = path[i];
    const child = path[i + 1];
    if (parent.type === 'BinaryExpression' && (parent.operator === '??' || parent.operator === '???')) {
      if (parent.left === child) return true;
    } else if (parent.type === 'FilterApplication' && parent.input === child) {
      if (parent.name.name === 'default' || registry.filters.get(parent.name.name)?.acceptsUndefined)
        return true;
    } else if (parent.type === 'TestApplication' && parent.input === child) {
      if (parent.name.name === 'defined' || registry.tests.get(parent.name.name)?.acceptsUndefined)
        return true;
    }
  }
  return false;
}
