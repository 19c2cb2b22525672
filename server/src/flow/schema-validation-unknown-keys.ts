// Kestra rejects unknown properties at parse time, but its schema does not forbid them: this walk
// flags keys absent from an object's definition, and deprecated properties that are set. Free-form
// maps (`variables`, `labels`, Subflow `inputs`, `headers`, any `additionalProperties` map) are
// left alone, and typed objects in plugin slots are walked against their own definition elsewhere.
import type { FlowDiagnostic } from './diagnostic';
import { containsPebble } from './expression-sites';
import { fitsType } from './schema-validation-branches';
import type { Owner } from './schema-validation-errors';
import { isSchemaObject, type JsonSchema, type SchemaIndex } from './schema-validation-index';
import type { Segment } from './schema-validation-locate';
import { closestName } from './schema-validation-suggest';

export interface KeyProblem {
  path: Segment[];
  code: 'unknown-property' | 'deprecated-property' | 'blueprint-metadata';
  severity: FlowDiagnostic['severity'];
  message: string;
  data?: Record<string, unknown>;
}

/** Replacements Kestra documents for deprecated properties. */
const REPLACEMENTS: Record<string, string> = { taskDefaults: 'pluginDefaults', name: 'id' };

function isDeprecated(index: SchemaIndex, schema: JsonSchema): boolean {
  if (schema.$deprecated === true || schema.$deprecated === 'true') return true;
  return (
    Array.isArray(schema.allOf) &&
    schema.allOf.some((p) => isSchemaObject(p) && !('$ref' in p) && p.$deprecated === true)
  );
}

function where(path: Segment[], owner: Owner): string {
  const parent = [...path.slice(0, -1)].reverse().find((s) => typeof s === 'string' && !/^\d+$/.test(s));
  return parent ? `\`${String(parent)}\` of ${owner.name}` : owner.name;
}

export function findKeyProblems(
  index: SchemaIndex,
  schema: unknown,
  data: unknown,
  owner: Owner,
  isRoot: boolean,
): KeyProblem[] {
  const problems: KeyProblem[] = [];

  const walk = (current: unknown, value: unknown, path: Segment[], depth: number): void => {
    if (depth > 64 || !isSchemaObject(current) || index.parts(current).some((part) => index.union(part)))
      return;
    if (typeof value === 'string' && containsPebble(value)) return;
    if (Array.isArray(value)) {
      const items = index.keyword(current, 'items');
      if (isSchemaObject(items)) value.forEach((item, i) => walk(items, item, [...path, i], depth + 1));
      else walkBranch(current, value, path, depth);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const properties = index.properties(current);
    const extra = index.additionalProperties(current);
    if (!properties) {
      if (extra) for (const [key, v] of Object.entries(value)) walk(extra, v, [...path, key], depth + 1);
      else walkBranch(current, value, path, depth);
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      const property = properties.get(key);
      const keyPath = [...path, key];
      if (property) {
        if (isDeprecated(index, property)) {
          const replacement = REPLACEMENTS[key];
          problems.push({
            path: keyPath,
            code: 'deprecated-property',
            severity: 'warning',
            message:
              `'${key}' is deprecated for ${where(keyPath, owner)}` +
              (replacement
                ? `: use '${replacement}' instead.`
                : ': Kestra still accepts it but plans to remove it.'),
            data: replacement ? { replacement } : undefined,
          });
        }
        walk(property, v, keyPath, depth + 1);
      } else if (extra) {
        walk(extra, v, keyPath, depth + 1);
      } else if (isRoot && path.length === 0 && key === 'extend') {
        problems.push({
          path: keyPath,
          code: 'blueprint-metadata',
          severity: 'information',
          message:
            '`extend` is blueprint metadata, not a flow property: remove it before saving this flow to Kestra.',
        });
      } else {
        const suggestion = closestName(key, properties.keys());
        problems.push({
          path: keyPath,
          code: 'unknown-property',
          severity: 'error',
          message:
            `Unknown property '${key}' for ${where(keyPath, owner)}.` +
            (suggestion
              ? ` Did you mean '${suggestion}'?`
              : ' Kestra rejects unknown properties: remove it or fix its name.'),
          data: suggestion ? { suggestion } : undefined,
        });
      }
    }
  };

  /** A non-discriminated oneOf/anyOf: walk the one branch that fits the value's shape, if only one does. */
  const walkBranch = (current: JsonSchema, value: unknown, path: Segment[], depth: number): void => {
    const branches = index.keyword(current, 'oneOf') ?? index.keyword(current, 'anyOf');
    if (!Array.isArray(branches)) return;
    const fitting = branches.filter((b) => fitsType(index, b, value));
    if (fitting.length === 1) walk(fitting[0], value, path, depth + 1);
  };

  walk(schema, data, [], 0);
  return problems;
}
