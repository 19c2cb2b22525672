// Builds schemas/flow.schema.json from the catalog source, in the shape of a Kestra server's
// `GET /api/v1/plugins/schemas/flow` (§7.2): definitions keyed by Java class, plugin unions as
// oneOf of $refs, `type`-discriminated families as pairs.
import { FLOW_KEY, UNION_KEYS } from '../../server/src/flow/catalog-data';
import { NEVER, SchemaContext, requiredNames, type Schema } from './schema-context';
import type { CatalogSource, SourcePlugin, SourceProperty, SourceUnion } from './source-types';

export const SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

export function buildFlowSchema(source: CatalogSource): Schema {
  const context = new SchemaContext(source);
  const definitions = context.definitions;
  definitions[FLOW_KEY] = context.objectSchema(source.flow, NEVER);
  for (const plugin of source.plugins) definitions[plugin.type] = pluginDefinition(plugin, source, context);
  const byKind = (predicate: (plugin: SourcePlugin) => boolean): Schema => ({
    oneOf: source.plugins
      .filter(predicate)
      .map((plugin) => plugin.type)
      .sort()
      .map((type) => ({ $ref: `#/definitions/${type}` })),
  });
  definitions[UNION_KEYS.task] = byKind((p) => p.kind === 'task');
  definitions[UNION_KEYS.trigger] = byKind((p) => p.kind === 'trigger');
  definitions[UNION_KEYS.condition] = byKind((p) => p.kind === 'condition');
  definitions[UNION_KEYS.scheduleCondition] = byKind((p) => p.kind === 'condition' && p.schedule);
  definitions[UNION_KEYS.taskRunner] = byKind((p) => p.kind === 'taskRunner');
  for (const union of [source.inputs, source.retry, source.sla]) addUnion(union, context);
  const sorted: Record<string, Schema> = {};
  for (const key of Object.keys(definitions).sort()) sorted[key] = definitions[key];
  return { $schema: SCHEMA_DRAFT, $ref: `#/definitions/${FLOW_KEY}`, definitions: sorted };
}

/** A plugin's own properties merged with the common ones of its kind (own ones win). */
export function allPluginProperties(plugin: SourcePlugin, source: CatalogSource): SourceProperty[] {
  const common = plugin.kind === 'task' ? source.task : plugin.kind === 'trigger' ? source.trigger : [];
  const own = new Map(plugin.properties.map((p) => [p.name, p]));
  const head = common.filter((p) => p.name === 'id' || p.name === 'type');
  const rest = common.filter((p) => !own.has(p.name) && p.name !== 'id' && p.name !== 'type');
  return [...head, ...plugin.properties, ...rest];
}

function pluginDefinition(plugin: SourcePlugin, source: CatalogSource, context: SchemaContext): Schema {
  const properties = allPluginProperties(plugin, source);
  const own = new Set(plugin.properties);
  const schema = context.objectSchema(properties, (property) => own.has(property));
  const props = schema.properties as Record<string, Schema>;
  props.type = { const: plugin.type };
  if (!properties.some((p) => p.name === 'type')) schema.required = ['type', ...requiredNames(properties)];
  schema.title = plugin.title;
  schema.markdownDescription = pluginMarkdown(plugin);
  if (plugin.deprecated) schema.$deprecated = 'true';
  if (plugin.beta) schema.$beta = true;
  return schema;
}

/** The description followed by the examples, as the server renders `$examples`. */
export function pluginMarkdown(plugin: SourcePlugin): string {
  const examples = plugin.examples.map((example) => {
    const title = example.title ? `> ${example.title}\n` : '';
    return `${title}\`\`\`${example.lang}\n${example.code}\n\`\`\``;
  });
  return `${plugin.description}\n\n##### Examples\n${examples.join('\n\n')}`;
}

/** `key` = oneOf of every `X-2`; `X-2` = allOf [X-1, {type const}]; `X-1` = the member's fields. */
function addUnion(union: SourceUnion, context: SchemaContext): void {
  const refs: Schema[] = [];
  for (const member of union.members) {
    const own = new Map(member.properties.map((p) => [p.name, p]));
    const properties = [
      ...union.common.map((p) => own.get(p.name) ?? p),
      ...member.properties.filter((p) => !union.common.some((c) => c.name === p.name)),
    ];
    const plain = context.objectSchema(properties, NEVER);
    plain.markdownDescription = member.description;
    if (member.deprecated) plain.$deprecated = 'true';
    context.definitions[`${member.class}-1`] = plain;
    context.definitions[`${member.class}-2`] = {
      allOf: [
        { $ref: `#/definitions/${member.class}-1` },
        { type: 'object', properties: { type: { const: member.value } } },
      ],
    };
    refs.push({ $ref: `#/definitions/${member.class}-2` });
  }
  context.definitions[union.key] = { oneOf: refs };
}
