// The flow as the engine runs it: plain property values (plugin defaults applied), task types resolved
// to canonical names, child task lists split by slot, and source positions kept for messages.
import type { InputDefinition } from '../inputs/input-definition';
import type { PluginDefault } from './plugin-defaults';
import type { TaskKind } from './task-types';

/** 0-based, as in LSP. */
export interface SourcePosition {
  line: number;
  character: number;
}

export interface TaskDef {
  id: string;
  /** Canonical class name. */
  type: string;
  /** The `type` as written (alias, other case). */
  declaredType: string;
  kind: TaskKind;
  /** Plain property values, plugin defaults applied; child task lists removed. */
  props: Record<string, unknown>;
  position: SourcePosition;
  /** `tasks`, `errors`, `then`, `else`, Switch `defaults`. */
  lists: Partial<Record<ChildList, TaskDef[]>>;
  /** Switch `cases`, in declaration order. */
  cases: { key: string; tasks: TaskDef[] }[];
  /** Dag children: task id → `dependsOn`. */
  dependsOn?: Map<string, string[]>;
}

export type ChildList = 'tasks' | 'errors' | 'then' | 'else' | 'defaults';

export interface FlowOutputDef {
  id: string;
  type: string;
  value: unknown;
}

export interface Label {
  key: string;
  value: string;
}

export interface FlowDef {
  id: string;
  namespace: string;
  revision?: number;
  inputs: InputDefinition[];
  /** `variables`, raw (never rendered when read). */
  variables?: Record<string, unknown>;
  tasks: TaskDef[];
  errors: TaskDef[];
  outputs: FlowOutputDef[];
  labels: Label[];
  /** Flow-wide retry fallback (plain). */
  retry?: Record<string, unknown>;
  disabled: boolean;
  /** Plugin defaults, kept for tasks built at run time (TemplatedTask). */
  pluginDefaults: PluginDefault[];
  /** Absolute path of the file, when loaded from one (Subflow lookup starts there). */
  filePath?: string;
  /** Deprecated `listeners` are present (the engine does not run them and says so). */
  hasListeners?: boolean;
}

export function isDisabled(task: TaskDef): boolean {
  return task.props.disabled === true;
}

/** Every task of the flow at every depth. */
export function* allTasks(tasks: TaskDef[]): Generator<TaskDef> {
  for (const task of tasks) {
    yield task;
    for (const list of Object.values(task.lists)) if (list) yield* allTasks(list);
    for (const entry of task.cases) yield* allTasks(entry.tasks);
  }
}
