// Labels starting with `system.` are reserved to Kestra (FlowValidator, NoSystemLabelValidator):
// a flow may only set `system.readOnly`; triggers, SLAs, Subflow/ForEachItem and Labels tasks none.
import { isMap, isSeq, type Node } from 'yaml';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { LineIndex } from '../../flow/range';
import {
  diagnostic,
  getValueNode,
  isTaskOfType,
  nodeRange,
  scalarString,
  type FlowRule,
} from './rule-context';

const LABELLED_TASKS = [
  'io.kestra.plugin.core.flow.Subflow',
  'io.kestra.plugin.core.flow.ForEachItem',
  'io.kestra.plugin.core.execution.Labels',
];

/** Each label as its key node and value text, in map form (`k: v`) or list form (`- key: k`). */
function labelEntries(labels: Node | null | undefined): { keyNode: Node; key: string; value: string }[] {
  if (isMap(labels)) {
    return labels.items.flatMap((pair) => {
      const key = scalarString(pair.key as Node);
      return key === undefined
        ? []
        : [{ keyNode: pair.key as Node, key, value: scalarString(pair.value as Node) ?? '' }];
    });
  }
  if (isSeq(labels)) {
    return labels.items.flatMap((item) => {
      if (!isMap(item)) return [];
      const keyNode = getValueNode(item, 'key');
      const key = scalarString(keyNode);
      return key === undefined || !keyNode
        ? []
        : [{ keyNode, key, value: scalarString(getValueNode(item, 'value')) ?? '' }];
    });
  }
  return [];
}

function check(lines: LineIndex, labels: Node | null | undefined, allowReadOnly: boolean): FlowDiagnostic[] {
  return labelEntries(labels)
    .filter(({ key }) => key.startsWith('system.') && !(allowReadOnly && key === 'system.readOnly'))
    .flatMap(({ keyNode, key, value }) => {
      const range = nodeRange(lines, keyNode);
      return range
        ? [
            diagnostic(
              range,
              'error',
              'system-label',
              `System labels can only be set by Kestra itself, offending label: ${key}=${value}. Rename the label without the \`system.\` prefix.`,
            ),
          ]
        : [];
    });
}

export const systemLabels: FlowRule = ({ model, catalog, lines }) => {
  const found = check(lines, getValueNode(model.root, 'labels'), true);
  for (const trigger of model.triggers)
    found.push(...check(lines, getValueNode(trigger.node, 'labels'), false));
  const sla = getValueNode(model.root, 'sla');
  if (isSeq(sla)) {
    for (const item of sla.items)
      if (isMap(item)) found.push(...check(lines, getValueNode(item, 'labels'), false));
  }
  for (const task of model.allTasks) {
    if (LABELLED_TASKS.some((type) => isTaskOfType(catalog, task, type))) {
      found.push(...check(lines, getValueNode(task.node, 'labels'), false));
    }
  }
  return found;
};
