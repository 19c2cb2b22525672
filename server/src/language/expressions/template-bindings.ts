// Names a template binds itself: `{% for x in … %}` (with `loop`), `{% set x = … %}`, macro names and
// macro parameters. Completion offers them; diagnostics never report a root they shadow.
import type { AstNode, ForNode, MacroNode, Statement, TemplateNode } from '../../expr/ast';
import { walk } from '../../expr/ast-walk';

export interface LocalName {
  name: string;
  kind: 'loop-variable' | 'loop' | 'set' | 'macro-parameter';
  /** For a loop variable: the source of the iterable, e.g. `inputs.items`. */
  detail?: string;
}

export interface BindingsAt {
  locals: LocalName[];
  macros: MacroNode[];
  /** Inside a macro body: only its parameters (and macros) are visible (reference §5.3). */
  inMacro: boolean;
  /** Tags opened before the cursor and not closed yet, innermost last (`for`, `if`, `macro`…). */
  openTags: string[];
}

const TAG_OF: Partial<Record<Statement['type'], string>> = {
  If: 'if',
  For: 'for',
  Macro: 'macro',
  FilterBlock: 'filter',
  Block: 'block',
};

/**
 * What is bound at the end of `prefix` (the template up to the cursor, parsed on its own so that
 * every block around the cursor is an unclosed node).
 */
export function bindingsAt(prefix: string, ast: TemplateNode): BindingsAt {
  const result: BindingsAt = { locals: [], macros: [], inMacro: false, openTags: [] };
  const index = prefix.length;
  walk(ast, (node: AstNode) => {
    if (
      node.type === 'Set' &&
      node.span[1] <= index &&
      prefix.slice(node.span[0], node.span[1]).endsWith('%}')
    ) {
      result.locals.push({ name: node.name.name, kind: 'set' });
    } else if (node.type === 'Macro') {
      if (node.name.name) result.macros.push(node);
    }
    const tag = TAG_OF[node.type as Statement['type']];
    if (!tag || !isOpen(prefix, node, tag)) return;
    result.openTags.push(tag);
    if (node.type === 'For' && inBody(prefix, node)) {
      result.locals.push(
        { name: node.variable.name, kind: 'loop-variable', detail: source(prefix, node) },
        { name: 'loop', kind: 'loop' },
      );
    } else if (node.type === 'Macro' && inBody(prefix, node)) {
      result.inMacro = true;
      result.locals = result.locals.filter((l) => l.kind === 'macro-parameter');
      for (const param of node.params) result.locals.push({ name: param.name.name, kind: 'macro-parameter' });
    }
  });
  result.locals = result.locals.filter((l) => l.name !== '');
  return result;
}

/** A block node of the prefix whose end tag has not been written yet. */
function isOpen(prefix: string, node: AstNode, tag: string): boolean {
  const text = prefix.slice(node.span[0], node.span[1]);
  return !new RegExp(`\\{%-?\\s*end${tag}\\b[^%]*-?%\\}$`).test(text) || node.span[1] > prefix.length;
}

/** The cursor is past the opening tag (`{% for x in xs %}|`), not in its header. */
function inBody(prefix: string, node: ForNode | MacroNode): boolean {
  const close = prefix.indexOf('%}', node.span[0]);
  return close >= 0 && close + 2 <= prefix.length;
}

function source(prefix: string, node: ForNode): string | undefined {
  const [start, end] = node.iterable.span;
  return node.iterable.type === 'Missing' ? undefined : prefix.slice(start, end);
}
