// Builds the flow model from a parsed YAML document: tasks at every depth, inputs, triggers, variables.
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type {
  FlowModel,
  FlowOutputModel,
  InputModel,
  Located,
  NamedEntry,
  TaskModel,
  TaskSlot,
  TriggerModel,
} from './model';
import type { LineIndex, Range } from './range';
import { getValueNode, keyString } from './yaml-nodes';

/** Keys of a task that hold lists of child tasks, in every core flowable (and in most plugins). */
const LIST_SLOTS: TaskSlot[] = ['tasks', 'errors', 'then', 'else', 'finally', 'afterExecution'];

/** The keys the model reads from a task mapping. */
type TaskKey = 'id' | 'type' | 'task' | 'cases' | 'defaults' | (typeof LIST_SLOTS)[number];
const TASK_KEYS = new Set<string>(['id', 'type', 'task', 'cases', 'defaults', ...LIST_SLOTS]);

/** Their values (the first pair of each key wins, as in getValueNode), and whether `type` is there. */
type TaskKeys = Partial<Record<TaskKey, Node | null>> & { hasType: boolean };

/** One pass over a task's pairs (a lookup per key read each pair again, some ten times per task). */
function readTaskKeys(map: YAMLMap): TaskKeys {
  const keys: TaskKeys = { hasType: false };
  for (const item of map.items) {
    if (!isPair(item) || !isScalar(item.key)) continue;
    const key = item.key.value;
    if (
      typeof key !== 'string' ||
      !TASK_KEYS.has(key) ||
      (keys as Record<string, unknown>)[key] !== undefined
    )
      continue;
    (keys as Record<string, unknown>)[key] = item.value ?? null;
    if (key === 'type') keys.hasType = true;
  }
  return keys;
}

/**
 * `previous`, the model of an earlier version of the document, lends its top-level tasks whose YAML
 * node is the very same object: after an edit re-parsed alone (yaml-incremental.ts) the items before
 * it are shared, and so are their text, offsets and lines. Their models (and those of their children)
 * are then taken as they are, not built again.
 */
export function buildFlowModel(root: YAMLMap, lines: LineIndex, previous?: FlowModel): FlowModel {
  const builder = new ModelBuilder(lines, previous);
  return builder.build(root);
}

class ModelBuilder {
  private readonly allTasks: TaskModel[] = [];
  /** Top-level task models of the previous version, by their list item. */
  private readonly reusable?: Map<YAMLMap, TaskModel>;

  constructor(
    private readonly lines: LineIndex,
    previous: FlowModel | undefined,
  ) {
    if (!previous) return;
    this.reusable = new Map();
    for (const task of [...previous.tasks, ...previous.errors])
      this.reusable.set(task.dagItem ?? task.node, task);
  }

  /** A previous top-level task model for this list item, with every model under it. */
  private reused(item: YAMLMap, slot: TaskSlot, depth: number): TaskModel | undefined {
    if (depth > 0 || !this.reusable) return undefined;
    const task = this.reusable.get(item);
    if (!task || task.slot !== slot) return undefined;
    this.collect(task);
    return task;
  }

  private collect(task: TaskModel): void {
    this.allTasks.push(task);
    for (const child of task.children) this.collect(child);
  }

  build(root: YAMLMap): FlowModel {
    const keys = new Map<string, Pair>();
    for (const item of root.items) {
      const key = keyString(item as Pair);
      if (key !== undefined && !keys.has(key)) keys.set(key, item as Pair);
    }
    const tasks = this.taskList(getValueNode(root, 'tasks'), 'tasks', undefined, 0);
    const errors = [
      ...this.taskList(getValueNode(root, 'errors'), 'errors', undefined, 0),
      ...this.taskList(getValueNode(root, 'finally'), 'finally', undefined, 0),
      ...this.taskList(getValueNode(root, 'afterExecution'), 'afterExecution', undefined, 0),
    ];
    // Deprecated listeners carry their own task lists; their ids share the flow's id space.
    const listeners = getValueNode(root, 'listeners');
    if (isSeq(listeners)) {
      for (const listener of listeners.items) {
        if (isMap(listener)) this.taskList(getValueNode(listener, 'tasks'), 'listeners', undefined, 0);
      }
    }
    this.allTasks.sort((a, b) => (a.node.range?.[0] ?? 0) - (b.node.range?.[0] ?? 0));
    this.allTasks.forEach((task, index) => (task.order = index));
    return {
      root,
      id: this.scalar(getValueNode(root, 'id')),
      namespace: this.scalar(getValueNode(root, 'namespace')),
      inputs: this.inputs(getValueNode(root, 'inputs')),
      variables: this.entries(getValueNode(root, 'variables')),
      tasks,
      errors,
      allTasks: this.allTasks,
      triggers: this.triggers(getValueNode(root, 'triggers')),
      outputs: this.outputs(getValueNode(root, 'outputs')),
      keys,
    };
  }

