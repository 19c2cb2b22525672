// `outputs.` / `tasks.`: the tasks that can have run before this one; `outputs.<id>.`: the outputs of
// the task's type, or, under ForEach, the hint that they are keyed by iteration value first.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { TaskModel } from '../../flow/model';
import type { Segment } from '../expressions/access-chain';
import { outputsOf, outputValueKeys } from '../expressions/flow-analysis';
import type { ExpressionScope } from '../expressions/scope';
import {
  bracketed,
  code,
  expressionItem,
  isIdentifier,
  Kind,
  rank,
  shortType,
  type ItemTarget,
} from './expression-items';

/** Where a member item goes: after a `.` (dot index known) or inside `['…']` (raw key). */
export interface MemberPlace {
  target: ItemTarget;
  dot?: number;
  inKey: boolean;
}

/** An item for a name: `name` after a dot, `['name']` (replacing the dot) when it is not an identifier. */
export function nameItem(
  place: MemberPlace,
  name: string,
  options: Parameters<typeof expressionItem>[3],
): CompletionItem {
  if (place.inKey || isIdentifier(name) || place.dot === undefined) {
    return expressionItem(place.target, name, name, options);
  }
  return expressionItem(place.target, name, bracketed(name, place.target.keyQuote), {
    ...options,
    from: place.dot,
  });
}

export function taskIdItems(
  scope: ExpressionScope,
  place: MemberPlace,
  root: 'outputs' | 'tasks',
): CompletionItem[] {
  const { analysis } = scope;
  // Nearest first: the task just before is the one most often read.
  const tasks = [...scope.tasks].sort((a, b) => b.order - a.order);
  const items = tasks.map((task, i) => {
    const id = task.id?.value ?? '';
    return nameItem(place, id, {
      kind: Kind.Module,
      detail: task.type?.value,
      documentation:
        root === 'outputs' ? outputsDoc(scope, task) : `State of ${code(id)}: ${code(`tasks.${id}.state`)}.`,
      sortText: rank(0, i),
    });
  });
  if (root === 'outputs') {
    for (const hidden of analysis.hidden.values()) {
      if (!tasks.includes(hidden.owner)) continue;
      items.push(
        nameItem(place, hidden.id, {
          kind: Kind.Module,
          detail: `created by ForEachItem ${hidden.owner.id?.value}`,
          documentation: `Outputs: ${hidden.outputs.map((o) => code(o.name)).join(', ')}.`,
          sortText: rank(1, items.length),
        }),
      );
    }
  }
  return items;
}

function outputsDoc(scope: ExpressionScope, task: TaskModel): string {
  const id = task.id?.value ?? '';
  const known = outputsOf(scope.analysis, id);
  const parts: string[] = [];
  if (known) {
    parts.push(
      known.outputs.length
        ? `Outputs of ${code(id)} (${shortType(known.typeName)}): ${known.outputs.map((o) => code(o.name)).join(', ')}.`
        : `A ${shortType(known.typeName)} task has no outputs.`,
    );
  }
  if (scope.analysis.kinds.iterationLevels(task) > 0) parts.push(keyedDoc(id));
  return parts.join('\n\n');
}

function keyedDoc(id: string): string {
  return `${code(id)} runs inside a ForEach: its outputs are keyed by iteration value first, e.g. ${code(`outputs.${id}['value'].output`)}; in the same iteration use ${code(`outputs.${id}[taskrun.value]`)} or ${code(`currentEachOutput(outputs.${id})`)}.`;
}

/** After `outputs.<id>`: iteration keys, then the outputs of the type, then OutputValues keys. */
export function outputMemberItems(
  scope: ExpressionScope,
  place: MemberPlace,
  segments: Segment[],
): CompletionItem[] {
  const first = segments[0];
  if (first.kind !== 'name') return [];
  const { analysis } = scope;
  const id = first.name;
  const hidden = analysis.hidden.get(id);
  const task = hidden?.owner ?? analysis.tasksById.get(id)?.[0];
  if (!task) return [];
  const levels = analysis.kinds.iterationLevels(task);
  const keys = segments.length - 1;
  if (keys < levels) return place.inKey ? [] : keyedItems(scope, place, id);
  const known = outputsOf(analysis, id);
  if (!known) return [];
  if (keys === levels) {
    return known.outputs.map((output, i) =>
      nameItem(place, output.name, {
        kind: Kind.Field,
        detail: output.type,
        documentation: output.description,
        sortText: rank(0, i),
      }),
    );
  }
  const output = segments[levels + 1];
  if (keys === levels + 1 && output.kind === 'name' && output.name === 'values' && !hidden) {
    return outputValueKeys(task).map((key, i) =>
      nameItem(place, key, { kind: Kind.Field, detail: `value of ${id}`, sortText: rank(0, i) }),
    );
  }
  return [];
}

/** The ways to pick an iteration of a task under ForEach. */
function keyedItems(scope: ExpressionScope, place: MemberPlace, id: string): CompletionItem[] {
  if (place.dot === undefined) return [];
  const { target } = place;
  const quote = target.keyQuote;
  const items: CompletionItem[] = [];
  if (scope.taskrunValue || scope.parentValue) {
    const current = scope.taskrunValue ? 'taskrun.value' : 'parent.taskrun.value';
    items.push(
      expressionItem(target, `[${current}]`, `[${current}]`, {
        kind: Kind.Snippet,
        detail: 'outputs of the current iteration',
        documentation: keyedDoc(id),
        from: place.dot,
        sortText: rank(0, 0),
      }),
    );
  }
  items.push(
    expressionItem(target, `[${quote}value${quote}]`, `[${quote}\${1:value}${quote}]`, {
      kind: Kind.Snippet,
      detail: 'outputs of one iteration value',
      documentation: keyedDoc(id),
      snippet: true,
      from: place.dot,
      sortText: rank(0, 1),
    }),
  );
  return items;
}
