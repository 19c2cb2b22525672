// Indexes over an execution's task runs, so the executor never rescans them all on each step: runs
// by id, children by parent in creation order, the creation order itself, and per (parent, task list)
// summaries (count, states present, terminated count, last run) kept up to date as runs are added
// and change state. Task run states change only through ExecutionRunner.setState, which reports here.
import { isTerminated, type StateType } from '../state';
import type { Execution, TaskRun } from './execution';
import { GroupProgress } from './group-progress';

/** A task of a list, with its iteration value (ForEach & co.): what a run is matched against. */
export interface KeyedTask {
  def: { id: string };
  value?: string;
}

export interface TaskKeys {
  /** Ids of tasks without a value: any run of that task matches. */
  anyValue: Set<string>;
  /**
   * Values of tasks with a value, by task id: only those values match (a run without a value reads
   * as ''). Nested rather than keyed by `runKey`, so that matching a run builds no string.
   */
  exact: Map<string, Set<string>>;
}

export const runKey = (taskId: string, value: string | undefined): string => `${taskId}\u0000${value ?? ''}`;

/** Prefix of the first-child keys that match a task id with any value. */
const ANY = '\u0001';

const keyCache = new WeakMap<readonly KeyedTask[], TaskKeys>();

/** The keys a run must match to belong to `tasks` (cached per list). */
export function taskKeys(tasks: readonly KeyedTask[]): TaskKeys {
  let keys = keyCache.get(tasks);
  if (!keys) {
    keys = { anyValue: new Set(), exact: new Map() };
    for (const task of tasks) {
      if (task.value === undefined) keys.anyValue.add(task.def.id);
      else {
        const values = keys.exact.get(task.def.id);
        if (values) values.add(task.value);
        else keys.exact.set(task.def.id, new Set([task.value]));
      }
    }
    keyCache.set(tasks, keys);
  }
  return keys;
}

export function matchesKeys(keys: TaskKeys, run: TaskRun): boolean {
  if (keys.anyValue.has(run.taskId)) return true;
  if (keys.exact.size === 0) return false;
  return keys.exact.get(run.taskId)?.has(run.value ?? '') === true;
}

/** What the flowable machinery asks about the runs of one task list under one parent. */
export class ListSummary {
  count = 0;
  terminated = 0;
  /** The member created last. */
  last?: TaskRun;
  private readonly states = new Map<StateType, number>();

  constructor(readonly keys: TaskKeys) {}

  has(state: StateType): boolean {
    return (this.states.get(state) ?? 0) > 0;
  }

  /** Number of members in one of `states`. */
  countIn(...states: StateType[]): number {
    let total = 0;
    for (const state of states) total += this.states.get(state) ?? 0;
    return total;
  }

  /** Every state at least one member is in. */
  statesPresent(): StateType[] {
    return [...this.states].filter(([, count]) => count > 0).map(([state]) => state);
  }

  add(run: TaskRun): void {
    this.count++;
    this.last = run;
    this.enter(run.state.current);
  }

  move(from: StateType, to: StateType): void {
    this.states.set(from, (this.states.get(from) ?? 0) - 1);
    if (isTerminated(from)) this.terminated--;
    this.enter(to);
  }

  private enter(state: StateType): void {
    this.states.set(state, (this.states.get(state) ?? 0) + 1);
    if (isTerminated(state)) this.terminated++;
  }
}

/** Shared by every index, so a rebuilt index never repeats an earlier stamp. */
let versionClock = 0;

/** Summaries kept per parent before the oldest are dropped (lists are normally a handful, cached). */
const MAX_SUMMARIES_PER_PARENT = 32;

export class TaskRunIndex {
  private readonly byId = new Map<string, TaskRun>();
  private readonly children = new Map<string | undefined, TaskRun[]>();
  private readonly sequence = new Map<TaskRun, number>();
  private readonly summaries = new Map<string | undefined, Map<readonly KeyedTask[], ListSummary>>();
  /** ForEach concurrent groups per parent and list, maintained like the summaries. */
  private readonly groups = new Map<
    string | undefined,
    Map<readonly KeyedTask[], GroupProgress<KeyedTask>>
  >();
  /** Per parent: the first child per `runKey(taskId, value)` and per `ANY + taskId`. */
  private readonly firstChildren = new Map<string | undefined, Map<string, TaskRun>>();
  private next = 0;
  /** Per parent: a stamp that changes whenever a child is added or changes state. */
  private readonly versions = new Map<string | undefined, number>();

  constructor(runs: readonly TaskRun[] = []) {
    for (const run of runs) this.add(run);
  }

  /** Number of runs indexed. */
  get size(): number {
    return this.byId.size;
  }

  get(id: string): TaskRun | undefined {
    return this.byId.get(id);
  }

  /** Direct children of `parentId` (top-level runs for undefined), in creation order. */
  childrenOf(parentId: string | undefined): readonly TaskRun[] {
    return this.children.get(parentId) ?? [];
  }

  /**
   * The first child of `parentId` that is a run of `task` (FlowableUtils.isTaskRunFor): same task id,
   * and the same value when the task has one.
   */
  firstRun(parentId: string | undefined, task: KeyedTask): TaskRun | undefined {
    const key = task.value === undefined ? ANY + task.def.id : runKey(task.def.id, task.value);
    return this.firstChildren.get(parentId)?.get(key);
  }

