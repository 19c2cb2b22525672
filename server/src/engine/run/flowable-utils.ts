// The shared flowable machinery (FlowableUtils / Execution helpers): which list is current (`tasks` or
// `errors`), what to create next (sequential, parallel, concurrent groups, Dag), and when a parent
// is finished and in which state.
import { isDisabled, type TaskDef } from '../flow/flow-definition';
import { guessFinalState, type StateType } from '../state';
import type { Execution, TaskRun } from './execution';
import { ListSummary, matchesKeys, runIndex, taskKeys } from './task-run-index';

/** A task to run under a parent, with its iteration value (ForEach & co.). */
export interface ResolvedTask {
  def: TaskDef;
  value?: string;
}

const resolvedLists = new WeakMap<TaskDef[], ResolvedTask[]>();

/**
 * The definitions as resolved tasks. Without a value the list is cached per definitions array, so
 * the run summaries keyed by list identity (task-run-index.ts) are found again on the next step.
 */
export function resolveTasks(defs: TaskDef[] | undefined, value?: string): ResolvedTask[] | undefined {
  if (!defs) return undefined;
  if (value !== undefined) return defs.map((def) => ({ def, value }));
  let resolved = resolvedLists.get(defs);
  if (!resolved) {
    resolved = defs.map((def) => ({ def }));
    resolvedLists.set(defs, resolved);
  }
  return resolved;
}

/** FlowableUtils.isTaskRunFor: same task, same parent, same value when the resolved task has one. */
export function isRunFor(task: ResolvedTask, run: TaskRun, parentId: string | undefined): boolean {
  return (
    task.def.id === run.taskId &&
    run.parentTaskRunId === parentId &&
    (task.value === undefined || task.value === run.value)
  );
}

/** Runs of the execution that belong to `tasks` under `parentId`, in creation order. */
export function runsFor(
  execution: Execution,
  tasks: ResolvedTask[] | undefined,
  parentId: string | undefined,
): TaskRun[] {
  if (!tasks || tasks.length === 0) return [];
  const keys = taskKeys(tasks);
  return runIndex(execution)
    .childrenOf(parentId)
    .filter((run) => matchesKeys(keys, run));
}

const NO_RUNS = new ListSummary({ anyValue: new Set(), exact: new Map() });

/** The summary of `runsFor(execution, tasks, parentId)`, maintained incrementally. */
function summaryOf(
  execution: Execution,
  tasks: ResolvedTask[] | undefined,
  parentId: string | undefined,
): ListSummary {
  if (!tasks || tasks.length === 0) return NO_RUNS;
  return runIndex(execution).summary(tasks, parentId);
}

/** How many runs of `tasks` under `parentId` are terminated, and every state they are in. */
export function listProgress(
  execution: Execution,
  tasks: ResolvedTask[] | undefined,
  parentId: string | undefined,
): { terminated: number; states: StateType[] } {
  const summary = summaryOf(execution, tasks, parentId);
  return { terminated: summary.terminated, states: summary.statesPresent() };
}

/** For each resolved task, its first run under `parentId`, if any. */
function firstRunOf(
  execution: Execution,
  parentId: string | undefined,
): (task: ResolvedTask) => TaskRun | undefined {
  const index = runIndex(execution);
  return (task) => index.firstRun(parentId, task);
}

/** First positions in a list: of each task without a value, and of each (task id, value). */
interface Positions {
  anyValue: Map<string, number>;
  exact: Map<string, Map<string, number>>;
}

const positions = new WeakMap<ResolvedTask[], Positions>();

function positionsOf(tasks: ResolvedTask[]): Positions {
  let maps = positions.get(tasks);
  if (maps) return maps;
  const found: Positions = { anyValue: new Map(), exact: new Map() };
  tasks.forEach((task, i) => {
    if (task.value === undefined) {
      if (!found.anyValue.has(task.def.id)) found.anyValue.set(task.def.id, i);
      return;
    }
    let values = found.exact.get(task.def.id);
    if (!values) found.exact.set(task.def.id, (values = new Map()));
    if (!values.has(task.value)) values.set(task.value, i);
  });
  maps = found;
  positions.set(tasks, maps);
  return maps;
}

/** `tasks.findIndex((task) => isRunFor(task, run, run.parentTaskRunId))`, with the lookups cached per list. */
function positionOf(tasks: ResolvedTask[], run: TaskRun): number {
  const maps = positionsOf(tasks);
  const any = maps.anyValue.get(run.taskId);
  // A run without a value matches a task whose value is '' (`runKey` makes them equal too).
  const exact = maps.exact.get(run.taskId)?.get(run.value ?? '');
  if (any === undefined) return exact ?? -1;
  return exact === undefined ? any : Math.min(any, exact);
}

const enabledLists = new WeakMap<ResolvedTask[], ResolvedTask[]>();

