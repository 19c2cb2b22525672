// The state of one run as the panel shows it, folded from the NDJSON event stream (design.md A.2).
// Pure and shared: the webview renders it, the host keeps one for hovers, Debug Outputs and tests.
import type { JsonMap, LogLevel, RunEvent } from '../../../server/src/engine/events';
import type { StateType } from '../../../server/src/engine/state';

export interface TaskRunView {
  taskRunId: string;
  taskId: string;
  parentTaskRunId?: string;
  /** The ForEach (or EachSequential…) iteration value. */
  value?: string;
  state: StateType;
  startedAt: number;
  endedAt?: number;
  /** Attempts made (retries add some); 1 for a task run that ran once. */
  attempts: number;
  outputs?: JsonMap;
  error?: string;
  /** Child task runs in start order. */
  children: string[];
}

export interface LogLine {
  /** Position in the whole log, stable while filtering. */
  index: number;
  time: string;
  level: LogLevel;
  message: string;
  taskId?: string;
  taskRunId?: string;
}

export type RunPhase = 'starting' | 'running' | 'ended';

export interface RunState {
  phase: RunPhase;
  executionId?: string;
  flowId?: string;
  namespace?: string;
  /** The execution's state; CREATED until `execution.started`. */
  state: StateType;
  /** Epoch ms of `execution.started` (or of the process start until then). */
  startedAt?: number;
  endedAt?: number;
  inputs: JsonMap;
  taskRuns: Record<string, TaskRunView>;
  /** Top-level task runs in start order. */
  roots: string[];
  logs: LogLine[];
  /** What `{{ outputs.X }}` sees after the run (from `execution.ended`). */
  outputs?: JsonMap;
  flowOutputs?: JsonMap;
  error?: string;
  /** How many executions the stream held (a CREATE_NEW_EXECUTION retry starts another one). */
  executions: number;
}

export function initialRunState(startedAt?: number): RunState {
  return {
    phase: 'starting',
    state: 'CREATED',
    ...(startedAt !== undefined ? { startedAt } : {}),
    inputs: {},
    taskRuns: {},
    roots: [],
    logs: [],
    executions: 0,
  };
}

/** The engine says "Attempt N failed; retrying …" before each retry of a task run. */
const RETRY_LOG = /^Attempt (\d+) failed; retrying/;

/** Folds one event into the state (mutating it: the panel receives tens of thousands of events). */
export function applyRunEvent(state: RunState, event: RunEvent): void {
  const time = Date.parse(event.time);
  switch (event.event) {
    case 'execution.started':
      // A new execution of the same stream (retry with CREATE_NEW_EXECUTION) restarts the task tree.
      state.phase = 'running';
      state.executionId = event.executionId;
      state.flowId = event.flowId;
      state.namespace = event.namespace;
      state.state = 'RUNNING';
      state.startedAt = time;
      state.endedAt = undefined;
      state.inputs = event.inputs;
      state.taskRuns = {};
      state.roots = [];
      state.outputs = undefined;
      state.flowOutputs = undefined;
      state.error = undefined;
      state.executions++;
      break;
    case 'taskrun.started': {
      const existing = state.taskRuns[event.taskRunId];
      if (existing) {
        existing.state = 'RUNNING';
        break;
      }
      const run: TaskRunView = {
        taskRunId: event.taskRunId,
        taskId: event.taskId,
        state: 'RUNNING',
        startedAt: time,
        attempts: 1,
        children: [],
      };
      if (event.parentTaskRunId !== undefined) run.parentTaskRunId = event.parentTaskRunId;
      if (event.value !== undefined) run.value = event.value;
      state.taskRuns[event.taskRunId] = run;
      const parent = event.parentTaskRunId === undefined ? undefined : state.taskRuns[event.parentTaskRunId];
      if (parent) parent.children.push(event.taskRunId);
      else state.roots.push(event.taskRunId);
      break;
    }
    case 'log': {
      const line: LogLine = {
        index: state.logs.length,
        time: event.time,
        level: event.level,
        message: event.message,
      };
      if (event.taskId !== undefined) line.taskId = event.taskId;
      if (event.taskRunId !== undefined) line.taskRunId = event.taskRunId;
      state.logs.push(line);
      const retry = event.level === 'WARN' && event.taskRunId ? RETRY_LOG.exec(event.message) : null;
      const run = retry && event.taskRunId ? state.taskRuns[event.taskRunId] : undefined;
      if (run && retry) run.attempts = Math.max(run.attempts, Number(retry[1]) + 1);
      break;
    }
    case 'taskrun.ended': {
      let run = state.taskRuns[event.taskRunId];
      if (!run) {
        // Ended without a start event (skipped before it ran): still shown.
        run = {
          taskRunId: event.taskRunId,
          taskId: event.taskId,
          state: event.state,
          startedAt: time,
          attempts: 1,
          children: [],
        };
        state.taskRuns[event.taskRunId] = run;
        state.roots.push(event.taskRunId);
      }
      run.state = event.state;
      run.endedAt = time;
      if (event.outputs !== undefined) run.outputs = event.outputs;
      if (event.error !== undefined) run.error = event.error;
      break;
    }
    case 'execution.ended':
      if (state.executionId !== undefined && event.executionId !== state.executionId) break;
      state.phase = 'ended';
      state.state = event.state;
      state.endedAt = time;
      state.outputs = event.outputs;
      if (event.flowOutputs !== undefined) state.flowOutputs = event.flowOutputs;
      if (event.error !== undefined) state.error = event.error;
      break;
  }
}

/** The process ended: a run that never reached `execution.ended` ends here (cancelled or crashed). */
export function applyProcessExit(
  state: RunState,
  at: number,
  message: string | undefined,
  cancelled: boolean,
): void {
  if (state.phase === 'ended') return;
  state.phase = 'ended';
  state.endedAt = at;
  if (state.executionId === undefined) {
    // Nothing was executed (invalid flow or inputs): the CLI's message says why.
    state.state = 'FAILED';
    state.error = message ?? 'The run ended before the execution started.';
  } else {
    state.state = cancelled ? 'KILLED' : 'FAILED';
    state.error =
      message ??
      (cancelled ? 'The execution was killed.' : 'The run process ended before the execution finished.');
  }
}

/** Duration in ms of the execution, or of a task run; up to `now` while it runs. */
export function elapsed(start: number | undefined, end: number | undefined, now: number): number | undefined {
  if (start === undefined) return undefined;
  return Math.max(0, (end ?? now) - start);
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.floor((ms % 60_000) / 1000);
  if (minutes < 60) return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
}

const ACTIVE_STATES = new Set<StateType>([
  'CREATED',
  'RUNNING',
  'KILLING',
  'RETRYING',
  'PAUSED',
  'QUEUED',
  'RESTARTED',
]);

export function isActiveState(state: StateType): boolean {
  return ACTIVE_STATES.has(state);
}

/**
 * What `{{ outputs.X }}` sees: the final map once the execution ended, else the outputs of the task
 * runs ended so far (iterations keyed by their value, as Kestra does).
 */
export function currentOutputs(state: RunState): JsonMap {
  if (state.outputs) return state.outputs;
  const outputs: JsonMap = {};
  for (const run of Object.values(state.taskRuns)) {
    if (!run.outputs || Object.keys(run.outputs).length === 0) continue;
    if (run.value === undefined) {
      outputs[run.taskId] = run.outputs;
    } else {
      const existing = outputs[run.taskId];
      const byValue: JsonMap =
        existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : {};
      byValue[run.value] = run.outputs;
      outputs[run.taskId] = byValue;
    }
  }
  return outputs;
}
