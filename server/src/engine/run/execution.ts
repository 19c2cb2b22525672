// The execution and its task runs (Kestra's Execution / TaskRun / TaskRunAttempt), kept in memory.
import type { PebbleMap } from '../../expr/values';
import type { Label } from '../flow/flow-definition';
import { newState, type State } from '../state';
import { runIndex } from './task-run-index';

export interface Attempt {
  state: State;
}

export interface TaskRun {
  id: string;
  executionId: string;
  taskId: string;
  parentTaskRunId?: string;
  /** Iteration value (ForEach & co.), a string. */
  value?: string;
  attempts: Attempt[];
  /** Undefined until the run (or a flowable's start) produces outputs; `{}` once terminated. */
  outputs?: PebbleMap;
  state: State;
  /** WaitFor loop counter. */
  iteration?: number;
  /** The error message of a failed run, for events and summaries. */
  error?: string;
}

export interface ExecutionTrigger {
  id: string;
  type: string;
  variables: PebbleMap;
}

export interface Execution {
  id: string;
  namespace: string;
  flowId: string;
  flowRevision?: number;
  state: State;
  taskRuns: TaskRun[];
  inputs: PebbleMap;
  outputs?: PebbleMap;
  labels: Label[];
  metadata: { attemptNumber: number; originalCreatedDate: string };
  /** Set for Subflow children: the parent execution. */
  trigger?: ExecutionTrigger;
  /** Why the execution failed outside any task (flow outputs). */
  error?: string;
  /** Bumped on every change that expression variables can see (states, runs, outputs). */
  changes?: number;
}

/** Records that variables built from this execution are out of date. */
export function markChanged(execution: Execution): void {
  execution.changes = (execution.changes ?? 0) + 1;
}

export function newExecution(
  fields: Pick<Execution, 'id' | 'namespace' | 'flowId' | 'inputs' | 'labels'> &
    Partial<Pick<Execution, 'flowRevision' | 'trigger' | 'metadata'>>,
  now: Date,
): Execution {
  return {
    ...fields,
    state: newState('CREATED', now),
    taskRuns: [],
    changes: 0,
    metadata: fields.metadata ?? { attemptNumber: 1, originalCreatedDate: now.toISOString() },
  };
}

/** Task runs that are direct children of `parent` (or top-level ones when `parent` is undefined). */
export function childRuns(execution: Execution, parentId: string | undefined): TaskRun[] {
  return [...runIndex(execution).childrenOf(parentId)];
}

/** Looks task runs up by id (a Map, or the execution's TaskRunIndex). */
export interface RunLookup {
  get(id: string): TaskRun | undefined;
}

/** Ancestors of a task run, closest first. */
export function ancestors(
  execution: Execution,
  run: TaskRun,
  byId: RunLookup = runIndex(execution),
): TaskRun[] {
  const result: TaskRun[] = [];
  let current = run.parentTaskRunId ? byId.get(run.parentTaskRunId) : undefined;
  while (current) {
    result.push(current);
    current = current.parentTaskRunId ? byId.get(current.parentTaskRunId) : undefined;
  }
  return result;
}
