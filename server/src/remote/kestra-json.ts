// The JSON a Kestra server sends (reference kestra.md §8.4, §8.6, §8.9), with the checks that turn
// an unknown parsed body into these types. Only the fields the client reads are checked; anything
// else is passed through untouched.
import type { JsonMap, JsonValue, LogLevel } from '../engine/events';
import { isLogLevel } from '../engine/events';
import type { StateType } from '../engine/state';

export interface KestraStateHistory {
  state: StateType;
  date: string;
}

export interface KestraState {
  current: StateType;
  histories: KestraStateHistory[];
  startDate?: string;
  endDate?: string;
}

export interface KestraTaskRun {
  id: string;
  taskId: string;
  parentTaskRunId?: string;
  value?: string;
  outputs?: JsonMap;
  state: KestraState;
}

export interface KestraExecution {
  id: string;
  namespace: string;
  flowId: string;
  flowRevision?: number;
  taskRunList: KestraTaskRun[];
  inputs?: JsonMap;
  /** The flow's outputs (§1.10), once rendered. */
  outputs?: JsonMap;
  state: KestraState;
  /** The UI link; only in the create response. */
  url?: string;
}

export interface KestraLogEntry {
  timestamp: string;
  level: LogLevel;
  message: string;
  taskId?: string;
  taskRunId?: string;
}

/** Micronaut's JSON error (§8.9). */
export interface KestraJsonError {
  message: string;
  errors: { message: string; path?: string }[];
}

const STATES = new Set<string>([
  'CREATED',
  'RUNNING',
  'PAUSED',
  'RESTARTED',
  'KILLING',
  'SUCCESS',
  'WARNING',
  'FAILED',
  'KILLED',
  'CANCELLED',
  'QUEUED',
  'RETRYING',
  'RETRIED',
  'SKIPPED',
]);

type Obj = { [key: string]: unknown };

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function jsonMap(value: unknown): JsonMap | undefined {
  return isObj(value) ? (value as { [key: string]: JsonValue }) : undefined;
}

/**
 * A state name; one this client does not know (a newer server's, e.g. SUBMITTED or BREAKPOINT) is
 * read as RUNNING: not created, not terminated — the end still comes with the `end` event.
 */
function stateType(value: string): StateType {
  return STATES.has(value) ? (value as StateType) : 'RUNNING';
}

function state(value: unknown): KestraState | undefined {
  if (!isObj(value) || typeof value.current !== 'string') return undefined;
  const histories = Array.isArray(value.histories)
    ? value.histories.flatMap((h): KestraStateHistory[] =>
        isObj(h) && typeof h.state === 'string' && typeof h.date === 'string'
          ? [{ state: stateType(h.state), date: h.date }]
          : [],
      )
    : [];
  return {
    current: stateType(value.current),
    histories,
    startDate: optString(value.startDate),
    endDate: optString(value.endDate),
  };
}

function taskRun(value: unknown): KestraTaskRun | undefined {
  if (!isObj(value) || typeof value.id !== 'string' || typeof value.taskId !== 'string') return undefined;
  const parsed = state(value.state);
  if (!parsed) return undefined;
  return {
    id: value.id,
    taskId: value.taskId,
    parentTaskRunId: optString(value.parentTaskRunId),
    value: optString(value.value),
    outputs: jsonMap(value.outputs),
    state: parsed,
  };
}

/** An Execution JSON, or undefined when `value` does not have its shape. */
export function parseExecution(value: unknown): KestraExecution | undefined {
  if (!isObj(value)) return undefined;
  const { id, namespace, flowId } = value;
  if (typeof id !== 'string' || typeof namespace !== 'string' || typeof flowId !== 'string') return undefined;
  const parsed = state(value.state);
  if (!parsed) return undefined;
  const runs = Array.isArray(value.taskRunList) ? value.taskRunList.map(taskRun) : [];
  if (runs.some((run) => run === undefined)) return undefined;
  return {
    id,
    namespace,
    flowId,
    flowRevision: typeof value.flowRevision === 'number' ? value.flowRevision : undefined,
    taskRunList: runs as KestraTaskRun[],
    inputs: jsonMap(value.inputs),
    outputs: jsonMap(value.outputs),
    state: parsed,
    url: optString(value.url),
  };
}

export function parseLogEntry(value: unknown): KestraLogEntry | undefined {
  if (!isObj(value) || typeof value.message !== 'string' || !isLogLevel(value.level)) return undefined;
  return {
    timestamp: optString(value.timestamp) ?? new Date().toISOString(),
    level: value.level,
    message: value.message,
    taskId: optString(value.taskId),
    taskRunId: optString(value.taskRunId),
  };
}

/** A Micronaut JSON error body, or undefined for anything else (empty body, HTML from a proxy…). */
export function parseJsonError(value: unknown): KestraJsonError | undefined {
  if (!isObj(value) || typeof value.message !== 'string') return undefined;
  const embedded =
    isObj(value._embedded) && Array.isArray(value._embedded.errors) ? value._embedded.errors : [];
  const errors = embedded.flatMap((e): KestraJsonError['errors'] =>
    isObj(e) && typeof e.message === 'string' ? [{ message: e.message, path: optString(e.path) }] : [],
  );
  return { message: value.message, errors };
}
