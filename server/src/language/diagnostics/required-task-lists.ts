// Task lists Kestra declares @NotEmpty: the flow's `tasks`, each listener's `tasks`, and the child
// lists of Parallel, If (`then`), Dag, WaitFor and WorkingDirectory. Missing, null and `[]` all fail
// with `must not be empty`; we say which list and where.
import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { LineIndex } from '../../flow/range';
import {
  diagnostic,
  getPair,
  getValueNode,
  isEmptyValue,
  isTaskOfType,
  keyRange,
  taskAnchor,
  type FlowRule,
} from './rule-context';

const REQUIRED_LISTS: [type: string, key: string][] = [
  ['io.kestra.plugin.core.flow.Parallel', 'tasks'],
  ['io.kestra.plugin.core.flow.If', 'then'],
  ['io.kestra.plugin.core.flow.Dag', 'tasks'],
  ['io.kestra.plugin.core.flow.WaitFor', 'tasks'],
  ['io.kestra.plugin.core.flow.WorkingDirectory', 'tasks'],
];

/**
 * True for the task lists this rule reports (missing, null or empty), so that schema validation
 * leaves them alone. `ownerType` is a canonical plugin type or `flow`; `path` is relative to it.
 */
export function isRequiredTaskList(ownerType: string, path: (string | number)[]): boolean {
  if (ownerType === 'flow') {
    return (
      (path.length === 1 && path[0] === 'tasks') ||
      (path.length === 3 && path[0] === 'listeners' && path[2] === 'tasks')
    );
  }
  return path.length === 1 && REQUIRED_LISTS.some(([type, key]) => type === ownerType && key === path[0]);
}

function checkList(
  lines: LineIndex,
  map: YAMLMap,
  key: string,
  anchor: () => ReturnType<typeof taskAnchor>,
  owner: string,
): FlowDiagnostic | undefined {
  const pair = getPair(map, key);
  if (!isEmptyValue(getValueNode(map, key))) return undefined;
  const range = (pair && keyRange(lines, pair)) ?? anchor();
  const message = pair
    ? `The \`${key}\` list of ${owner} must not be empty: add at least one task.`
    : `${owner[0].toUpperCase()}${owner.slice(1)} needs a \`${key}\` list with at least one task.`;
  return diagnostic(range, 'error', 'empty-task-list', message);
}

export const requiredTaskLists: FlowRule = ({ model, catalog, lines }) => {
  const found: (FlowDiagnostic | undefined)[] = [];
  const root = model.root;
  const rootAnchor = () => model.id?.range ?? model.namespace?.range ?? lines.range(0, 0);
  found.push(checkList(lines, root, 'tasks', rootAnchor, 'the flow'));
  const listeners = getValueNode(root, 'listeners');
  if (isSeq(listeners)) {
    for (const listener of listeners.items) {
      if (!isMap(listener)) continue;
      const anchor = () => keyRange(lines, listener.items[0]) ?? rootAnchor();
      found.push(checkList(lines, listener, 'tasks', anchor, 'a listener'));
    }
  }
  for (const task of model.allTasks) {
    for (const [type, key] of REQUIRED_LISTS) {
      if (!isTaskOfType(catalog, task, type)) continue;
      const name = type.slice(type.lastIndexOf('.') + 1);
      found.push(
        checkList(lines, task.node, key, () => taskAnchor(lines, task), `${name} '${task.id?.value ?? ''}'`),
      );
    }
  }
  return found.filter((d): d is FlowDiagnostic => d !== undefined);
};
