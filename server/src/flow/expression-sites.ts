// Finds every string in a flow that holds Pebble ({{ }}, {% %}, {# #}) and where it sits in the text.
import { isMap, isPair, isScalar, isSeq, type Document, type Scalar } from 'yaml';
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
  const taskByNode = new Map<unknown, TaskModel>();
  for (const task of model.allTasks) taskByNode.set(task.node, task);
  const finder = new SiteFinder(lines, taskByNode);
  finder.walk(doc.contents, null, undefined);
  return finder.sites;
}

/**
 * One depth-first walk in document order (as `yaml`'s `visit` would go), keeping the property path
 * on a stack: `visit` copies its ancestor list at every node, and the path was rebuilt from it for
 * every string, with an `indexOf` in the enclosing list (quadratic in the length of `tasks`).
 */
class SiteFinder {
  readonly sites: ExpressionSite[] = [];
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly lines: LineIndex,
    private readonly taskByNode: Map<unknown, TaskModel>,
  ) {}

  /** `key` is the node's place in its parent as `visit` names it: an index, 'key', 'value' or null. */
  walk(node: unknown, key: number | 'key' | 'value' | null, task: TaskModel | undefined): void {
    if (isScalar(node)) {
      if (typeof node.value === 'string' && containsPebble(node.value))
        this.site(node, node.value, task, key === 'key');
    } else if (isMap(node)) {
      const inner = this.taskByNode.get(node) ?? task;
      node.items.forEach((item, i) => this.walk(item, i, inner));
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        this.path.push(i);
        this.walk(item, i, task);
        this.path.pop();
      });
    } else if (isPair(node)) {
      // A string key is a key site; the value sits under the key's name. Other keys add no name.
      const name = isScalar(node.key) ? String(node.key.value) : undefined;
      this.walk(node.key, 'key', task);
      if (name !== undefined) this.path.push(name);
      this.walk(node.value, 'value', task);
      if (name !== undefined) this.path.pop();
    }
  }

  private site(node: Scalar, value: string, task: TaskModel | undefined, isKey: boolean): void {
    const offsets = scalarOffsets(this.lines.text, node, value);
    const [start, end] = node.range ?? [0, 0];
    this.sites.push({
      node,
      value,
      offsets,
      range: this.lines.range(start, end),
      path: [...this.path],
      isKey,
      task,
    });
  }
}
