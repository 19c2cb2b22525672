// The expression variables of a task run (RunVariables): flow, vars, execution, task, taskrun,
// parents/parent, outputs (keyed by iteration values), tasks (states), inputs, labels, envs, globals,
// trigger.
import type { PebbleMap, PebbleValue } from '../../expr/values';
import { fromJsonValue } from '../../expr/values';
import type { FlowDef, TaskDef } from '../flow/flow-definition';
import { mergeMaps } from '../flow/plugin-defaults';
import { startDate } from '../state';
import { ancestors, type Execution, type RunLookup, type TaskRun } from './execution';

export interface VariableScope {
  flow: FlowDef;
  execution: Execution;
  task?: TaskDef;
  taskRun?: TaskRun;
  env: NodeJS.ProcessEnv;
  /** `taskrun.attemptsCount` as the attempt saw it when it started (earlier attempts only). */
  attemptsCount?: number;
  /** The execution-wide part, when the caller caches it. */
  shared?: SharedVariables;
}

/** What every task of an execution sees alike: `outputs`, `tasks`, and the runs by id. */
export interface SharedVariables {
  outputs: PebbleMap;
  tasks: PebbleMap;
  byId: RunLookup;
  /** The parts that never change during the execution, built once. */
  statics?: StaticVariables;
  /** A typed render's result made independent of maps that later change in place. */
  detach(value: PebbleValue): PebbleValue;
}

/**
 * Variables fixed for the whole execution: `envs`, `flow`, `vars`, `inputs` (with defaults),
 * `execution`, `globals`. Shared by every task's variables (a render never changes them).
 */
export interface StaticVariables {
  envs: PebbleMap;
  flow: PebbleMap;
  vars?: PebbleValue;
  inputs?: PebbleMap;
  execution: PebbleMap;
  globals: PebbleMap;
}

export function buildSharedVariables(execution: Execution): SharedVariables {
  const byId = new Map(execution.taskRuns.map((r) => [r.id, r]));
  return {
    outputs: outputsTree(execution),
    tasks: tasksVariable(execution),
    byId,
    detach: (value) => value,
  };
}

export function staticVariables(
  flow: FlowDef,
  execution: Execution,
  env: NodeJS.ProcessEnv,
): StaticVariables {
  const flowVar: PebbleMap = { id: flow.id, namespace: flow.namespace };
  if (flow.revision !== undefined) flowVar.revision = flow.revision;
  const result: StaticVariables = {
    envs: kestraEnvs(env),
    flow: flowVar,
    execution: { id: execution.id, startDate: startDate(execution.state), originalId: execution.id },
    globals: {},
  };
  if (flow.variables) result.vars = fromJsonValue(flow.variables);
  const inputs: PebbleMap = { ...execution.inputs };
  for (const input of flow.inputs) {
    if (input.defaults !== undefined && !(input.id in inputs))
      inputs[input.id] = fromJsonValue(input.defaults);
  }
  if (Object.keys(inputs).length > 0) result.inputs = inputs;
  return result;
}

const HIDDEN_ENVS = new Set(['KESTRA_PLUGINS_PATH', 'KESTRA_CONFIGURATION_PATH', 'KESTRA_CONFIGURATION']);

/** `envs`: variables named `KESTRA_*`, prefix removed, lower-cased. */
export function kestraEnvs(env: NodeJS.ProcessEnv): PebbleMap {
  const result: PebbleMap = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('KESTRA_') && !HIDDEN_ENVS.has(name) && value !== undefined) {
      result[name.slice('KESTRA_'.length).toLowerCase()] = value;
    }
  }
  return result;
}

export function buildVariables(scope: VariableScope): PebbleMap {
  const { flow, execution, task, taskRun } = scope;
  const shared = scope.shared ?? buildSharedVariables(execution);
  const statics = shared.statics ?? staticVariables(flow, execution, scope.env);
  const variables: PebbleMap = { envs: statics.envs, globals: statics.globals };
  variables.flow = statics.flow;
  if (statics.vars !== undefined) variables.vars = statics.vars;
  if (task) variables.task = { id: task.id, type: task.declaredType };
  if (taskRun) {
    variables.taskrun = taskRunVariable(taskRun, scope.attemptsCount);
    const parents = parentsVariable(execution, taskRun, shared.byId);
    variables.parents = parents;
    if (parents.length > 0) variables.parent = parents[0];
  }
  variables.execution = statics.execution;
  variables.outputs = shared.outputs;
  variables.tasks = shared.tasks;
  if (statics.inputs) variables.inputs = statics.inputs;
  if (execution.trigger) variables.trigger = execution.trigger.variables;
  variables.labels = labelsVariable(execution);
  return variables;
}

