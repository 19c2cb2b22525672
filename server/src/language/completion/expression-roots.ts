// At the start of an expression: names the template binds (loop variables, `loop`, `set` names, macro
// parameters), then Kestra's root variables that exist at this place, then functions and macros.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { ExpressionScope } from '../expressions/scope';
import { WORKING_DIRECTORY } from '../expressions/flowable-kinds';
import type { CallableRegistry } from '../expressions/known-callables';
import type { BindingsAt } from '../expressions/template-bindings';
import { CONTEXT_VARIABLES } from '../hover/context-variables';
import { functionItems, macroItems } from './expression-callables';
import { code, expressionItem, Kind, rank, type ItemTarget } from './expression-items';

const LOCAL_DETAIL = {
  'loop-variable': 'loop variable',
  loop: 'loop state',
  set: 'set in this template',
  'macro-parameter': 'macro parameter',
};

/** The root variables that exist where the string is rendered, most used first. */
export function rootNames(scope: ExpressionScope | undefined): string[] {
  if (!scope)
    return [
      'inputs',
      'outputs',
      'vars',
      'flow',
      'execution',
      'task',
      'taskrun',
      'trigger',
      'labels',
      'tasks',
      'envs',
      'globals',
    ];
  const { analysis, task } = scope;
  const roots: string[] = [];
  if (analysis.model.inputs.length) roots.push('inputs');
  if (scope.context.kind !== 'trigger' && scope.context.kind !== 'input') roots.push('outputs');
  if (analysis.model.variables.length) roots.push('vars');
  roots.push('flow', 'execution');
  if (task) roots.push('task', 'taskrun');
  if (task?.parent) roots.push('parent', 'parents');
  if (task && analysis.kinds.enclosing(task, WORKING_DIRECTORY)) roots.push('workerTaskrun');
  roots.push('trigger', 'labels');
  if (scope.context.kind !== 'trigger' && scope.context.kind !== 'input') roots.push('tasks');
  roots.push('envs', 'globals');
  return roots;
}

export function startItems(
  target: ItemTarget,
  scope: ExpressionScope | undefined,
  bindings: BindingsAt,
  registry: CallableRegistry,
): CompletionItem[] {
  const items: CompletionItem[] = bindings.locals.map((local, i) =>
    expressionItem(target, local.name, local.name, {
      kind: Kind.Variable,
      detail: LOCAL_DETAIL[local.kind],
      documentation: local.detail ? `Item of ${code(local.detail)}.` : undefined,
      sortText: rank(0, i),
    }),
  );
  if (!bindings.inMacro) {
    rootNames(scope).forEach((name, i) => {
      if (bindings.locals.some((l) => l.name === name)) return;
      items.push(
        expressionItem(target, name, name, {
          kind: Kind.Variable,
          detail: 'Kestra variable',
          documentation: CONTEXT_VARIABLES[name],
          sortText: rank(1, i),
        }),
      );
    });
  }
  items.push(...macroItems(target, bindings.macros, 2), ...functionItems(target, registry, 3));
  return items;
}
