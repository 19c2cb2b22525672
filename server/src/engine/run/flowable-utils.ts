// The shared flowable machinery (FlowableUtils / Execution helpers): which list is current (`tasks` or
// `errors`), what to create next (sequential, parallel, concurrent groups, Dag), and when a parent
// is finished and in which state.
import { isDisabled, type TaskDef } from '../flow/flow-definition';
import { guessFinalState, isCreated, isRunning, isTerminated, type StateType } from '../state';
import type { Execution, TaskRun } from './execution';

/** A task to run under a parent, with its iteration value (ForEach & co.). */
export interface ResolvedTask {
  def: TaskDef;
  value?: string;
}

export function resolveTasks(defs: TaskDef[] | undefined, value?: string): ResolvedTask[] | undefined {
  return defs?.map((def) => (value === undefined ? { def } : { def, value }));
}

/** FlowableUtils.isTaskRunFor: same task, same parent, same value when the resolved task has one. */
export function isRunFor(task: ResolvedTask, run: TaskRun, parentId: string | undefined): boolean {
  return (
    task.def.id === run.taskId &&
    run.parentTaskRunId === parentId &&
    (task.value === undefined || task.value === run.value)
  );
}

const runKey = (taskId: string, value: string | undefined) => `${taskId}\u0000${value ?? ''}`;

/** Runs of the execution that belong to `tasks` under `parentId`, in creation order. */
export function runsFor(
  execution: Execution,
  tasks: ResolvedTask[] | undefined,
  parentId: string | undefined,
): TaskRun[] {
  if (!tasks || tasks.length === 0) return [];
  const { anyValue, exact } = taskKeys(tasks);
  return execution.taskRuns.filter(
    (run) =>
      run.parentTaskRunId === parentId &&
      (anyValue.has(run.taskId) || exact.has(runKey(run.taskId, run.value))),
  );
}

const keyCache = new WeakMap<ResolvedTask[], { anyValue: Set<string>; exact: Set<string> }>();

/** Ids of tasks matching any value, and id+value keys of the others (cached per list). */
function taskKeys(tasks: ResolvedTask[]): { anyValue: Set<string>; exact: Set<string> } {
  let keys = keyCache.get(tasks);
  if (!keys) {
    keys = { anyValue: new Set(), exact: new Set() };
    for (const task of tasks) {
      if (task.value === undefined) keys.anyValue.add(task.def.id);
      else keys.exact.add(runKey(task.def.id, task.value));
    }
    keyCache.set(tasks, keys);
  }
  return keys;
}

/** For each resolved task, its run among `runs` (same parent assumed), if any. */
function runIndex(runs: TaskRun[]): (task: ResolvedTask) => TaskRun | undefined {
  const byKey = new Map<string, TaskRun>();
  const byId = new Map<string, TaskRun>();
  for (const run of runs) {
    const key = runKey(run.taskId, run.value);
    if (!byKey.has(key)) byKey.set(key, run);
    if (!byId.has(run.taskId)) byId.set(run.taskId, run);
  }
  return (task) =>
    task.value === undefined ? byId.get(task.def.id) : byKey.get(runKey(task.def.id, task.value));
}

/** The tasks that are not disabled (the same list when none is, so caches keyed by it hold). */
function enabled(tasks: ResolvedTask[] | undefined): ResolvedTask[] | undefined {
  return tasks?.some((task) => isDisabled(task.def)) ? tasks.filter((task) => !isDisabled(task.def)) : tasks;
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
  const errorRuns = runsFor(execution, errorList, parentId);
  const failed = runsFor(execution, normal, parentId).some((run) => run.state.current === 'FAILED');
  if (errorRuns.length > 0 || failed) return errorList ?? [];
  return normal;
}

