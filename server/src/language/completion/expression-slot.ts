// What the cursor is completing inside `{{ }}` / `{% %}`: a tag name, a root or function name, an
// attribute after `.`, a key inside `['`, a filter after `|`, a test after `is`. The template is parsed
// up to the cursor only, so the node being typed is the last one and every block around it is open.
import type { AstNode } from '../../expr/ast';
import { parseTemplate } from '../../expr/parser';
import { chainDown, type AccessChain } from '../expressions/access-chain';
import { walkPaths } from '../expressions/ast-paths';
import { bindingsAt, type BindingsAt } from '../expressions/template-bindings';

export type SlotKind = 'tag' | 'start' | 'member' | 'key' | 'filter' | 'test';

export interface CompletionSlot {
  kind: SlotKind;
  /** `member`/`key`: the chain left of the `.` or `[` (undefined when it is not a plain chain). */
  chain?: AccessChain;
  /** Template indices of the text a chosen item replaces (the word around the cursor). */
  start: number;
  end: number;
  /** `member`: index of the `.` before the word (a bracketed item replaces it too). */
  dot?: number;
  /** `key`: the quote that opened the string. */
  quote?: string;
  bindings: BindingsAt;
}

const WORD = /[\p{L}\p{Nd}_]/u;

export function completionSlot(
  template: string,
  index: number,
  blockStart: number,
  delimiter: 'print' | 'tag',
): CompletionSlot | undefined {
  let start = index;
  while (start > 0 && WORD.test(template[start - 1])) start--;
  let end = index;
  while (end < template.length && WORD.test(template[end])) end++;
  const prefix = template.slice(0, index);
  const { ast } = parseTemplate(prefix);
  const bindings = bindingsAt(prefix, ast);
  if (delimiter === 'tag' && /^-?\s*$/.test(template.slice(blockStart, start))) {
    return { kind: 'tag', start, end, bindings };
  }
  const { node, parent } = deepestAt(ast, index);
  const base = { start, end, bindings };
  if (!node) return undefined;
  switch (node.type) {
    case 'Identifier':
      return identifierSlot(node, parent, template, base);
    case 'Variable':
    case 'Missing':
    case 'ArgumentList':
      return { kind: 'start', ...base };
    case 'Literal':
      return keySlot(node, parent, prefix, { ...base, start: node.span[0] + 1 });
    default:
      return inTagHeader(node, prefix) ? { kind: 'start', ...base } : undefined;
  }
}

function identifierSlot(
  node: Extract<AstNode, { type: 'Identifier' }>,
  parent: AstNode | undefined,
  template: string,
  base: Pick<CompletionSlot, 'start' | 'end' | 'bindings'>,
): CompletionSlot | undefined {
  if (!parent) return undefined;
  if (parent.type === 'MemberAccess' && parent.property === node) {
    const dot = template[base.start - 1] === '.' ? base.start - 1 : undefined;
    return { kind: 'member', chain: chainDown(parent.object), dot, ...base };
  }
  if ((parent.type === 'FilterApplication' || parent.type === 'FilterCall') && parent.name === node) {
    return { kind: 'filter', ...base };
  }
  if (parent.type === 'TestApplication' && parent.name === node) return { kind: 'test', ...base };
  if (parent.type === 'FunctionCall' && parent.callee === node) return { kind: 'start', ...base };
  return undefined;
}

/**
 * The deepest node whose span holds `index`, and its parent. Walked over the whole tree rather than
 * down through spans: a partial node may reach past its parent's span (an `if` branch ends before the
 * gap its unfinished condition covers).
 */
function deepestAt(ast: AstNode, index: number): { node?: AstNode; parent?: AstNode } {
  let best: { node?: AstNode; parent?: AstNode; depth: number } = { depth: -1 };
  walkPaths(ast, (node, ancestors) => {
    const [start, end] = node.span;
    if (start > index || index > end) return;
    const depth = ancestors.length;
    if (depth > best.depth || (depth === best.depth && start >= (best.node?.span[0] ?? -1))) {
      best = { node, parent: ancestors[ancestors.length - 1], depth };
    }
  });
  return best;
}

/** Inside the quotes of `x['…`: the chain left of the bracket names what the key is. */
function keySlot(
  node: Extract<AstNode, { type: 'Literal' }>,
  parent: AstNode | undefined,
  prefix: string,
  base: Pick<CompletionSlot, 'start' | 'end' | 'bindings'>,
): CompletionSlot | undefined {
  if (node.kind !== 'string' || parent?.type !== 'IndexAccess' || parent.index !== node) return undefined;
  const written = prefix.slice(node.span[0]);
  const quote = written[0];
  const closed = written.length >= 2 && written.endsWith(quote) && !written.endsWith(`\\${quote}`);
  if ((quote !== "'" && quote !== '"') || closed) return undefined;
  return { kind: 'key', chain: chainDown(parent.object), quote, ...base };
}

/** `{% if |`, `{% for x in |`, `{% set x = |`: the block node itself, its expression not begun. */
function inTagHeader(node: AstNode, prefix: string): boolean {
  if (node.type !== 'If' && node.type !== 'For' && node.type !== 'Set') return false;
  return !prefix.slice(node.span[0]).includes('%}');
}
