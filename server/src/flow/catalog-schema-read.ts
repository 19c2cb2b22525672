// Reading properties out of a flow schema in the server's shape (§7.2): following $ref/allOf,
// finding documentation keywords wherever the generator put them, and naming value types.
import { EXPRESSION_PATTERN, UNION_KEYS } from './catalog-data';
import type { PluginProperty } from './catalog-types';

export type JsonSchema = Record<string, unknown>;

export function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function refKey(schema: JsonSchema): string | undefined {
  const ref = schema.$ref;
  return typeof ref === 'string' && ref.startsWith('#/definitions/')
    ? ref.slice('#/definitions/'.length)
    : undefined;
}

/** Reads the definitions of a schema, following `$ref`s; unknown keys resolve to `{}`. */
export class SchemaReader {
  constructor(readonly definitions: Record<string, JsonSchema>) {}

  deref(schema: JsonSchema): JsonSchema {
    let current = schema;
    for (let i = 0; i < 10; i++) {
      const key = refKey(current);
      if (key === undefined) return current;
      current = this.definitions[key] ?? {};
    }
    return current;
  }

  /**
   * The schema itself, then the inline members it is made of (allOf, oneOf branches), then the
   * referenced ones: a property's own keywords win over those of the class it points to.
   */
  parts(schema: JsonSchema): JsonSchema[] {
    const inline: JsonSchema[] = [];
    const referenced: JsonSchema[] = [];
    for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
      const members = schema[keyword];
      if (!Array.isArray(members)) continue;
      for (const member of members) {
        if (!isObject(member)) continue;
        if (refKey(member) === undefined) inline.push(member);
        else referenced.push(this.deref(member));
      }
    }
    return [schema, ...inline, ...referenced];
  }

  /** First value of a keyword found on the schema or its parts. */
  attribute(schema: JsonSchema, keyword: string): unknown {
    for (const part of this.parts(schema)) if (part[keyword] !== undefined) return part[keyword];
    return undefined;
  }

  /** The object schema that holds the fields of a value: through $ref, allOf and array items. */
  objectBody(schema: JsonSchema, depth = 0): JsonSchema | undefined {
    if (depth > 6) return undefined;
    const target = this.deref(schema);
    if (isObject(target.properties)) return target;
    for (const keyword of ['allOf'] as const) {
      const members = target[keyword];
      if (Array.isArray(members)) {
        for (const member of members) {
          const body = isObject(member) ? this.objectBody(member, depth + 1) : undefined;
          if (body) return body;
        }
      }
    }
    if (isObject(target.items)) return this.objectBody(target.items, depth + 1);
    return undefined;
  }

  /** Short type name (`string`, `list<string>`, `tasks`, `duration`…), like the bundled catalog's. */
  displayType(schema: JsonSchema, depth = 0): string {
    if (depth > 6) return 'any';
    const key = refKey(schema);
    if (key !== undefined) return displayOfRef(key);
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const options = schema[keyword];
      if (Array.isArray(options)) {
        const real = options.filter((o) => isObject(o) && !isExpressionAlternative(o)) as JsonSchema[];
        if (isLabels(options)) return 'labels';
        return real.map((o) => this.displayType(o, depth + 1)).join(' | ') || 'string';
      }
    }
    if (Array.isArray(schema.allOf)) {
      const first = schema.allOf.find(
        (m) => isObject(m) && (refKey(m) !== undefined || m.type !== undefined),
      );
      if (isObject(first)) return this.displayType(first, depth + 1);
    }
    if (Array.isArray(schema.enum)) return 'enum';
    if (schema.const !== undefined) return 'string';
    switch (schema.type) {
      case 'string':
        return FORMATS[String(schema.format)] ?? 'string';
      case 'integer':
      case 'number':
      case 'boolean':
        return schema.type;
      case 'array': {
        const item = isObject(schema.items) ? this.displayType(schema.items, depth + 1) : 'any';
        return item === 'task' ? 'tasks' : `list<${item}>`;
      }
      case 'object':
        if (isObject(schema.additionalProperties)) {
          return `map<string, ${this.displayType(schema.additionalProperties, depth + 1)}>`;
        }
        return isObject(schema.properties) ? 'object' : 'map<string, any>';
      default:
        return 'any';
    }
  }

  /** Enum values of a value, of its items, or of a referenced enum. */
  enumValues(schema: JsonSchema): string[] | undefined {
    for (const part of this.parts(schema)) {
      const values = Array.isArray(part.enum)
        ? part.enum
        : isObject(part.items)
          ? this.deref(part.items).enum
          : undefined;
      if (Array.isArray(values) && values.every((v) => typeof v === 'string')) return values as string[];
    }
    return undefined;
  }
}

