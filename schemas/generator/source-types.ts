// The hand-written catalog source (schemas/catalog/*.yaml) once read and checked.
import type { PluginKind, TaskCategory } from '../../server/src/flow/catalog-types';

export interface SourceProperty {
  name: string;
  /** Type expression, see type-expression.ts (`string`, `list<string>`, `map<any>`, `@Model`, `#Enum`, `a | b`…). */
  type: string;
  required: boolean;
  default?: unknown;
  enum?: string[];
  /** Rendered with Pebble; undefined when the source does not say (flow-level model fields). */
  dynamic?: boolean;
  /** A `Property<T>` field: dynamic, and a non-string T also accepts an expression string. */
  property: boolean;
  deprecated: boolean;
  beta: boolean;
  description: string;
  /** Java class of an object-typed value: its fields become a definition of that name. */
  class?: string;
  properties?: SourceProperty[];
  /** Extra JSON-schema constraints copied as they are (pattern, minimum, maxLength…). */
  constraints: Record<string, unknown>;
}

export interface SourceOutput {
  name: string;
  type: string;
  description: string;
}

export interface SourceExample {
  title?: string;
  code: string;
  lang: string;
  /** False for snippets that are not a whole flow (condition lists, a lone task). */
  full: boolean;
}

export interface SourcePlugin {
  file: string;
  type: string;
  kind: PluginKind;
  category?: TaskCategory;
  aliases: string[];
  title: string;
  description: string;
  deprecated: boolean;
  beta: boolean;
  /** For conditions: also usable where only schedule conditions are allowed. */
  schedule: boolean;
  properties: SourceProperty[];
  outputs: SourceOutput[];
  examples: SourceExample[];
}

/** One member of a `type`-discriminated family (inputs, retry policies, SLAs). */
export interface SourceUnionMember {
  value: string;
  class: string;
  description: string;
  deprecated: boolean;
  /** Member properties; one named like a common property replaces it. */
  properties: SourceProperty[];
}

export interface SourceUnion {
  key: string;
  common: SourceProperty[];
  members: SourceUnionMember[];
}

export interface SourceModel {
  name: string;
  class: string;
  description?: string;
  properties: SourceProperty[];
}

export interface CatalogSource {
  plugins: SourcePlugin[];
  flow: SourceProperty[];
  task: SourceProperty[];
  trigger: SourceProperty[];
  inputs: SourceUnion;
  retry: SourceUnion;
  sla: SourceUnion;
  models: Map<string, SourceModel>;
  enums: Map<string, string[]>;
}