/** The tasks that are not disabled (the same list when none is; cached, so summaries keyed by it hold). */
function enabled(tasks: ResolvedTask[] | undefined): ResolvedTask[] | undefined {
  if (!tasks) return undefined;
  let result = enabledLists.get(tasks);
  if (!result) {
    result = tasks.some((task) => isDisabled(task.def))
      ? tasks.filter((task) => !isDisabled(task.def))
      : tasks;
    enabledLists.set(tasks, result);
  }
  return result;
}

/**
 * findTaskDependingFlowState: `errors` once a normal child FAILED (or an errors run exists), else
 * `tasks`; disabled tasks dropped. Retries are decided when an attempt ends, so a FAILED run is final.
 */
export function currentTasks(
  execution: Execution,
  tasks: ResolvedTask[] | undefined,
  errors: ResolvedTask[] | undefined,
  parentId: string | undefined,
): ResolvedTask[] | undefined {
  const normal = enabled(tasks);
  const errorList = enabled(errors);
  const errorRuns = summaryOf(execution, errorList, parentId).count;
  const failed = summaryOf(execution, normal, parentId).has('FAILED');
  if (errorRuns > 0 || failed) return errorList ?? [];
  return normal;
}

/** Sequential next: the first task, or the one after the last terminated, when nothing is in flight. */
export function sequentialNexts(
  execution: Execution,
  current: ResolvedTask[] | undefined,
  parentId: string | undefined,
): ResolvedTask[] {
  if (!current || current.length === 0 || execution.state.current === 'KILLING') return [];
  const runs = summaryOf(execution, current, parentId);
  if (runs.count === 0 || !runs.last) return [current[0]];
  // Something created, running or otherwise not terminated: wait for it.
  if (runs.terminated < runs.count) return [];
  const index = positionOf(current, runs.last);
  return index >= 0 && index + 1 < current.length ? [current[index + 1]] : [];
}

/** Parallel next: every task without a run, at most `concurrent − running` when limited. */
export function parallelNexts(
  execution: Execution,
  current: ResolvedTask[] | undefined,
  parentId: string | undefined,
  concurrent: number,
  startable?: (task: ResolvedTask, runs: TaskRun[]) => boolean,
): ResolvedTask[] {
  if (!current || execution.state.current === 'KILLING') return [];
  const summary = summaryOf(execution, current, parentId);
  const running = summary.countIn('RUNNING', 'KILLING');
  if (concurrent > 0 && running >= concurrent) return [];
  if (summary.countIn('CREATED', 'RESTARTED') > 0) return [];
  const runOf = firstRunOf(execution, parentId);
  const runs = startable ? runsFor(execution, current, parentId) : [];
  const missing = current.filter((task) => !runOf(task) && (!startable || startable(task, runs)));
  return concurrent > 0 ? missing.slice(0, concurrent - running) : missing;
}

/**
 * Concurrent groups (ForEach with concurrencyLimit ≠ 1): tasks grouped by value; at most `limit`
 * groups in flight; inside a group, task k+1 starts once task k terminated (the documented intent).
 * A group already in flight continues without taking a new slot. Kept up to date by the run index.
 */
export function concurrentNexts(
  execution: Execution,
  current: ResolvedTask[] | undefined,
  parentId: string | undefined,
  limit: number,
): ResolvedTask[] {
  if (!current || execution.state.current === 'KILLING') return [];
  return runIndex(execution).groupProgress(current, parentId).nexts(limit);
}

export interface ResolveStateOptions {
  allowFailure: boolean;
  allowWarning: boolean;
  /** Called when the current list is null (e.g. Switch without a matching case). */
  onNoTask?: () => void;
}

/** FlowableUtils.resolveState: the parent's terminal state once its current list is done. */
export function resolveListState(
  execution: Execution,
  tasks: ResolvedTask[] | undefined,
  errors: ResolvedTask[] | undefined,
  parentId: string,
  options: ResolveStateOptions,
): StateType | undefined {
  const normalRuns = summaryOf(execution, tasks, parentId);
  // A child waiting for its retry keeps the parent open.
  if (normalRuns.has('RETRYING')) return undefined;
  const current = tasks === undefined ? undefined : currentTasks(execution, tasks, errors, parentId);
  if (current === undefined) {
    options.onNoTask?.();
    return finalState(['FAILED'], options);
  }
  if (current.length > 0) {
    if (summaryOf(execution, current, parentId).terminated === current.length)
      return finalState(normalRuns.statesPresent(), options);
    return undefined;
  }
  if (normalRuns.has('FAILED') || (tasks ?? []).every((t) => isDisabled(t.def))) {
    return finalState(normalRuns.statesPresent(), options);
  }
  return undefined;
}

function finalState(states: StateType[], options: ResolveStateOptions): StateType {
  const state = guessFinalState(states);
  if (state === 'FAILED' && options.allowFailure) return options.allowWarning ? 'SUCCESS' : 'WARNING';
  if (state === 'WARNING' && options.allowWarning) return 'SUCCESS';
  return state;
}
