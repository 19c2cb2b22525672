// Compiles a flow schema with ajv once per schema object (cached in a WeakMap), and each definition's
// validator lazily on first use: a server schema with hundreds of plugins only pays for the
// plugins a flow uses.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { containsPebble } from './expression-sites';
import { SchemaIndex, type JsonSchema, type UnionInfo } from './schema-validation-index';
import { rewriteSchema } from './schema-validation-rewrite';
import { FORMATS, UNCHECKED_FORMATS } from './schema-validation-formats';

/** A typed object met while validating: where it is, what it holds, which union it belongs to. */
export interface UnionHit {
  instancePath: string;
  data: unknown;
  union: UnionInfo;
}

export interface CompiledSchema {
  /** Index over the schema as given (for property lists, deprecations, unions). */
  index: SchemaIndex;
  /** Index over the rewritten schema that ajv's errors refer to. */
  rewrittenIndex: SchemaIndex;
  /** Validates `data` against a definition; returns ajv's errors and the typed objects found. */
  validate(definitionKey: string, data: unknown): { errors: ErrorObject[]; hits: UnionHit[] } | undefined;
}

const SCHEMA_KEY = 'kestra-flow';
const cache = new WeakMap<object, CompiledSchema>();

/** Set while a validator runs (validation is synchronous), so `kestraUnion` can report its hits. */
let collecting: { hits: UnionHit[]; seen: Set<string>; unions: UnionInfo[] } | undefined;

function pointer(key: string): string {
  return encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function createAjv(): Ajv {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    verbose: true,
    logger: false,
    validateSchema: false,
    // Server schemas hold Java patterns that are not valid in `u` mode.
    unicodeRegExp: false,
  });
  ajv.addKeyword({
    keyword: 'kestraUnion',
    schemaType: 'number',
    errors: false,
    validate: (id: number, data: unknown, _parent?: unknown, context?: { instancePath: string }) => {
      const path = context?.instancePath ?? '';
      if (collecting && !collecting.seen.has(path)) {
        collecting.seen.add(path);
        collecting.hits.push({ instancePath: path, data, union: collecting.unions[id] });
      }
      return true;
    },
  });
  ajv.addKeyword({
    keyword: 'kestraExpression',
    schemaType: 'boolean',
    validate: (_enabled: boolean, data: unknown) => typeof data === 'string' && containsPebble(data),
  });
  for (const [name, check] of Object.entries(FORMATS)) ajv.addFormat(name, check);
  for (const name of UNCHECKED_FORMATS) ajv.addFormat(name, true);
  return ajv;
}

export function compileSchema(schema: JsonSchema): CompiledSchema {
  const cached = cache.get(schema);
  if (cached) return cached;
  const index = new SchemaIndex(schema);
  const rewritten = rewriteSchema(index);
  const ajv = createAjv();
  ajv.addSchema(rewritten.schema, SCHEMA_KEY);
  const validators = new Map<string, ValidateFunction | null>();

  const validatorFor = (key: string): ValidateFunction | undefined => {
    let validator = validators.get(key);
    if (validator === undefined) {
      validator =
        key in index.definitions
          ? (ajv.getSchema(`${SCHEMA_KEY}#/definitions/${pointer(key)}`) ?? null)
          : null;
      validators.set(key, validator);
    }
    return validator ?? undefined;
  };

  const compiled: CompiledSchema = {
    index,
    rewrittenIndex: new SchemaIndex(rewritten.schema),
    validate(definitionKey, data) {
      const validator = validatorFor(definitionKey);
      if (!validator) return undefined;
      const previous = collecting;
      collecting = { hits: [], seen: new Set(), unions: rewritten.unions };
      try {
        validator(data);
        return { errors: [...(validator.errors ?? [])], hits: collecting.hits };
      } finally {
        collecting = previous;
      }
    },
  };
  cache.set(schema, compiled);
  return compiled;
}