/** Sequential next: the first task, or the one after the last terminated, when nothing is in flight. */
export function sequentialNexts(
  execution: Execution,
  current: ResolvedTask[] | undefined,
  parentId: string | undefined,
): ResolvedTask[] {
  if (!current || current.length === 0 || execution.state.current === 'KILLING') return [];
  const runs = runsFor(execution, current, parentId);
  if (runs.length === 0) return [current[0]];
  if (
    runs.some(
      (run) =>
        isCreated(run.state.current) || isRunning(run.state.current) || !isTerminated(run.state.current),
    )
  ) {
    return [];
  }
  const last = runs[runs.length - 1];
  const index = current.findIndex((task) => isRunFor(task, last, parentId));
  return index >= 0 && index + 1 < current.length ? [current[index + 1]] : [];
}

/** Parallel next: every task without a run, at most `concurrent − running` when limited. */
export function parallelNexts(
  execution: Execution,
  current: ResolvedTask[] | undefined,
  parentId: string | undefined,
  concurrent: number,
  startable: (task: ResolvedTask, runs: TaskRun[]) => boolean = () => true,
): ResolvedTask[] {
  if (!current || execution.state.current === 'KILLING') return [];
  const runs = runsFor(execution, current, parentId);
  const running = runs.filter((run) => isRunning(run.state.current)).length;
  if (concurrent > 0 && running >= concurrent) return [];
  if (runs.some((run) => isCreated(run.state.current))) return [];
  const runOf = runIndex(runs);
  const missing = current.filter((task) => !runOf(task) && startable(task, runs));
  return concurrent > 0 ? missing.slice(0, concurrent - running) : missing;
}

/**
 * Concurrent groups (ForEach with concurrencyLimit ≠ 1): tasks grouped by value; at most `limit`
 * groups in flight; inside a group, task k+1 starts once task k terminated (the documented intent).
 */
export function concurrentNexts(
  execution: Execution,
  current: ResolvedTask[] | undefined,
  parentId: string | undefined,
  limit: number,
): ResolvedTask[] {
  if (!current || execution.state.current === 'KILLING') return [];
  const groups = new Map<string, ResolvedTask[]>();
  for (const task of current) {
    const key = task.value ?? '';
    groups.set(key, [...(groups.get(key) ?? []), task]);
  }
  const runOf = runIndex(runsFor(execution, current, parentId));
  let inFlight = 0;
  const candidates: ResolvedTask[] = [];
  for (const group of groups.values()) {
    const started = group.filter((task) => runOf(task));
    const busy = started.some((task) => !isTerminated((runOf(task) as TaskRun).state.current));
    const next = group.find((task) => !runOf(task));
    if (started.length > 0 && (busy || next)) inFlight++;
    if (!busy && next) candidates.push(next);
  }
  // A group already in flight continues without taking a new slot.
  const continuing = candidates.filter((task) => groups.get(task.value ?? '')?.some((t) => runOf(t)));
  const fresh = candidates.filter((task) => !continuing.includes(task));
  const slots = limit > 0 ? Math.max(0, limit - inFlight) : fresh.length;
  return [...continuing, ...fresh.slice(0, slots)];
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
  const normalRuns = runsFor(execution, tasks, parentId);
  // A child waiting for its retry keeps the parent open.
  if (normalRuns.some((run) => run.state.current === 'RETRYING')) return undefined;
  const current = tasks === undefined ? undefined : currentTasks(execution, tasks, errors, parentId);
  if (current === undefined) {
    options.onNoTask?.();
    return finalState(['FAILED'], options);
  }
  if (current.length > 0) {
    const terminated = runsFor(execution, current, parentId).filter((run) => isTerminated(run.state.current));
    if (terminated.length === current.length)
      return finalState(
        normalRuns.map((r) => r.state.current),
        options,
      );
    return undefined;
  }
  if (
    normalRuns.some((run) => run.state.current === 'FAILED') ||
    (tasks ?? []).every((t) => isDisabled(t.def))
  ) {
    return finalState(
      normalRuns.map((r) => r.state.current),
      options,
    );
  }
  return undefined;
}

function finalState(states: StateType[], options: ResolveStateOptions): StateType {
  const state = guessFinalState(states);
  if (state === 'FAILED' && options.allowFailure) return options.allowWarning ? 'SUCCESS' : 'WARNING';
  if (state === 'WARNING' && options.allowWarning) return 'SUCCESS';
  return state;
}