  private range(node: Node): Range {
    const [start, , end] = node.range ?? [0, 0, 0];
    return this.lines.range(start, end);
  }

  private scalar(node: Node | null | undefined): Located<string> | undefined {
    if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
    return this.located(node);
  }

  private located(node: Scalar): Located<string> {
    const [start, end] = node.range ?? [0, 0];
    return { value: String(node.value), range: this.lines.range(start, end), node };
  }

  private stringList(node: Node | null | undefined): Located<string>[] {
    if (!isSeq(node)) return [];
    return node.items.flatMap((item) => {
      const located = this.scalar(item as Node);
      return located ? [located] : [];
    });
  }

  private taskList(
    node: Node | null | undefined,
    slot: TaskSlot,
    parent: TaskModel | undefined,
    depth: number,
    caseKey?: string,
  ): TaskModel[] {
    if (!isSeq(node)) return [];
    const result: TaskModel[] = [];
    for (const item of node.items) {
      if (!isMap(item)) continue;
      const reused = this.reused(item, slot, depth);
      if (reused) {
        result.push(reused);
        continue;
      }
      const keys = readTaskKeys(item);
      // A Dag lists `{task: {...}, dependsOn: [...]}` items rather than tasks.
      if (isMap(keys.task) && !keys.hasType) {
        const task = this.task(keys.task, readTaskKeys(keys.task), slot, parent, depth, caseKey);
        task.dagItem = item;
        task.dependsOn = this.stringList(getValueNode(item, 'dependsOn'));
        result.push(task);
      } else {
        result.push(this.task(item, keys, slot, parent, depth, caseKey));
      }
    }
    return result;
  }

  private task(
    node: YAMLMap,
    keys: TaskKeys,
    slot: TaskSlot,
    parent: TaskModel | undefined,
    depth: number,
    caseKey?: string,
  ): TaskModel {
    const task: TaskModel = {
      node,
      range: this.range(node),
      id: this.scalar(keys.id),
      type: this.scalar(keys.type),
      parent,
      slot,
      caseKey,
      dependsOn: [],
      children: [],
      order: 0,
      depth,
    };
    this.allTasks.push(task);
    for (const childSlot of LIST_SLOTS) {
      const list = keys[childSlot];
      if (list !== undefined) task.children.push(...this.taskList(list, childSlot, task, depth + 1));
    }
    // Switch: `cases` maps a value to a task list; `defaults` is a task list.
    const cases = keys.cases;
    if (isMap(cases)) {
      for (const pair of cases.items) {
        const key = keyString(pair as Pair) ?? '';
        task.children.push(...this.taskList(pair.value as Node, 'cases', task, depth + 1, key));
      }
    }
    const defaults = keys.defaults;
    if (isSeq(defaults)) task.children.push(...this.taskList(defaults, 'defaults', task, depth + 1));
    return task;
  }

  private inputs(node: Node | null | undefined): InputModel[] {
    if (!isSeq(node)) return [];
    return node.items.filter(isMap).map((item) => {
      const id = this.scalar(getValueNode(item, 'id'));
      const name = this.scalar(getValueNode(item, 'name'));
      const dependsOn = getValueNode(item, 'dependsOn');
      return {
        node: item,
        range: this.range(item),
        id: id ?? name,
        type: this.scalar(getValueNode(item, 'type')),
        usesDeprecatedName: !id && !!name,
        dependsOn: isMap(dependsOn) ? this.stringList(getValueNode(dependsOn, 'inputs')) : [],
      };
    });
  }

  private triggers(node: Node | null | undefined): TriggerModel[] {
    if (!isSeq(node)) return [];
    return node.items.filter(isMap).map((item) => ({
      node: item,
      range: this.range(item),
      id: this.scalar(getValueNode(item, 'id')),
      type: this.scalar(getValueNode(item, 'type')),
    }));
  }

  private outputs(node: Node | null | undefined): FlowOutputModel[] {
    if (!isSeq(node)) return [];
    return node.items.filter(isMap).map((item) => ({
      node: item,
      range: this.range(item),
      id: this.scalar(getValueNode(item, 'id')),
      type: this.scalar(getValueNode(item, 'type')),
    }));
  }

  private entries(node: Node | null | undefined): NamedEntry[] {
    if (!isMap(node)) return [];
    const result: NamedEntry[] = [];
    for (const pair of node.items) {
      if (isScalar(pair.key)) {
        result.push({ key: this.located(pair.key), pair: pair as Pair, value: pair.value as Node | null });
      }
    }
    return result;
  }
}
