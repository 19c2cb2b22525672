// Cross-file checks of the catalog source: unique type names and aliases (case-insensitively, as
// Kestra matches them), known @Model and #Enum references, one shape per nested class.
import { isDeepStrictEqual } from 'node:util';
import type { CatalogSource, SourceProperty } from './source-types';
import { parseTypeExpression, typeNodes } from './type-expression';

export function checkReferences(source: CatalogSource, errors: string[]): void {
  const names = new Map<string, string>();
  for (const plugin of source.plugins) {
    for (const name of [plugin.type, ...plugin.aliases]) {
      const key = name.toLowerCase();
      const previous = names.get(key);
      if (previous) errors.push(`${plugin.file}: ${plugin.type}: '${name}' is already used by ${previous}`);
      else names.set(key, `${plugin.file}: ${plugin.type}`);
    }
  }
  const classes = new Map<string, { where: string; properties: SourceProperty[] | undefined }>();
  const visit = (properties: SourceProperty[], where: string): void => {
    for (const property of properties) {
      const here = `${where}: property '${property.name}'`;
      checkType(property, here);
      if (property.class) {
        const previous = classes.get(property.class);
        if (!previous) classes.set(property.class, { where: here, properties: property.properties });
        else if (
          !isDeepStrictEqual(stripDescriptions(previous.properties), stripDescriptions(property.properties))
        ) {
          errors.push(`${here}: class '${property.class}' has other properties in ${previous.where}`);
        }
      }
      if (property.properties) visit(property.properties, here);
    }
  };
  const checkType = (property: SourceProperty, where: string): void => {
    for (const node of typeNodes(parseTypeExpression(property.type))) {
      if (node.kind === 'model' && !source.models.has(node.name))
        errors.push(`${where}: unknown model '@${node.name}'`);
      if (node.kind === 'enum' && node.name !== undefined && !source.enums.has(node.name)) {
        errors.push(`${where}: unknown enum '#${node.name}'`);
      }
    }
  };
  for (const plugin of source.plugins) visit(plugin.properties, `${plugin.file}: ${plugin.type}`);
  for (const key of ['flow', 'task', 'trigger'] as const) visit(source[key], key);
  for (const key of ['inputs', 'retry', 'sla'] as const) {
    visit(source[key].common, key);
    for (const member of source[key].members) visit(member.properties, `${key}: ${member.value}`);
  }
  for (const model of source.models.values()) visit(model.properties, `model '${model.name}'`);
}

/** Shared classes may be described differently per plugin; their fields must agree. */
function stripDescriptions(properties: SourceProperty[] | undefined): unknown {
  return properties?.map(({ description: _description, properties: nested, ...rest }) => ({
    ...rest,
    properties: stripDescriptions(nested),
  }));
}
