// Reads a `properties:` mapping of the catalog source (name → spec) and checks each entry.
import type { SourceProperty } from './source-types';
import { Reader, describe, type Json } from './source-reader';
import { parseTypeExpression, typeNodes, type TypeNode } from './type-expression';

const CONSTRAINTS = ['pattern', 'minimum', 'maximum', 'minLength', 'maxLength', 'minItems'];
const PROPERTY_KEYS = [
  ...CONSTRAINTS,
  'type',
  'required',
  'default',
  'enum',
  'dynamic',
  'property',
  'deprecated',
  'beta',
  'description',
  'class',
  'properties',
];

export function readProperties(reader: Reader): SourceProperty[] {
  const result: SourceProperty[] = [];
  for (const [name, spec] of reader.map()) {
    const property = readProperty(name, reader.at(`property '${name}'`, spec));
    if (property) result.push(property);
  }
  return result;
}

function readProperty(name: string, reader: Reader): SourceProperty | undefined {
  if (!/^[A-Za-z_][\w]*$/.test(name)) reader.error('property names are identifiers');
  reader.map(PROPERTY_KEYS);
  const typeText = reader.string('type', true);
  const description = reader.string('description', true) ?? '';
  if (typeText === undefined) return undefined;
  let node: TypeNode;
  try {
    node = parseTypeExpression(typeText);
  } catch (error) {
    reader.error((error as Error).message);
    return undefined;
  }
  const property: SourceProperty = {
    name,
    type: typeText,
    required: reader.boolean('required') ?? false,
    dynamic: reader.boolean('dynamic'),
    property: reader.boolean('property') ?? false,
    deprecated: reader.boolean('deprecated') ?? false,
    beta: reader.boolean('beta') ?? false,
    description,
    constraints: {},
  };
  if (property.property && property.dynamic === false) reader.error('a Property<T> field is always dynamic');
  const enumValues = reader.strings('enum');
  const usesLocalEnum = [...typeNodes(node)].some((n) => n.kind === 'enum' && n.name === undefined);
  if (usesLocalEnum && enumValues.length === 0) reader.error(`type '${typeText}' needs an 'enum' list`);
  if (!usesLocalEnum && enumValues.length > 0)
    reader.error(`'enum' given but type '${typeText}' has no 'enum'`);
  if (enumValues.length > 0) property.enum = enumValues;
  const defaultValue = reader.field('default');
  if (defaultValue !== undefined) {
    checkDefault(node, defaultValue, enumValues, reader);
    property.default = defaultValue;
  }
  for (const key of CONSTRAINTS) {
    const value = reader.field(key);
    if (value !== undefined) property.constraints[key] = value;
  }
  const className = reader.string('class', false);
  const nested = reader.field('properties');
  if (className !== undefined || nested !== undefined) {
    const objectLike = [...typeNodes(node)].some((n) => n.kind === 'atom' && n.name === 'object');
    if (!objectLike) reader.error(`'class'/'properties' need an 'object' in the type, found '${typeText}'`);
    if (className !== undefined) property.class = className;
    if (nested !== undefined) property.properties = readProperties(reader.with(nested));
  }
  return property;
}

/** Checks that a default has the declared type (enough to catch slips; the schema test does the rest). */
function checkDefault(node: TypeNode, value: Json, enumValues: string[], reader: Reader): void {
  if (!matchesType(node, value, enumValues)) {
    reader.error(`default ${describe(value)} does not fit type '${displayNode(node)}'`);
  }
}

function matchesType(node: TypeNode, value: Json, enumValues: string[]): boolean {
  switch (node.kind) {
    case 'union':
      return node.options.some((option) => matchesType(option, value, enumValues));
    case 'list':
      return Array.isArray(value) && value.every((item) => matchesType(node.item, item, enumValues));
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'enum':
      return typeof value === 'string' && (node.name !== undefined || enumValues.includes(value));
    case 'model':
      return typeof value === 'object' && value !== null;
    case 'atom':
      if (node.name === 'integer') return Number.isInteger(value);
      if (node.name === 'number') return typeof value === 'number';
      if (node.name === 'boolean') return typeof value === 'boolean';
      if (node.name === 'any') return true;
      if (node.name === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
      return typeof value === 'string';
  }
}

function displayNode(node: TypeNode): string {
  if (node.kind === 'union') return node.options.map(displayNode).join(' | ');
  if (node.kind === 'atom') return node.name;
  return node.kind;
}
