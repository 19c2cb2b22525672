// The expression variables of a task run (RunVariables): flow, vars, execution, task, taskrun,
// parents/parent, outputs (keyed by iteration values), tasks (states), inputs, labels, envs, globals,
// trigger.
import type { PebbleMap, PebbleValue } from '../../expr/values';
import { fromJsonValue } from '../../expr/values';
import type { FlowDef, TaskDef } from '../flow/flow-definition';
import { mergeMaps } from '../flow/plugin-defaults';
import { startDate } from '../state';
import { ancestors, type Execution, type TaskRun } from './execution';

export interface VariableScope {
  flow: FlowDef;
  execution: Execution;
  task?: TaskDef;
  taskRun?: TaskRun;
  env: NodeJS.ProcessEnv;
  /** `taskrun.attemptsCount` as the attempt saw it when it started (earlier attempts only). */
  attemptsCount?: number;
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
  const variables: PebbleMap = { envs: kestraEnvs(scope.env), globals: {} };
  const flowVar: PebbleMap = { id: flow.id, namespace: flow.namespace };
  if (flow.revision !== undefined) flowVar.revision = flow.revision;
  variables.flow = flowVar;
  if (flow.variables) variables.vars = fromJsonValue(flow.variables);
  if (task) variables.task = { id: task.id, type: task.declaredType };
  if (taskRun) {
    variables.taskrun = taskRunVariable(taskRun, scope.attemptsCount);
    const parents = parentsVariable(execution, taskRun);
    variables.parents = parents;
    if (parents.length > 0) variables.parent = parents[0];
  }
  variables.execution = { id: execution.id, startDate: startDate(execution.state), originalId: execution.id };
  variables.outputs = outputsTree(execution);
  variables.tasks = tasksVariable(execution);
  const inputs: PebbleMap = { ...execution.inputs };
  for (const input of flow.inputs) {
    if (input.defaults !== undefined && !(input.id in inputs))
      inputs[input.id] = fromJsonValue(input.defaults);
  }
  if (Object.keys(inputs).length > 0) variables.inputs = inputs;
  if (execution.trigger) variables.trigger = execution.trigger.variables;
  const labels: PebbleMap = {};
  for (const label of execution.labels) if (!(label.key in labels)) labels[label.key] = label.value;
  variables.labels = labels;
  return variables;
}

function taskRunVariable(run: TaskRun, attemptsCount = run.attempts.length): PebbleMap {
  const result: PebbleMap = { id: run.id, startDate: startDate(run.state), attemptsCount };
  if (run.parentTaskRunId) result.parentId = run.parentTaskRunId;
  if (run.value !== undefined) result.value = run.value;
  if (run.iteration !== undefined) result.iteration = run.iteration;
  return result;
}

/** Closest ancestor first; only ancestors with a value or non-empty outputs are listed. */
function parentsVariable(execution: Execution, run: TaskRun): PebbleValue[] {
  const result: PebbleValue[] = [];
  for (const parent of ancestors(execution, run)) {
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
  let result: PebbleMap = {};
  const byId = new Map(execution.taskRuns.map((r) => [r.id, r]));
  for (const run of execution.taskRuns) {
    if (!run.outputs) continue;
    const values = ancestors(execution, run, byId)
      .reverse()
      .flatMap((parent) => (parent.value !== undefined ? [parent.value] : []));
    if (run.value !== undefined) values.push(run.value);
    let node: PebbleMap = run.outputs;
    for (let i = values.length - 1; i >= 0; i--) node = { [values[i]]: node };
    result = mergeMaps(result, { [run.taskId]: node }) as PebbleMap;
  }
  return result;
}

function tasksVariable(execution: Execution): PebbleMap {
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
