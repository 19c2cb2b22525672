// Reduces ajv's errors for a failed `oneOf`/`anyOf` (Property<T>, labels list-or-map, Log message
// string-or-list) to the errors of the one branch that fits the value's shape, as yaml-language-
// server does; when no branch fits, a single "must be a string or a list" error replaces them.
import type { ErrorObject } from 'ajv';
import { containsPebble } from './expression-sites';
import type { SchemaIndex } from './schema-validation-index';

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** The `type`s a schema allows (through $ref and allOf), or undefined when unconstrained. */
export function allowedTypes(index: SchemaIndex, schema: unknown): string[] | undefined {
  for (const part of index.parts(schema)) {
    if (part.kestraExpression === true) return ['string'];
    if (part.type !== undefined) return (Array.isArray(part.type) ? part.type : [part.type]).map(String);
    if (part.kestraUnion !== undefined) return ['object'];
    if (part.properties !== undefined) return ['object'];
    if (part.items !== undefined) return ['array'];
    if (part.const !== undefined) return [jsonType(part.const)];
    if (Array.isArray(part.enum)) return [...new Set(part.enum.map(jsonType))];
  }
  return undefined;
}

export function fitsType(index: SchemaIndex, schema: unknown, value: unknown): boolean {
  const parts = index.parts(schema);
  if (parts.some((p) => p.kestraExpression === true))
    return typeof value === 'string' && containsPebble(value);
  const types = allowedTypes(index, schema);
  if (!types) return true;
  const actual = jsonType(value);
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Branch index of an error inside `oneOf` at `schemaPath`, when its schema path shows it. */
function branchOf(error: ErrorObject, oneOfPath: string): number | undefined {
  if (!error.schemaPath.startsWith(`${oneOfPath}/`)) return undefined;
  const index = Number(error.schemaPath.slice(oneOfPath.length + 1).split('/')[0]);
  return Number.isInteger(index) ? index : undefined;
}

function reduce(index: SchemaIndex, failed: ErrorObject, inner: ErrorObject[]): ErrorObject[] {
  const branches = (Array.isArray(failed.schema) ? failed.schema : []) as unknown[];
  const fitting = branches.map((_, i) => i).filter((i) => fitsType(index, branches[i], failed.data));
  if (fitting.length === 0) {
    const expected = [...new Set(branches.flatMap((b) => allowedTypes(index, b) ?? []))];
    return [{ ...failed, keyword: 'type', params: { type: expected.length ? expected : ['a valid value'] } }];
  }
  const counts = fitting.map((i) => inner.filter((e) => branchOf(e, failed.schemaPath) === i).length);
  const chosen = fitting[counts.indexOf(Math.min(...counts))];
  const kept = inner.filter((e) => {
    const branch = branchOf(e, failed.schemaPath);
    if (branch !== undefined) return branch === chosen;
    // An error from a $ref'd branch: keep it unless it is another branch's shape mismatch.
    return (
      !(e.instancePath === failed.instancePath && e.keyword === 'type') && e.keyword !== 'kestraExpression'
    );
  });
  return kept.length > 0 ? kept : [{ ...failed, keyword: 'oneOf', params: {} }];
}

/**
 * Walks ajv's errors in order (a `oneOf` error comes after its branches' errors) and replaces each
 * failed union by the errors of its best branch.
 */
export function reduceBranchErrors(index: SchemaIndex, errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword !== 'oneOf' && error.keyword !== 'anyOf') {
      out.push(error);
      continue;
    }
    let start = out.length;
    while (start > 0 && isWithin(out[start - 1].instancePath, error.instancePath)) start--;
    const inner = out.splice(start);
    // Several branches matched (e.g. an expression for a `uri`): not a problem for a flow author.
    if ((error.params as { passingSchemas?: unknown }).passingSchemas) continue;
    out.push(...reduce(index, error, inner));
  }
  return out;
}