const FORMATS: Record<string, string> = {
  duration: 'duration',
  'date-time': 'datetime',
  date: 'date',
  'partial-time': 'time',
  time: 'time',
  uri: 'uri',
};

function displayOfRef(key: string): string {
  if (key === UNION_KEYS.task || key.endsWith('.Task')) return 'task';
  if (key === UNION_KEYS.trigger) return 'trigger';
  if (key === UNION_KEYS.condition || key === UNION_KEYS.scheduleCondition) return 'condition';
  if (key === UNION_KEYS.taskRunner) return 'taskRunner';
  if (key === UNION_KEYS.input || key.startsWith('io.kestra.core.models.flows.Input')) return 'input';
  if (key === UNION_KEYS.retry) return 'retry';
  if (key === UNION_KEYS.sla) return 'sla';
  return 'object';
}

export function isExpressionAlternative(schema: JsonSchema): boolean {
  return schema.type === 'string' && schema.pattern === EXPRESSION_PATTERN;
}

/** Kestra's list-or-map of labels: `oneOf [array of Label, object]`. */
function isLabels(options: unknown[]): boolean {
  return (
    options.length === 2 &&
    options.some((o) => isObject(o) && isObject(o.items) && refKey(o.items)?.endsWith('.Label') === true) &&
    options.some((o) => isObject(o) && o.type === 'object')
  );
}

const DEFAULT_SENTENCE = /\n*Default value is : `[\s\S]*`\s*$/;
const EXAMPLES_HEADING = /\n*##### Examples\n[\s\S]*$/;

/** Description text of a schema: title and Markdown, without the appended default and examples. */
export function descriptionOf(reader: SchemaReader, schema: JsonSchema): string {
  const title = reader.attribute(schema, 'title');
  const markdown = reader.attribute(schema, 'markdownDescription') ?? reader.attribute(schema, 'description');
  const body =
    typeof markdown === 'string' ? markdown.replace(EXAMPLES_HEADING, '').replace(DEFAULT_SENTENCE, '') : '';
  const parts = [typeof title === 'string' ? title.trim() : '', body.trim()].filter((p) => p !== '');
  if (parts.length === 2 && parts[1].startsWith(parts[0])) return parts[1];
  return parts.join('\n\n');
}

/** Properties of an object schema as catalog properties, nested fields included (not across plugins). */
export function readPropertyList(
  reader: SchemaReader,
  body: JsonSchema,
  seen = new Set<JsonSchema>(),
): PluginProperty[] {
  const properties = isObject(body.properties) ? body.properties : {};
  const required = new Set(
    Array.isArray(body.required) ? body.required.filter((r) => typeof r === 'string') : [],
  );
  const result: PluginProperty[] = [];
  for (const [name, value] of Object.entries(properties)) {
    if (!isObject(value)) continue;
    result.push(readProperty(reader, name, value, required.has(name), seen));
  }
  return result;
}

function readProperty(
  reader: SchemaReader,
  name: string,
  schema: JsonSchema,
  required: boolean,
  seen: Set<JsonSchema>,
): PluginProperty {
  const property: PluginProperty = {
    name,
    type: reader.displayType(schema),
    required,
    dynamic: reader.attribute(schema, '$dynamic') === true,
    description: descriptionOf(reader, schema),
    schema,
  };
  const defaultValue = reader.attribute(schema, 'default');
  if (defaultValue !== undefined) property.default = defaultValue;
  const enumValues = reader.enumValues(schema);
  if (enumValues) property.enum = enumValues;
  const deprecated = reader.attribute(schema, '$deprecated');
  if (deprecated === true || deprecated === 'true') property.deprecated = true;
  if (reader.attribute(schema, '$beta') === true) property.beta = true;
  const body = nestedBody(reader, schema);
  if (body && !seen.has(body)) {
    const nested = readPropertyList(reader, body, new Set([...seen, body]));
    if (nested.length > 0) property.properties = nested;
  }
  return property;
}

/** Nested fields are read for plain objects only, never through a plugin (a `type` const) or a union. */
function nestedBody(reader: SchemaReader, schema: JsonSchema): JsonSchema | undefined {
  const body = reader.objectBody(schema);
  if (!body || !isObject(body.properties)) return undefined;
  const type = (body.properties as JsonSchema).type;
  if (isObject(type) && type.const !== undefined) return undefined;
  return body;
}
