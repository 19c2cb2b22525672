// A flow input as the engine and the VS Code input form read it (Kestra's `Input<T>` and subclasses).
// Built from the plain YAML value of one `inputs` item.

export const INPUT_TYPES = [
  'STRING',
  'ENUM',
  'SELECT',
  'INT',
  'FLOAT',
  'BOOLEAN',
  'DATETIME',
  'DATE',
  'TIME',
  'DURATION',
  'FILE',
  'JSON',
  'URI',
  'SECRET',
  'ARRAY',
  'MULTISELECT',
  'YAML',
  'EMAIL',
] as const;

export type InputType = (typeof INPUT_TYPES)[number];

export interface InputDependsOn {
  inputs: string[];
  condition?: string;
}

export interface InputDefinition {
  id: string;
  type: InputType;
  /** Kestra's default is true. */
  required: boolean;
  /** The YAML value of `defaults`, literal (not rendered). Undefined when absent. */
  defaults?: unknown;
  description?: string;
  displayName?: string;
  dependsOn?: InputDependsOn;
  /** STRING/SECRET: a regex the whole value must match. */
  validator?: string;
  /** INT/FLOAT: numbers; DURATION: duration text or seconds. */
  min?: unknown;
  max?: unknown;
  /** DATETIME/DATE/TIME bounds, as written. */
  after?: unknown;
  before?: unknown;
  /** SELECT/ENUM/MULTISELECT allowed values (`options` is MULTISELECT's deprecated spelling). */
  values?: string[];
  options?: string[];
  expression?: string;
  allowCustomValue?: boolean;
  /** ARRAY/MULTISELECT element type (MULTISELECT defaults to STRING). */
  itemType?: InputType;
  /** FILE: extension of the stored file (default `.upl`). */
  extension?: string;
}

export function isInputType(value: unknown): value is InputType {
  return typeof value === 'string' && (INPUT_TYPES as readonly string[]).includes(value);
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => (item === null || item === undefined ? '' : String(item)));
}

function optionalString(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}

/**
 * Reads one `inputs` item. Returns a message instead when the item cannot be an input
 * (no id, unknown type); the caller locates it.
 */
export function inputDefinitionFromPlain(plain: unknown): InputDefinition | { error: string } {
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) {
    return { error: 'an input is a mapping with `id` and `type`' };
  }
  const item = plain as Record<string, unknown>;
  const id = optionalString(item.id) ?? optionalString(item.name);
  if (!id) return { error: 'the input has no `id`' };
  if (!isInputType(item.type)) {
    return {
      error: `input \`${id}\` has ${item.type === undefined ? 'no `type`' : `the unknown type \`${String(item.type)}\``}; use one of ${INPUT_TYPES.join(', ')}`,
    };
  }
  const definition: InputDefinition = {
    id,
    type: item.type,
    required: item.required === undefined || item.required === null ? true : item.required === true,
  };
  if ('defaults' in item && item.defaults !== null) definition.defaults = item.defaults;
  const description = optionalString(item.description);
  if (description !== undefined) definition.description = description;
  const displayName = optionalString(item.displayName);
  if (displayName !== undefined) definition.displayName = displayName;
  const dependsOn = item.dependsOn;
  if (dependsOn && typeof dependsOn === 'object' && !Array.isArray(dependsOn)) {
    const record = dependsOn as Record<string, unknown>;
    definition.dependsOn = { inputs: stringList(record.inputs) ?? [] };
    const condition = optionalString(record.condition);
    if (condition !== undefined) definition.dependsOn.condition = condition;
  }
  for (const key of ['min', 'max', 'after', 'before'] as const) {
    if (item[key] !== undefined && item[key] !== null) definition[key] = item[key];
  }
  const validator = optionalString(item.validator);
  if (validator !== undefined) definition.validator = validator;
  const values = stringList(item.values);
  if (values) definition.values = values;
  const options = stringList(item.options);
  if (options) definition.options = options;
  const expression = optionalString(item.expression);
  if (expression !== undefined) definition.expression = expression;
  if (item.allowCustomValue !== undefined) definition.allowCustomValue = item.allowCustomValue === true;
  if (isInputType(item.itemType)) definition.itemType = item.itemType;
  else if (item.type === 'MULTISELECT') definition.itemType = 'STRING';
  const extension = optionalString(item.extension);
  if (extension !== undefined) definition.extension = extension;
  return definition;
}
