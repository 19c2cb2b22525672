// What the language features and the engine know about a plugin type. Built from the bundled
// catalog (schemas/catalog.json) and, when configured, from a Kestra server's flow schema.

export type PluginKind = 'task' | 'trigger' | 'condition' | 'taskRunner';

/** How a task is executed: on a worker, by the executor with children, or by the executor itself. */
export type TaskCategory = 'runnable' | 'flowable' | 'executable';

export interface PluginProperty {
  name: string;
  /** Short display type: `string`, `integer`, `boolean`, `duration`, `list<string>`, `map<string, string>`, `tasks`, `object`… */
  type: string;
  required: boolean;
  default?: unknown;
  enum?: string[];
  /** Rendered with Pebble before use. */
  dynamic: boolean;
  deprecated?: boolean;
  beta?: boolean;
  /** Markdown, our own words. */
  description: string;
  /** Nested fields of an object-typed property (e.g. Request `options`), same shape. */
  properties?: PluginProperty[];
  /** The JSON schema of the value, as it appears in the flow schema. */
  schema: Record<string, unknown>;
}

export interface PluginOutput {
  name: string;
  type: string;
  description: string;
}

export interface PluginExample {
  title?: string;
  code: string;
}

export interface PluginSpec {
  /** Canonical class name, e.g. `io.kestra.plugin.core.http.Request`. */
  type: string;
  kind: PluginKind;
  /** Deprecated older names that resolve to this type. */
  aliases: string[];
  /** For tasks. */
  category?: TaskCategory;
  title: string;
  /** Markdown, our own words. */
  description: string;
  deprecated?: boolean;
  beta?: boolean;
  properties: PluginProperty[];
  outputs: PluginOutput[];
  examples: PluginExample[];
  /** False when the spec was derived from a server schema that lists no outputs. */
  outputsKnown: boolean;
}

export interface ResolvedType {
  spec: PluginSpec;
  /** True when the name used was an alias (deprecated) or differed in case. */
  viaAlias: boolean;
  caseDiffers: boolean;
}

/** An input type (`STRING`, `INT`, `JSON`…) with its own properties beyond the common ones. */
export interface InputTypeSpec {
  type: string;
  description: string;
  deprecated?: boolean;
  /** Type-specific properties (e.g. `validator`, `min`, `values`); the common ones are in `commonInputProperties`. */
  properties: PluginProperty[];
}

/** Where the plugin definitions came from, reported to the client. */
export type CatalogSource = 'bundled' | 'server' | 'file';

/**
 * What every consumer (validation, completion, hover, engine) reads. Implemented by `PluginCatalog`
 * in ./catalog.ts. Type lookup is case-insensitive and alias-aware, as in Kestra.
 */
export interface Catalog {
  readonly source: CatalogSource;
  /** Resolves a type name (canonical, alias, any case) to its spec. */
  resolve(type: string): ResolvedType | undefined;
  /** Every plugin of a kind, canonical names only, sorted by type. */
  plugins(kind: PluginKind): PluginSpec[];
  /** Properties of the flow itself (`id`, `namespace`, `inputs`, `tasks`…). */
  flowProperties: PluginProperty[];
  /** Properties every task accepts (`id`, `type`, `description`, `retry`, `timeout`, `runIf`…). */
  commonTaskProperties: PluginProperty[];
  /** Properties every trigger accepts. */
  commonTriggerProperties: PluginProperty[];
  inputTypes: InputTypeSpec[];
  /** Properties every input accepts (`id`, `type`, `description`, `required`, `defaults`, `dependsOn`…). */
  commonInputProperties: PluginProperty[];
  /** The flow JSON schema (draft-07, Kestra's server shape) that validation compiles. */
  schema: Record<string, unknown>;
}
