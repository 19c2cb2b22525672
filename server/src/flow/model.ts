// The flow model: what a Kestra flow document says, with the YAML nodes and exact ranges kept,
// so that every feature can point back at the text.
import type { Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { Range } from './range';

/** A scalar value with where it sits in the text. */
export interface Located<T> {
  value: T;
  range: Range;
  node: Scalar;
}

/** A slot of a flowable task (or of the flow) that holds child tasks. */
export type TaskSlot =
  'tasks' | 'errors' | 'then' | 'else' | 'defaults' | 'cases' | 'finally' | 'afterExecution' | 'listeners';

export interface TaskModel {
  node: YAMLMap;
  /** Range of the whole task mapping. */
  range: Range;
  id?: Located<string>;
  type?: Located<string>;
  /** The enclosing task, absent at the top level. */
  parent?: TaskModel;
  /** Which list of the parent (or of the flow) holds this task; `cases` also gives `caseKey`. */
  slot: TaskSlot;
  caseKey?: string;
  /** For a Dag child: the `{task, dependsOn}` item and its dependencies. */
  dagItem?: YAMLMap;
  dependsOn: Located<string>[];
  children: TaskModel[];
  /** Position in a depth-first walk of the whole document, in text order. */
  order: number;
  /** Nesting depth, 0 at the top level. */
  depth: number;
}

export interface InputModel {
  node: YAMLMap;
  range: Range;
  id?: Located<string>;
  type?: Located<string>;
  /** `name` is the pre-0.15 spelling of `id`. */
  usesDeprecatedName: boolean;
  dependsOn: Located<string>[];
}

export interface TriggerModel {
  node: YAMLMap;
  range: Range;
  id?: Located<string>;
  type?: Located<string>;
}

export interface NamedEntry {
  key: Located<string>;
  pair: Pair;
  value: Node | null;
}

export interface FlowOutputModel {
  node: YAMLMap;
  range: Range;
  id?: Located<string>;
  type?: Located<string>;
}

export interface FlowModel {
  root: YAMLMap;
  id?: Located<string>;
  namespace?: Located<string>;
  inputs: InputModel[];
  variables: NamedEntry[];
  /** Top-level `tasks`. */
  tasks: TaskModel[];
  /** Flow-level `errors` (and `finally`/`afterExecution` of newer servers). */
  errors: TaskModel[];
  /** Every task at every depth, in text order. */
  allTasks: TaskModel[];
  triggers: TriggerModel[];
  outputs: FlowOutputModel[];
  /** Top-level keys as written, for unknown-key checks and completion. */
  keys: Map<string, Pair>;
}
