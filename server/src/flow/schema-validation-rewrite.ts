// Rewrites a server-shape flow schema for validation, leaving the original untouched:
// - a `type`-discriminated union (a task slot: oneOf of hundreds of $refs) becomes the custom
//   keyword `kestraUnion: <id>`, which only records where a typed object sits; each typed object is
//   then validated against its own definition, so errors never mix the branches of other types;
// - the `Property<T>` expression alternative `{type: string, pattern: ".*{{.*}}.*"}` becomes
//   `kestraExpression` (the pattern's `.` misses line breaks, and `{% %}` is Pebble too);
// - a `$dynamic` property accepts an expression string wherever it wants a number, enum, duration…
import { isSchemaObject, type JsonSchema, type SchemaIndex, type UnionInfo } from './schema-validation-index';

/** Keywords whose value is a schema. */
const SCHEMA_VALUED = new Set([
  'additionalProperties',
  'additionalItems',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
]);
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAYS = new Set(['allOf', 'anyOf', 'oneOf']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', 'dependencies']);
/** Keywords that restrict what a string may be, so an expression string would fail them. */
const STRING_RESTRICTIONS = [
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  '$ref',
  'oneOf',
  'anyOf',
  'allOf',
];

export interface RewrittenSchema {
  schema: JsonSchema;
  /** `kestraUnion` ids → the union they stand for. */
  unions: UnionInfo[];
}

function isExpressionAlternative(node: JsonSchema): boolean {
  return node.type === 'string' && typeof node.pattern === 'string' && node.pattern.includes('{{');
}

function isDynamic(node: JsonSchema): boolean {
  if (node.$dynamic === true) return true;
  return (
    Array.isArray(node.allOf) &&
    node.allOf.some((part) => isSchemaObject(part) && !('$ref' in part) && part.$dynamic === true)
  );
}

function acceptsAnyString(node: JsonSchema): boolean {
  const types = Array.isArray(node.type) ? node.type : [node.type];
  return types.includes('string') && STRING_RESTRICTIONS.every((keyword) => !(keyword in node));
}

function compiles(pattern: unknown): boolean {
  if (typeof pattern !== 'string') return false;
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

export function rewriteSchema(index: SchemaIndex): RewrittenSchema {
  const unions: UnionInfo[] = [];
  const unionIds = new Map<UnionInfo, number>();

  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!isSchemaObject(node)) return node;
    if (Array.isArray(node.oneOf) || Array.isArray(node.anyOf)) {
      const union = index.union(node);
      if (union) {
        let id = unionIds.get(union);
        if (id === undefined) {
          id = unions.push(union) - 1;
          unionIds.set(union, id);
        }
        const { oneOf: _oneOf, anyOf: _anyOf, ...rest } = node;
        return { ...rest, kestraUnion: id };
      }
    }
    if (isExpressionAlternative(node)) {
      const { pattern: _pattern, ...rest } = node;
      return { ...rest, kestraExpression: true };
    }
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && !compiles(value)) continue; // a Java-only regex: not checked
      if (SCHEMA_VALUED.has(key) || SCHEMA_ARRAYS.has(key) || key === 'items') out[key] = rewrite(value);
      else if (SCHEMA_MAPS.has(key) && isSchemaObject(value)) {
        out[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, rewrite(schema)]));
      } else out[key] = value;
    }
    if (isDynamic(node) && !acceptsAnyString(out))
      return { if: { kestraExpression: true }, then: true, else: out };
    return out;
  };

  return { schema: rewrite(index.root) as JsonSchema, unions };
}