/** The `labels` map last built for an execution, with the labels it was built from. */
const builtLabels = new WeakMap<Execution, { from: { key: string; value: string }[]; map: PebbleMap }>();

/** `labels`: the first value of each key; rebuilt only when the labels changed (a Labels task). */
function labelsVariable(execution: Execution): PebbleMap {
  const labels = execution.labels;
  const built = builtLabels.get(execution);
  if (
    built?.from.length === labels.length &&
    built.from.every((label, i) => label.key === labels[i].key && label.value === labels[i].value)
  )
    return built.map;
  const map: PebbleMap = {};
  for (const label of labels) if (!(label.key in map)) map[label.key] = label.value;
  builtLabels.set(execution, { from: labels.map(({ key, value }) => ({ key, value })), map });
  return map;
}

function taskRunVariable(run: TaskRun, attemptsCount = run.attempts.length): PebbleMap {
  const result: PebbleMap = { id: run.id, startDate: startDate(run.state), attemptsCount };
  if (run.parentTaskRunId) result.parentId = run.parentTaskRunId;
  if (run.value !== undefined) result.value = run.value;
  if (run.iteration !== undefined) result.iteration = run.iteration;
  return result;
}

/** Closest ancestor first; only ancestors with a value or non-empty outputs are listed. */
function parentsVariable(execution: Execution, run: TaskRun, byId: RunLookup): PebbleValue[] {
  const result: PebbleValue[] = [];
  for (const parent of ancestors(execution, run, byId)) {
    const entry: PebbleMap = {};
    if (parent.value !== undefined) entry.taskrun = { value: parent.value };
    if (parent.outputs && Object.keys(parent.outputs).length > 0) entry.outputs = parent.outputs;
    if (Object.keys(entry).length > 0) result.push(entry);
  }
  return result;
}

/**
 * `outputs`: every task run with outputs, under its task id then the values of its ancestors
 * (outermost first) then its own value; runs of the same task are deep-merged.
 */
export function outputsTree(execution: Execution): PebbleMap {
  const result: PebbleMap = {};
  // Maps created here may be extended in place; anything else (a run's outputs) is copied first.
  const own = new WeakSet<object>([result]);
  const ownMap = (parent: PebbleMap, key: string): PebbleMap => {
    const existing = parent[key];
    if (existing && typeof existing === 'object' && !Array.isArray(existing) && own.has(existing))
      return existing as PebbleMap;
    const created: PebbleMap = isPlainMap(existing) ? { ...existing } : {};
    own.add(created);
    parent[key] = created;
    return created;
  };
  const byId = new Map(execution.taskRuns.map((r) => [r.id, r]));
  for (const run of execution.taskRuns) {
    if (!run.outputs) continue;
    const path = ancestors(execution, run, byId)
      .reverse()
      .flatMap((parent) => (parent.value !== undefined ? [parent.value] : []));
    if (run.value !== undefined) path.push(run.value);
    path.unshift(run.taskId);
    let node = result;
    for (const key of path.slice(0, -1)) node = ownMap(node, key);
    const last = path[path.length - 1];
    const existing = node[last];
    node[last] = isPlainMap(existing) ? (mergeMaps(existing, run.outputs) as PebbleMap) : run.outputs;
  }
  return result;
}

function isPlainMap(value: unknown): value is PebbleMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

/** `tasks`: the state of each task run, keyed by task id then value. */
export function tasksVariable(execution: Execution): PebbleMap {
  const result: PebbleMap = {};
  for (const run of execution.taskRuns) {
    if (run.value === undefined) {
      result[run.taskId] = { state: run.state.current };
    } else {
      const existing = result[run.taskId];
      const map: PebbleMap =
        existing && typeof existing === 'object' && !Array.isArray(existing)
          ? { ...(existing as PebbleMap) }
          : {};
      map[run.value] = { state: run.state.current };
      result[run.taskId] = map;
    }
  }
  return result;
}
