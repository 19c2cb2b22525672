// Everything the checks read from one template, gathered in a single walk: the names it binds
// (`for`, `set`, macro parameters), its macros, its function/filter/test calls, and the access chains
// from the roots the reference checks care about.
import type { ArgumentList, AstNode, Identifier, TemplateNode, Variable } from '../../expr/ast';
import { chainUp, type AccessChain } from './access-chain';
import { walkPaths } from './ast-paths';
import type { CallableKind } from './known-callables';

export interface Call {
  kind: CallableKind;
  name: Identifier;
  args: ArgumentList | null;
}

export interface RootUse {
  chain: AccessChain;
  /** The ancestors of the chain's outermost node, that node last (for guards). */
  path: AstNode[];
  /** Inside a macro body, where only the macro's parameters exist. */
  inMacro: boolean;
}

export interface TemplateFacts {
  /** Names bound anywhere in the template: shadowed roots are not checked (scoping is not worth the risk). */
  bound: Set<string>;
  macros: Set<string>;
  calls: Call[];
  roots: RootUse[];
}

export function templateFacts(ast: TemplateNode, rootNames: ReadonlySet<string>): TemplateFacts {
  const facts: TemplateFacts = { bound: new Set(), macros: new Set(), calls: [], roots: [] };
  walkPaths(ast, (node, ancestors) => {
    switch (node.type) {
      case 'For':
        facts.bound.add(node.variable.name).add('loop');
        break;
      case 'Set':
        facts.bound.add(node.name.name);
        break;
      case 'Macro':
        facts.macros.add(node.name.name);
        for (const param of node.params) facts.bound.add(param.name.name);
        break;
      case 'FunctionCall':
        facts.calls.push({ kind: 'function', name: node.callee, args: node.args });
        break;
      case 'FilterApplication':
      case 'FilterCall':
        facts.calls.push({ kind: 'filter', name: node.name, args: node.args });
        break;
      case 'TestApplication':
        facts.calls.push({ kind: 'test', name: node.name, args: node.args });
        break;
      case 'Variable':
        if (rootNames.has(node.name)) facts.roots.push(rootUse(node, ancestors));
        break;
    }
  });
  return facts;
}

function rootUse(root: Variable, ancestors: readonly AstNode[]): RootUse {
  const chain = chainUp(root, ancestors);
  const at = ancestors.indexOf(chain.top);
  const path = at >= 0 ? ancestors.slice(0, at + 1) : [...ancestors, root];
  return { chain, path, inMacro: ancestors.some((a) => a.type === 'Macro') };
}
