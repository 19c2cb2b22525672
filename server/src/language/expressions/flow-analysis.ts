// What expressions of a flow can name, computed once per document: task ids (also those nested in
// plugin-specific lists the model does not follow, and ForEachItem's hidden subtasks), the outputs of
// each task type, input ids, variables, and the task order.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Catalog, PluginOutput } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import type { FlowModel, TaskModel } from '../../flow/model';
import { FOR_EACH_ITEM, FlowableKinds, TEMPLATE, TEMPLATED_TASK } from './flowable-kinds';
import { TaskOrder } from './task-order';

/** A task a flow does not declare but Kestra creates: ForEachItem's `<id>_split`, `_items`, `_merge`. */
export interface HiddenTask {
  id: string;
  owner: TaskModel;
  outputs: PluginOutput[];
}

export interface FlowAnalysis {
  model: FlowModel;
  catalog: Catalog;
  kinds: FlowableKinds;
  order: TaskOrder;
  /** Tasks of the model by id (a list: duplicates are reported elsewhere). */
  tasksById: Map<string, TaskModel[]>;
  hidden: Map<string, HiddenTask>;
  /** Every `id` of a typed mapping under the task lists, whether the model follows it or not. */
  declaredIds: Set<string>;
  inputIds: string[];
  variableNames: string[];
  /** A Template task inlines tasks the file does not show: task ids cannot be checked. */
  inlinesTasks: boolean;
}

const out = (name: string, type: string, description: string): PluginOutput => ({ name, type, description });

const FOR_EACH_ITEM_SUBTASKS: [string, PluginOutput[]][] = [
  ['_split', [out('splits', 'uri', 'URI of the list of batch files.')]],
  [
    '_items',
    [
      out('iterations', 'map<string, integer>', 'Number of subflow executions by state.'),
      out('numberOfBatches', 'integer', 'Number of batches.'),
      out('uri', 'uri', 'URI of the batch list.'),
    ],
  ],
  [
    '_merge',
    [out('subflowOutputs', 'uri', 'ION file concatenating the outputs of every subflow execution.')],
  ],
];

const cache = new WeakMap<FlowDocument, { catalog: Catalog; analysis: FlowAnalysis }>();

export function analyseFlow(doc: FlowDocument, catalog: Catalog): FlowAnalysis | undefined {
  const model = doc.model;
  if (!model) return undefined;
  const cached = cache.get(doc);
  if (cached?.catalog === catalog) return cached.analysis;
  const kinds = new FlowableKinds(catalog);
  const tasksById = new Map<string, TaskModel[]>();
  const hidden = new Map<string, HiddenTask>();
  let inlinesTasks = false;
  for (const task of model.allTasks) {
    const type = kinds.typeOf(task);
    if (type === TEMPLATE) inlinesTasks = true;
    if (!task.id) continue;
    const id = task.id.value;
    tasksById.set(id, [...(tasksById.get(id) ?? []), task]);
    if (type === FOR_EACH_ITEM) {
      for (const [suffix, outputs] of FOR_EACH_ITEM_SUBTASKS)
        hidden.set(id + suffix, { id: id + suffix, owner: task, outputs });
    }
  }
  const analysis: FlowAnalysis = {
    model,
    catalog,
    kinds,
    order: new TaskOrder(kinds),
    tasksById,
    hidden,
    declaredIds: typedIds(model),
    inputIds: model.inputs.flatMap((i) => (i.id ? [i.id.value] : [])),
    variableNames: model.variables.map((v) => v.key.value),
    inlinesTasks,
  };
  cache.set(doc, { catalog, analysis });
  return analysis;
}

/** Ids of every mapping with `id` and `type` under the flow's task lists. */
function typedIds(model: FlowModel): Set<string> {
  const ids = new Set<string>();
  const pending: unknown[] = [];
  for (const key of ['tasks', 'errors', 'finally', 'afterExecution', 'listeners'])
    pending.push(model.keys.get(key)?.value);
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      pending.push(...node.items);
    } else if (isMap(node)) {
      let id: string | undefined;
      let typed = false;
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : undefined;
        if (key === 'id' && isScalar(pair.value) && typeof pair.value.value === 'string')
          id = pair.value.value;
        else if (key === 'type') typed = true;
        pending.push(pair.value);
      }
      if (id !== undefined && typed) ids.add(id);
    }
  }
  return ids;
}

/**
 * Outputs of a task id: the catalog's list for its type, or undefined when they cannot be known (a
 * type outside the catalog, a catalog without outputs, a task whose outputs are another task's).
 */
export function outputsOf(
  analysis: FlowAnalysis,
  id: string,
): { outputs: PluginOutput[]; typeName: string } | undefined {
  const hiddenTask = analysis.hidden.get(id);
  if (hiddenTask) return { outputs: hiddenTask.outputs, typeName: FOR_EACH_ITEM };
  const tasks = analysis.tasksById.get(id);
  if (!tasks || tasks.length !== 1) return undefined;
  const type = tasks[0].type?.value;
  const spec = type ? analysis.catalog.resolve(type)?.spec : undefined;
  if (!spec || spec.kind !== 'task' || !spec.outputsKnown || spec.type === TEMPLATED_TASK) return undefined;
  return { outputs: spec.outputs, typeName: spec.type };
}

/** The `values` keys of an OutputValues task, read from the flow (for `outputs.t.values.`). */
export function outputValueKeys(task: TaskModel): string[] {
  const values = task.node.get('values', true);
  if (!isMap(values)) return [];
  return values.items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
}
