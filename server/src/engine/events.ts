// The run event stream (design.md A.2): what `kestra-flow run --format ndjson` prints, one object a
// line, and what the VS Code run panel consumes. The embedded engine produces it; a remote backend
// following a Kestra server execution must produce exactly the same shapes.
import type { StateType } from './state';

export type LogLevel = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export const LOG_LEVELS: readonly LogLevel[] = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];

/** JSON values as they appear in events (outputs, inputs). */
export type JsonValue = null | string | number | boolean | JsonValue[] | { [key: string]: JsonValue };
export type JsonMap = { [key: string]: JsonValue };

export interface ExecutionStartedEvent {
  event: 'execution.started';
  time: string;
  executionId: string;
  namespace: string;
  flowId: string;
  inputs: JsonMap;
}

export interface TaskRunStartedEvent {
  event: 'taskrun.started';
  time: string;
  taskRunId: string;
  taskId: string;
  parentTaskRunId?: string;
  /** The iteration value (ForEach and friends). */
  value?: string;
}

export interface LogEvent {
  event: 'log';
  time: string;
  level: LogLevel;
  message: string;
  taskRunId?: string;
  taskId?: string;
}

export interface TaskRunEndedEvent {
  event: 'taskrun.ended';
  time: string;
  taskRunId: string;
  taskId: string;
  state: StateType;
  outputs?: JsonMap;
  error?: string;
}

export interface ExecutionEndedEvent {
  event: 'execution.ended';
  time: string;
  executionId: string;
  state: StateType;
  /** What `{{ outputs.X }}` sees after the run (ForEach children keyed by value). */
  outputs: JsonMap;
  /** The flow's typed `outputs`, when it declares some and they rendered. */
  flowOutputs?: JsonMap;
  error?: string;
}

export type RunEvent =
  ExecutionStartedEvent | TaskRunStartedEvent | LogEvent | TaskRunEndedEvent | ExecutionEndedEvent;

/**
 * Receives each event as it happens. Values in an event (outputs) may be the engine's own objects,
 * which never change once the event is sent: read them, copy them to keep a changed version.
 */
export type RunEventListener = (event: RunEvent) => void;

/** Rank of a level, for `logLevel` filtering (TRACE lowest). */
export function levelRank(level: LogLevel): number {
  return LOG_LEVELS.indexOf(level);
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * A value as an event carries it, as JSON would give it back: Pebble doubles become numbers, dates
 * strings (their toJSON). Data that is JSON already (task outputs, almost always) is passed as is,
 * since outputs are never changed in place once set: checking it allocates nothing, copying it did.
 */
export function toJsonValue(value: unknown, known?: ReadonlySet<object>): JsonValue {
  if (value === undefined) return null;
  return isJsonData(value, known) ? value : (jsonCopy(value) as JsonValue);
}

/**
 * A task run's outputs for its `taskrun.ended` event (see toJsonValue). Outputs found to be JSON are
 * added to `known` (the execution's), so that `execution.ended`, whose `outputs` holds every run's,
 * does not walk them again (a Set: a WeakSet entry cost the garbage collector more than the walk).
 */
export function taskOutputsJson(outputs: object, known: Set<object>): JsonMap {
  if (isJsonData(outputs, known) && !Array.isArray(outputs)) {
    known.add(outputs);
    return outputs as JsonMap;
  }
  return toJsonMap(outputs, known);
}

/**
 * Whether JSON would give `value` back unchanged: plain objects and arrays of JSON scalars (or
 * objects in `known`, found so before).
 */
function isJsonData(value: unknown, known: ReadonlySet<object> | undefined): value is JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !(value === 0 && 1 / value < 0);
    case 'object': {
      if (value === null) return true;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isJsonData(value[i], known)) return false;
        return true;
      }
      const plain = value as Record<string, unknown>;
      if (known?.has(plain)) return true;
      if (Object.getPrototypeOf(plain) !== Object.prototype || typeof plain.toJSON === 'function')
        return false;
      for (const key in plain) {
        if (!Object.hasOwn(plain, key)) return false;
        if (key === '__proto__' || !isJsonData(plain[key], known)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * What `JSON.parse(JSON.stringify(value))` gives (undefined: a value JSON leaves out), built directly
 * for plain data (events carry every task's outputs); anything else goes through JSON text.
 */
function jsonCopy(value: unknown): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes -0 as 0 and non-finite numbers as null.
      return Number.isFinite(value) ? value + 0 : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const items: JsonValue[] = new Array<JsonValue>(value.length);
        for (let i = 0; i < value.length; i++) items[i] = jsonCopy(value[i]) ?? null;
        return items;
      }
      const plain = value as Record<string, unknown>;
      if (Object.getPrototypeOf(plain) !== Object.prototype || typeof plain.toJSON === 'function') break;
      const result: JsonMap = {};
      for (const key of Object.keys(plain)) {
        const item = jsonCopy(plain[key]);
        if (item === undefined) continue;
        if (key === '__proto__')
          Object.defineProperty(result, key, {
            value: item,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else result[key] = item;
      }
      return result;
    }
  }
  const text = JSON.stringify(value);
  return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
}

export function toJsonMap(value: unknown, known?: ReadonlySet<object>): JsonMap {
  const json = toJsonValue(value, known);
  return json && typeof json === 'object' && !Array.isArray(json) ? json : {};
}
