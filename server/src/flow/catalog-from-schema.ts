// Builds catalog data from any flow schema in the server's shape (the bundled one, or one downloaded
// from a Kestra server with hundreds of plugins). Plugins are the definitions that a plugin union
// (tasks, triggers, conditions, task runners) references; the rest comes from the Flow definition.
import { FLOW_KEY, PLUGIN_UNIONS, UNION_KEYS, type CatalogData } from './catalog-data';
import type { InputTypeSpec, PluginExample, PluginKind, PluginProperty, PluginSpec } from './catalog-types';
import {
  SchemaReader,
  descriptionOf,
  isObject,
  readPropertyList,
  refKey,
  type JsonSchema,
} from './catalog-schema-read';

/** Reads a server-shaped schema; throws an Error naming the first structural problem. */
export function catalogDataFromSchema(schema: unknown): CatalogData {
  if (!isObject(schema)) throw new Error('the flow schema must be a JSON object');
  const definitions = schema.definitions;
  if (!isObject(definitions)) throw new Error("the flow schema has no 'definitions' object");
  for (const [key, value] of Object.entries(definitions)) {
    if (!isObject(value)) throw new Error(`the flow schema definition '${key}' is not an object`);
  }
  const reader = new SchemaReader(definitions as Record<string, JsonSchema>);
  const rootKey = refKey(schema) ?? FLOW_KEY;
  const flow = reader.definitions[rootKey];
  if (!flow || !isObject(flow.properties)) {
    throw new Error(`the flow schema has no flow definition '${rootKey}' with properties`);
  }
  const flowProps = flow.properties as JsonSchema;
  const unions = new Map<string, PluginKind>(PLUGIN_UNIONS);
  const itemsRef = (name: string): string | undefined => {
    const property = flowProps[name];
    return isObject(property) && isObject(property.items) ? refKey(property.items) : undefined;
  };
  const taskUnion = itemsRef('tasks');
  if (taskUnion) unions.set(taskUnion, 'task');
  const triggerUnion = itemsRef('triggers');
  if (triggerUnion) unions.set(triggerUnion, 'trigger');
  const plugins = readPlugins(reader, unions);
  if (!plugins.some((plugin) => plugin.kind === 'task')) {
    throw new Error(`the flow schema defines no task types (no '${taskUnion ?? UNION_KEYS.task}' union)`);
  }
  const inputs = readInputs(reader, itemsRef('inputs') ?? UNION_KEYS.input);
  return {
    version: 1,
    plugins,
    flowProperties: readPropertyList(reader, flow),
    commonTaskProperties: commonProperties(plugins.filter((p) => p.kind === 'task')),
    commonTriggerProperties: commonProperties(plugins.filter((p) => p.kind === 'trigger')),
    inputTypes: inputs.types,
    commonInputProperties: inputs.common,
  };
}

function unionMembers(reader: SchemaReader, key: string): string[] {
  const union = reader.definitions[key];
  if (union === undefined) return [];
  const options = unionOptions(reader, union, 0);
  if (!options) throw new Error(`the flow schema union '${key}' has no oneOf list`);
  return options
    .map((option) => (isObject(option) ? refKey(option) : undefined))
    .filter((k) => k !== undefined);
}

