// Builds schemas/catalog.json (CatalogData): the specs the server bundles, with display types,
// outputs and examples, and each property's schema exactly as it appears in flow.schema.json.
import { CATALOG_DATA_VERSION, FLOW_KEY, type CatalogData } from '../../server/src/flow/catalog-data';
import type { InputTypeSpec, PluginProperty, PluginSpec } from '../../server/src/flow/catalog-types';
import { SchemaContext, type Schema } from './schema-context';
import type { CatalogSource, SourcePlugin, SourceProperty } from './source-types';
import { displayType, parseTypeExpression, typeNodes } from './type-expression';

export function buildCatalogData(source: CatalogSource, schema: Schema): CatalogData {
  const definitions = schema.definitions as Record<string, Schema>;
  const propsOf = (key: string): Record<string, Schema> =>
    (definitions[key]?.properties ?? {}) as Record<string, Schema>;
  // Common properties are read from a plugin of that kind that overrides none of them.
  const firstOfKind = (kind: 'task' | 'trigger'): Record<string, Schema> => {
    const common = new Set(source[kind].map((p) => p.name));
    const plain = source.plugins.find(
      (p) => p.kind === kind && p.properties.every((own) => !common.has(own.name)),
    );
    return propsOf(plain?.type ?? '');
  };
  const convert = (properties: SourceProperty[], schemas: Record<string, Schema>): PluginProperty[] =>
    properties.map((p) => toPluginProperty(p, schemas[p.name] ?? {}, source, definitions));
  // Every input type overrides `defaults`, so the common list gets schemas of its own.
  const context = new SchemaContext(source);
  const commonInputSchemas = Object.fromEntries(
    source.inputs.common.map((p) => [p.name, context.propertySchema(p, false)]),
  );
  return {
    version: CATALOG_DATA_VERSION,
    plugins: source.plugins
      .map((plugin) => toPluginSpec(plugin, convert(plugin.properties, propsOf(plugin.type))))
      .sort((a, b) => a.type.localeCompare(b.type)),
    flowProperties: convert(source.flow, propsOf(FLOW_KEY)),
    commonTaskProperties: convert(source.task, firstOfKind('task')),
    commonTriggerProperties: convert(source.trigger, firstOfKind('trigger')),
    commonInputProperties: convert(source.inputs.common, commonInputSchemas),
    inputTypes: source.inputs.members.map((member): InputTypeSpec => ({
      type: member.value,
      description: member.description,
      ...(member.deprecated ? { deprecated: true } : {}),
      properties: convert(member.properties, propsOf(`${member.class}-1`)),
    })),
  };
}

function toPluginSpec(plugin: SourcePlugin, properties: PluginProperty[]): PluginSpec {
  return {
    type: plugin.type,
    kind: plugin.kind,
    aliases: plugin.aliases,
    ...(plugin.category ? { category: plugin.category } : {}),
    title: plugin.title,
    description: plugin.description,
    ...(plugin.deprecated ? { deprecated: true } : {}),
    ...(plugin.beta ? { beta: true } : {}),
    properties,
    outputs: plugin.outputs,
    examples: plugin.examples.map((e) => (e.title ? { title: e.title, code: e.code } : { code: e.code })),
    outputsKnown: true,
  };
}

function toPluginProperty(
  property: SourceProperty,
  schema: Schema,
  source: CatalogSource,
  definitions: Record<string, Schema>,
): PluginProperty {
  const node = parseTypeExpression(property.type);
  const nodes = [...typeNodes(node)];
  const namedEnum = nodes.find((n) => n.kind === 'enum' && n.name !== undefined);
  const enumValues =
    property.enum ??
    (namedEnum?.kind === 'enum' && namedEnum.name ? source.enums.get(namedEnum.name) : undefined);
  const model = nodes.find((n) => n.kind === 'model');
  const nested =
    property.properties ?? (model?.kind === 'model' ? source.models.get(model.name)?.properties : undefined);
  const result: PluginProperty = {
    name: property.name,
    type: displayType(node),
    required: property.required && property.default === undefined,
    ...(property.default !== undefined ? { default: property.default } : {}),
    ...(enumValues ? { enum: enumValues } : {}),
    dynamic: property.dynamic ?? property.property,
    ...(property.deprecated ? { deprecated: true } : {}),
    ...(property.beta ? { beta: true } : {}),
    description: property.description,
    schema,
  };
  if (nested) {
    const fields = (objectBody(schema, definitions).properties ?? {}) as Record<string, Schema>;
    result.properties = nested.map((p) => toPluginProperty(p, fields[p.name] ?? {}, source, definitions));
  }
  return result;
}

/** The object schema holding the fields of a value: follows allOf[0], $ref and array items. */
function objectBody(schema: Schema, definitions: Record<string, Schema>): Schema {
  let current = schema;
  for (let depth = 0; depth < 5 && !current.properties; depth++) {
    const ref = current.$ref;
    if (typeof ref === 'string') current = definitions[ref.replace('#/definitions/', '')] ?? {};
    else if (Array.isArray(current.allOf)) current = current.allOf[0] as Schema;
    else if (current.items) current = current.items as Schema;
    else break;
  }
  return current;
}
