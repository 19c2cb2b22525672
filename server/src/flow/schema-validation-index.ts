// Read-only helpers over a flow JSON schema in Kestra's server shape (§7.2): follow `$ref`s, merge
// `allOf` parts, find `type`-discriminated unions (plugin slots, inputs, retry, SLA).

export type JsonSchema = Record<string, unknown>;

export interface UnionInfo {
  /** Discriminator value (`io.kestra.plugin.core.log.Log`, `STRING`, `constant`) → definition key. */
  branches: Map<string, string>;
  /** True when the values are plugin class names (matched case-insensitively, aliases allowed). */
  plugin: boolean;
}

const DEFINITION_PREFIX = '#/definitions/';

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

export class SchemaIndex {
  readonly definitions: Record<string, JsonSchema>;
  private readonly unions = new Map<JsonSchema, UnionInfo | null>();

  constructor(readonly root: JsonSchema) {
    this.definitions = isObject(root.definitions) ? (root.definitions as Record<string, JsonSchema>) : {};
  }

  /** Definition key of a local `$ref`, e.g. `#/definitions/io.kestra.plugin.core.log.Log`. */
  definitionKey(ref: unknown): string | undefined {
    if (typeof ref !== 'string' || !ref.startsWith(DEFINITION_PREFIX)) return undefined;
    const key = decodePointerSegment(ref.slice(DEFINITION_PREFIX.length));
    return key in this.definitions ? key : undefined;
  }

  /** The key of the root definition (the Flow). */
  rootKey(): string | undefined {
    return this.definitionKey(this.root.$ref);
  }

  /** Follows `$ref` chains to the schema they point at (local definitions only). */
  resolve(schema: unknown): JsonSchema | undefined {
    let current: unknown = schema;
    for (let depth = 0; depth < 32 && isObject(current); depth++) {
      const key = this.definitionKey(current.$ref);
      if (key === undefined) return current;
      current = this.definitions[key];
    }
    return isObject(current) ? current : undefined;
  }

  /** The schema and its `allOf` parts (resolved, recursively): the pieces that all apply. */
  parts(schema: unknown, depth = 0): JsonSchema[] {
    const resolved = this.resolve(schema);
    if (!resolved || depth > 16) return [];
    const parts = [resolved];
    if (Array.isArray(resolved.allOf)) {
      for (const member of resolved.allOf) parts.push(...this.parts(member, depth + 1));
    }
    return parts;
  }

  /** Properties declared by a schema and its `allOf` parts; undefined when none declares any. */
  properties(schema: unknown): Map<string, JsonSchema> | undefined {
    let found: Map<string, JsonSchema> | undefined;
    for (const part of this.parts(schema)) {
      if (!isObject(part.properties)) continue;
      found ??= new Map();
      for (const [name, value] of Object.entries(part.properties)) {
        if (!found.has(name) && isObject(value)) found.set(name, value);
      }
    }
    return found;
  }

  /** Schema for keys not in `properties`: a schema, `false` (forbidden) or undefined (unspecified). */
  additionalProperties(schema: unknown): JsonSchema | false | undefined {
    for (const part of this.parts(schema)) {
      const extra = part.additionalProperties;
      if (extra === false) return false;
      if (extra === true) return {};
      if (isObject(extra)) return extra;
    }
    return undefined;
  }

  /** First value of `keyword` among a schema and its allOf parts. */
  keyword(schema: unknown, keyword: string): unknown {
    for (const part of this.parts(schema)) if (keyword in part) return part[keyword];
    return undefined;
  }

  /** The `type` const of a (discriminated) definition, through its allOf parts. */
  typeConst(schema: unknown): string | undefined {
    for (const part of this.parts(schema)) {
      const type = isObject(part.properties) ? part.properties.type : undefined;
      if (isObject(type) && typeof type.const === 'string') return type.const;
      if (
        isObject(type) &&
        Array.isArray(type.enum) &&
        type.enum.length === 1 &&
        typeof type.enum[0] === 'string'
      ) {
        return type.enum[0];
      }
    }
    return undefined;
  }

  /**
   * The discriminated union a schema is, when its `oneOf`/`anyOf` lists only `$ref`s to definitions
   * that each fix `type` (directly or through a `$ref` to such a union). Cached per schema object.
   */
  union(schema: unknown): UnionInfo | undefined {
    const resolved = this.resolve(schema);
    if (!resolved) return undefined;
    const cached = this.unions.get(resolved);
    if (cached !== undefined) return cached ?? undefined;
    this.unions.set(resolved, null); // guards against cycles while computing
    const info = this.computeUnion(resolved);
    this.unions.set(resolved, info ?? null);
    return info;
  }

  private computeUnion(schema: JsonSchema): UnionInfo | undefined {
    const branches = Array.isArray(schema.oneOf)
      ? schema.oneOf
      : Array.isArray(schema.anyOf)
        ? schema.anyOf
        : undefined;
    if (!branches || branches.length === 0) return undefined;
    const result = new Map<string, string>();
    for (const branch of branches) {
      const key = isObject(branch) ? this.definitionKey(branch.$ref) : undefined;
      if (key === undefined) return undefined;
      const value = this.typeConst(this.definitions[key]);
      if (value !== undefined) {
        if (!result.has(value)) result.set(value, key);
        continue;
      }
      // A union of unions (e.g. a slot listing a nested union definition).
      const nested = this.union(this.definitions[key]);
      if (!nested) return undefined;
      for (const [nestedValue, nestedKey] of nested.branches)
        if (!result.has(nestedValue)) result.set(nestedValue, nestedKey);
    }
    const values = [...result.keys()];
    return { branches: result, plugin: values.every((v) => v.includes('.')) };
  }
}

export function isSchemaObject(value: unknown): value is JsonSchema {
  return isObject(value);
}
