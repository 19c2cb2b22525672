// Finds every string in a flow that holds Pebble ({{ }}, {% %}, {# #}) and where it sits in the text.
import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node, type Scalar } from 'yaml';
import type { FlowModel, TaskModel } from './model';
import type { LineIndex, Range } from './range';
import { scalarOffsets } from './scalar-offsets';

export interface ExpressionSite {
  node: Scalar;
  /** The string as YAML reads it: what Pebble will see. */
  value: string;
  /** offsets[i] is the document offset of value[i]; offsets[value.length] is its end. */
  offsets: number[];
  range: Range;
  /** Property path from the flow root, e.g. ['tasks', 0, 'message']. */
  path: (string | number)[];
  /** True when the string is a mapping key (Kestra renders keys of dynamic maps too). */
  isKey: boolean;
  /** The innermost task the string belongs to, if any. */
  task?: TaskModel;
}

const PEBBLE_OPENERS = /\{[{%#]/;

export function containsPebble(value: string): boolean {
  return PEBBLE_OPENERS.test(value);
}

export function findExpressionSites(doc: Document, model: FlowModel, lines: LineIndex): ExpressionSite[] {
  const text = lines.text;
  const taskByNode = new Map<unknown, TaskModel>();
  for (const task of model.allTasks) taskByNode.set(task.node, task);
  const sites: ExpressionSite[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (typeof node.value !== 'string' || !containsPebble(node.value)) return;
      const propertyPath: (string | number)[] = [];
      let task: TaskModel | undefined;
      let isKey = false;
      for (let i = 0; i < path.length; i++) {
        const ancestor = path[i];
        const child = i + 1 < path.length ? path[i + 1] : node;
        if (isPair(ancestor) && isScalar(ancestor.key)) {
          if (ancestor.key === child) isKey = true;
          else propertyPath.push(String(ancestor.key.value));
        } else if (isSeq(ancestor)) {
          propertyPath.push(ancestor.items.indexOf(child as Node));
        }
        if (isMap(ancestor) && taskByNode.has(ancestor)) task = taskByNode.get(ancestor);
      }
      if (key === 'key') isKey = true;
      const value = node.value;
      const offsets = scalarOffsets(text, node, value);
      const [start, end] = node.range ?? [0, 0];
      sites.push({ node, value, offsets, range: lines.range(start, end), path: propertyPath, isKey, task });
    },
  });
  return sites;
}
