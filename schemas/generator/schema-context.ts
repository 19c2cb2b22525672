// Turns source properties into JSON schema fragments in the shape a Kestra server serves (§7.2),
// adding the definitions they reference (models, nested classes) as it goes.
import { stringify as toYaml } from 'yaml';
import { EXPRESSION_PATTERN, UNION_KEYS } from '../../server/src/flow/catalog-data';
import type { CatalogSource, SourceProperty } from './source-types';
import { acceptsExpressionAlternative, parseTypeExpression, type TypeNode } from './type-expression';

export type Schema = Record<string, unknown>;

const REF = (key: string): Schema => ({ $ref: `#/definitions/${key}` });

const ATOM_SCHEMAS: Record<string, () => Schema> = {
  string: () => ({ type: 'string' }),
  integer: () => ({ type: 'integer' }),
  number: () => ({ type: 'number' }),
  boolean: () => ({ type: 'boolean' }),
  any: () => ({}),
  object: () => ({ type: 'object' }),
  duration: () => ({ type: 'string', format: 'duration' }),
  datetime: () => ({ type: 'string', format: 'date-time' }),
  date: () => ({ type: 'string', format: 'date' }),
  time: () => ({ type: 'string', format: 'partial-time' }),
  'offset-time': () => ({ type: 'string', format: 'time' }),
  uri: () => ({ type: 'string', format: 'uri' }),
  task: () => REF(UNION_KEYS.task),
  tasks: () => ({ type: 'array', items: REF(UNION_KEYS.task) }),
  trigger: () => REF(UNION_KEYS.trigger),
  condition: () => REF(UNION_KEYS.condition),
  'schedule-condition': () => REF(UNION_KEYS.scheduleCondition),
  input: () => REF(UNION_KEYS.input),
  retry: () => REF(UNION_KEYS.retry),
  sla: () => REF(UNION_KEYS.sla),
  labels: () => ({
    oneOf: [{ type: 'array', items: REF('io.kestra.core.models.Label') }, { type: 'object' }],
  }),
};

export const ALWAYS = (): boolean => true;
export const NEVER = (): boolean => false;

export class SchemaContext {
  readonly definitions: Record<string, Schema> = {};

  constructor(private readonly source: CatalogSource) {}

  /** The schema of one property value, with its documentation keywords. */
  propertySchema(property: SourceProperty, withDynamic: boolean): Schema {
    const node = parseTypeExpression(property.type);
    let value = this.typeSchema(node, property);
    if (property.property && acceptsExpressionAlternative(node)) {
      value = { oneOf: [value, { type: 'string', pattern: EXPRESSION_PATTERN }] };
    }
    Object.assign(value, property.constraints);
    const attributes: Schema = {};
    if (property.default !== undefined) attributes.default = property.default;
    attributes.markdownDescription = withDefaultSentence(property.description, property.default);
    const explicit = property.dynamic !== undefined || property.property;
    if (withDynamic || explicit) attributes.$dynamic = property.dynamic ?? property.property;
    if (property.deprecated) attributes.$deprecated = true;
    if (property.beta) attributes.$beta = true;
    // In draft-07 keywords beside a $ref are ignored, so the generator puts them in an allOf.
    if ('$ref' in value) return { allOf: [value, attributes] };
    return { ...value, ...attributes };
  }

  /**
   * `{type: object, properties, required}` for a list of properties. Plugin fields always carry
   * `$dynamic` (as `@PluginProperty` does); other fields only when the source says it.
   */
  objectSchema(properties: SourceProperty[], withDynamic: (property: SourceProperty) => boolean): Schema {
    const result: Schema = { type: 'object', properties: {} };
    const props = result.properties as Record<string, Schema>;
    for (const property of properties)
      props[property.name] = this.propertySchema(property, withDynamic(property));
    const required = requiredNames(properties);
    if (required.length > 0) result.required = required;
    return result;
  }

  private typeSchema(node: TypeNode, property: SourceProperty): Schema {
    switch (node.kind) {
      case 'union':
        return { oneOf: node.options.map((option) => this.typeSchema(option, property)) };
      case 'list': {
        const items = this.typeSchema(node.item, property);
        return Object.keys(items).length === 0 ? { type: 'array' } : { type: 'array', items };
      }
      case 'map': {
        const value = this.typeSchema(node.value, property);
        return Object.keys(value).length === 0
          ? { type: 'object' }
          : { type: 'object', additionalProperties: value };
      }
      case 'enum':
        return { type: 'string', enum: node.name ? this.source.enums.get(node.name) : property.enum };
      case 'model':
        return REF(this.defineModel(node.name));
      case 'atom':
        if (node.name === 'object' && property.properties) return this.nestedObject(property);
        if (node.name === 'labels') this.defineModel('Label');
        return ATOM_SCHEMAS[node.name]();
    }
  }

  private nestedObject(property: SourceProperty): Schema {
    const nested = property.properties ?? [];
    if (!property.class) return this.objectSchema(nested, ALWAYS);
    if (!this.definitions[property.class]) {
      this.definitions[property.class] = {};
      this.definitions[property.class] = this.objectSchema(nested, ALWAYS);
    }
    return REF(property.class);
  }

  /** Adds a model's definition (once) and returns its key. */
  defineModel(name: string): string {
    const model = this.source.models.get(name);
    if (!model) throw new Error(`unknown model '@${name}'`);
    if (!this.definitions[model.class]) {
      this.definitions[model.class] = {};
      const schema = this.objectSchema(model.properties, NEVER);
      if (model.description) schema.markdownDescription = model.description;
      this.definitions[model.class] = schema;
    }
    return model.class;
  }
}

/** Required in the schema: declared required and without a default (§7.2). */
export function requiredNames(properties: SourceProperty[]): string[] {
  return properties.filter((p) => p.required && p.default === undefined).map((p) => p.name);
}

export function withDefaultSentence(description: string, defaultValue: unknown): string {
  if (defaultValue === undefined) return description;
  return `${description}\n\nDefault value is : \`${yamlForm(defaultValue)}\``;
}

function yamlForm(value: unknown): string {
  return toYaml(value, { lineWidth: 0 }).trim();
}
