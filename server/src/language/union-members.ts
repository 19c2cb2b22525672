// Retry policies and SLAs are not plugins: they are `type`-discriminated families (`constant`,
// `exponential`, `random`; `MAX_DURATION`, `EXECUTION_ASSERTION`) that the catalog gives only as the
// display types `retry` and `sla`. Their members are read from the catalog's flow schema.
import { UNION_KEYS } from '../flow/catalog-data';
import { isObject, readPropertyList, SchemaReader, type JsonSchema } from '../flow/catalog-schema-read';
import type { Catalog, PluginProperty } from '../flow/catalog-types';

export type UnionName = 'retry' | 'sla';

export interface UnionMember {
  /** The `type` value that selects this member. */
  value: string;
  description: string;
  /** The member's properties, `type` first as an enum of every member's value. */
  properties: PluginProperty[];
}

const cache = new WeakMap<Catalog, Map<UnionName, UnionMember[]>>();

export function unionMembers(catalog: Catalog, name: UnionName): UnionMember[] {
  let byName = cache.get(catalog);
  if (!byName) {
    byName = new Map();
    cache.set(catalog, byName);
  }
  let members = byName.get(name);
  if (!members) {
    members = readMembers(catalog.schema, UNION_KEYS[name]);
    byName.set(name, members);
  }
  return members;
}

/** Properties of every member, each name once, for a mapping whose `type` is not chosen yet. */
export function mergedProperties(members: UnionMember[]): PluginProperty[] {
  const seen = new Set<string>();
  const result: PluginProperty[] = [];
  for (const member of members) {
    for (const property of member.properties) {
      if (seen.has(property.name)) continue;
      seen.add(property.name);
      // Required only for some members: not required until the member is known.
      result.push(property.name === 'type' ? property : { ...property, required: false });
    }
  }
  return result;
}

function readMembers(schema: Record<string, unknown>, unionKey: string): UnionMember[] {
  const definitions = isObject(schema.definitions) ? (schema.definitions as Record<string, JsonSchema>) : {};
  const reader = new SchemaReader(definitions);
  const union = definitions[unionKey];
  if (!union || !Array.isArray(union.oneOf)) return [];
  const found: { value: string; body: JsonSchema }[] = [];
  for (const option of union.oneOf) {
    if (!isObject(option)) continue;
    const member = reader.deref(option);
    const value = discriminator(reader, member);
    const body = reader.objectBody(member);
    if (value !== undefined && body) found.push({ value, body });
  }
  const values = found.map((f) => f.value);
  return found.map(({ value, body }) => {
    const properties = readPropertyList(reader, body);
    const own = properties.find((p) => p.name === 'type');
    const type: PluginProperty = {
      name: 'type',
      type: 'enum',
      enum: values,
      required: true,
      dynamic: false,
      description: own?.description ?? '',
      schema: { type: 'string', enum: values },
    };
    const description = typeof body.markdownDescription === 'string' ? body.markdownDescription : '';
    return { value, description, properties: [type, ...properties.filter((p) => p.name !== 'type')] };
  });
}

/** The `type` const of a member, from its `-2` wrapper (`allOf: [{$ref}, {properties: {type: {const}}}]`). */
function discriminator(reader: SchemaReader, member: JsonSchema): string | undefined {
  for (const part of reader.parts(member)) {
    const properties = isObject(part.properties) ? part.properties : undefined;
    const type = properties && isObject(properties.type) ? properties.type : undefined;
    if (type && typeof type.const === 'string') return type.const;
  }
  return undefined;
}