/** The oneOf/anyOf list of a union, also when it sits behind a $ref or inside an allOf wrapper. */
function unionOptions(reader: SchemaReader, schema: JsonSchema, depth: number): unknown[] | undefined {
  if (depth > 5) return undefined;
  const options = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(options)) return options;
  if (refKey(schema) !== undefined) return unionOptions(reader, reader.deref(schema), depth + 1);
  if (!Array.isArray(schema.allOf)) return undefined;
  for (const part of schema.allOf) {
    const found = isObject(part) ? unionOptions(reader, part, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * The fields of a union member: the definition itself, merged with its allOf parts (the `X-2`
 * wrapper of an `X-1` definition, or a base class part), and the `type` const found in any of them.
 */
function memberBody(reader: SchemaReader, key: string): { body: JsonSchema; constType?: string } | undefined {
  const definition = reader.definitions[key];
  if (!definition) return undefined;
  const parts = [definition];
  if (Array.isArray(definition.allOf)) {
    for (const part of definition.allOf) if (isObject(part)) parts.push(reader.deref(part));
  }
  const withFields = parts.filter((part) => isObject(part.properties));
  if (withFields.length === 0) return undefined;
  const constType = parts.map(constOf).find((type) => type !== undefined);
  if (withFields.length === 1) return { body: withFields[0], constType };
  // Merged: the plain fields first, a part that only pins `type` last.
  const ordered = [...withFields].sort((a, b) => Number(onlyType(a)) - Number(onlyType(b)));
  const body: JsonSchema = { ...ordered[0], properties: {}, required: [] };
  for (const part of ordered) {
    const fields = body.properties as JsonSchema;
    if (onlyType(part)) fields.type ??= (part.properties as JsonSchema).type;
    else Object.assign(fields, part.properties);
    if (Array.isArray(part.required)) (body.required as unknown[]).push(...part.required);
    for (const keyword of ['title', 'markdownDescription', 'description', '$deprecated', '$beta']) {
      if (body[keyword] === undefined && part[keyword] !== undefined) body[keyword] = part[keyword];
    }
  }
  return { body, constType };
}

function onlyType(schema: JsonSchema): boolean {
  const properties = schema.properties;
  return isObject(properties) && Object.keys(properties).length === 1 && 'type' in properties;
}

function constOf(schema: JsonSchema): string | undefined {
  const properties = schema.properties;
  const type = isObject(properties) ? properties.type : undefined;
  return isObject(type) && typeof type.const === 'string' ? type.const : undefined;
}

function readPlugins(reader: SchemaReader, unions: Map<string, PluginKind>): PluginSpec[] {
  const specs = new Map<string, PluginSpec>();
  for (const [unionKey, kind] of unions) {
    for (const key of unionMembers(reader, unionKey)) {
      const member = memberBody(reader, key);
      if (!member)
        throw new Error(`the flow schema definition '${key}' (in '${unionKey}') has no properties`);
      const type = member.constType;
      if (!type) throw new Error(`the flow schema definition '${key}' has no 'type' const`);
      if (specs.has(type)) continue;
      specs.set(type, pluginSpec(reader, type, kind, member.body));
    }
  }
  return [...specs.values()].sort((a, b) => a.type.localeCompare(b.type));
}

function pluginSpec(reader: SchemaReader, type: string, kind: PluginKind, body: JsonSchema): PluginSpec {
  const properties = readPropertyList(reader, body);
  const deprecated = body.$deprecated === true || body.$deprecated === 'true';
  const spec: PluginSpec = {
    type,
    kind,
    aliases: [],
    title: typeof body.title === 'string' ? body.title : '',
    description: descriptionOf(reader, { markdownDescription: body.markdownDescription ?? body.description }),
    properties,
    outputs: [],
    examples: examplesOf(body.markdownDescription),
    outputsKnown: false,
  };
  if (kind === 'task')
    spec.category = properties.some((p) => p.type === 'tasks' || p.type === 'task') ? 'flowable' : 'runnable';
  if (deprecated) spec.deprecated = true;
  if (body.$beta === true) spec.beta = true;
  return spec;
}

/** Examples the server appended to a type's Markdown: `> title` lines and fenced blocks. */
function examplesOf(markdown: unknown): PluginExample[] {
  if (typeof markdown !== 'string') return [];
  const start = markdown.indexOf('##### Examples\n');
  if (start < 0) return [];
  const examples: PluginExample[] = [];
  const pattern = /(?:^> ?(.*)\n)?^```[\w-]*\n([\s\S]*?)\n```/gm;
  for (const match of markdown.slice(start).matchAll(pattern)) {
    examples.push(match[1] ? { title: match[1].trim(), code: match[2] } : { code: match[2] });
  }
  return examples;
}

/**
 * Properties every plugin of a kind has, in the order of the first one; each takes the schema most
 * plugins use (a plugin may redefine one, as Pause does with `timeout`).
 */
function commonProperties(plugins: PluginSpec[]): PluginProperty[] {
  if (plugins.length === 0) return [];
  if (plugins.length === 1) return plugins[0].properties.filter((p) => p.name === 'id' || p.name === 'type');
  const names = plugins[0].properties
    .map((p) => p.name)
    .filter((name) => plugins.every((plugin) => plugin.properties.some((p) => p.name === name)));
  return names.map((name) =>
    mostCommon(plugins.flatMap((plugin) => plugin.properties.filter((p) => p.name === name))),
  );
}

function mostCommon(properties: PluginProperty[]): PluginProperty {
  const counts = new Map<string, { count: number; property: PluginProperty }>();
  for (const property of properties) {
    const key = JSON.stringify(property.schema);
    const entry = counts.get(key) ?? { count: 0, property };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count)[0].property;
}

function readInputs(
  reader: SchemaReader,
  unionKey: string,
): { types: InputTypeSpec[]; common: PluginProperty[] } {
  const members: { value: string; body: JsonSchema; properties: PluginProperty[] }[] = [];
  for (const key of unionMembers(reader, unionKey)) {
    const member = memberBody(reader, key);
    if (!member?.constType) continue;
    members.push({
      value: member.constType,
      body: member.body,
      properties: readPropertyList(reader, member.body),
    });
  }
  if (members.length === 0) return { types: [], common: [] };
  const common = commonProperties(members.map((m) => ({ properties: m.properties }) as PluginSpec));
  const commonSchemas = new Map(common.map((p) => [p.name, JSON.stringify(p.schema)]));
  const types = members.map((member): InputTypeSpec => {
    const spec: InputTypeSpec = {
      type: member.value,
      description: descriptionOf(reader, member.body),
      properties: member.properties.filter((p) => commonSchemas.get(p.name) !== JSON.stringify(p.schema)),
    };
    if (member.body.$deprecated === true || member.body.$deprecated === 'true') spec.deprecated = true;
    return spec;
  });
  return { types, common };
}