  /** Creation rank of a run (its position in `execution.taskRuns`, which only grows at the end). */
  order(run: TaskRun): number {
    return this.sequence.get(run) ?? -1;
  }

  /** Changes whenever a child of `parentId` is added or changes state (0: no child yet). */
  version(parentId: string | undefined): number {
    return this.versions.get(parentId) ?? 0;
  }

  private bump(parentId: string | undefined): void {
    this.versions.set(parentId, ++versionClock);
  }

  /** Records a run appended to the execution. */
  add(run: TaskRun): void {
    this.bump(run.parentTaskRunId);
    this.byId.set(run.id, run);
    this.sequence.set(run, this.next++);
    const siblings = this.children.get(run.parentTaskRunId);
    if (siblings) siblings.push(run);
    else this.children.set(run.parentTaskRunId, [run]);
    let firsts = this.firstChildren.get(run.parentTaskRunId);
    if (!firsts) {
      firsts = new Map();
      this.firstChildren.set(run.parentTaskRunId, firsts);
    }
    const exact = runKey(run.taskId, run.value);
    const firstExact = !firsts.has(exact);
    if (firstExact) firsts.set(exact, run);
    const anyKey = ANY + run.taskId;
    const firstOfTask = !firsts.has(anyKey);
    if (firstOfTask) firsts.set(anyKey, run);
    for (const summary of this.summaries.get(run.parentTaskRunId)?.values() ?? []) {
      if (matchesKeys(summary.keys, run)) summary.add(run);
    }
    const groups = this.groups.get(run.parentTaskRunId);
    if (groups && (firstExact || firstOfTask)) {
      for (const progress of groups.values())
        progress.runAdded(run, firstExact ? exact : undefined, firstOfTask);
    }
  }

  /** Records that `run` left state `from` (its new state is `run.state.current`). */
  stateChanged(run: TaskRun, from: StateType): void {
    const to = run.state.current;
    if (from === to) return;
    this.bump(run.parentTaskRunId);
    for (const summary of this.summaries.get(run.parentTaskRunId)?.values() ?? []) {
      if (matchesKeys(summary.keys, run)) summary.move(from, to);
    }
    const groups = this.groups.get(run.parentTaskRunId);
    if (groups && isTerminated(from) !== isTerminated(to)) {
      const firsts = this.firstChildren.get(run.parentTaskRunId);
      const exact = runKey(run.taskId, run.value);
      const exactKey = firsts?.get(exact) === run ? exact : undefined;
      const firstOfTask = firsts?.get(ANY + run.taskId) === run;
      if (exactKey !== undefined || firstOfTask) {
        for (const progress of groups.values()) progress.runTerminatedChanged(run, exactKey, firstOfTask);
      }
    }
  }

  /** The summary of the runs of `tasks` under `parentId` (built once, then maintained). */
  summary(tasks: readonly KeyedTask[], parentId: string | undefined): ListSummary {
    let perParent = this.summaries.get(parentId);
    if (!perParent) {
      perParent = new Map();
      this.summaries.set(parentId, perParent);
    }
    let summary = perParent.get(tasks);
    if (!summary) {
      summary = new ListSummary(taskKeys(tasks));
      for (const run of this.childrenOf(parentId)) if (matchesKeys(summary.keys, run)) summary.add(run);
      if (perParent.size >= MAX_SUMMARIES_PER_PARENT)
        perParent.delete(perParent.keys().next().value as readonly KeyedTask[]);
      perParent.set(tasks, summary);
    }
    return summary;
  }

  /** The concurrent groups of `tasks` under `parentId` (built once, then maintained). */
  groupProgress<T extends KeyedTask>(tasks: readonly T[], parentId: string | undefined): GroupProgress<T> {
    let perParent = this.groups.get(parentId);
    if (!perParent) {
      perParent = new Map();
      this.groups.set(parentId, perParent);
    }
    let progress = perParent.get(tasks);
    if (!progress) {
      progress = new GroupProgress<KeyedTask>(tasks, runKey, (task) => this.firstRun(parentId, task));
      if (perParent.size >= MAX_SUMMARIES_PER_PARENT)
        perParent.delete(perParent.keys().next().value as readonly KeyedTask[]);
      perParent.set(tasks, progress);
    }
    return progress as GroupProgress<T>;
  }
}

const indexes = new WeakMap<Execution, TaskRunIndex>();

/**
 * The index of an execution's runs. Runs are appended through `indexRun` (or found by the length
 * check, which rebuilds); removals must call `dropIndex`.
 */
export function runIndex(execution: Execution): TaskRunIndex {
  let index = indexes.get(execution);
  if (!index || index.size !== execution.taskRuns.length) {
    index = new TaskRunIndex(execution.taskRuns);
    indexes.set(execution, index);
  }
  return index;
}

/** Appends a run to the execution and to its index. */
export function appendTaskRun(execution: Execution, run: TaskRun): void {
  const index = runIndex(execution);
  execution.taskRuns.push(run);
  index.add(run);
}

/** Forgets the index after runs were removed (rebuilt on next use). */
export function dropIndex(execution: Execution): void {
  indexes.delete(execution);
}
