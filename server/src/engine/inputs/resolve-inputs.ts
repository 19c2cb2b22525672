// Resolution of all flow inputs (FlowInputOutput.resolveInputs): provided value or `defaults`,
// dependencies first, `dependsOn.condition`, SELECT/MULTISELECT `expression`, required check,
// parsing and validation. Rendering and file upload are injected so this stays free of I/O.
import type { PebbleMap, PebbleValue } from '../../expr/values';
import type { InputDefinition } from './input-definition';
import { parseInputValue } from './parse-input';

export interface ResolvedInput {
  definition: InputDefinition;
  /** False when a dependency is disabled or `dependsOn.condition` is not `true`: the input is left out. */
  enabled: boolean;
  value: PebbleValue;
  error?: string;
}

export interface InputResolverHooks {
  /** Typed rendering of `expression` with `inputs` = the dependency values (nested by dots). */
  renderTyped(expression: string, inputs: PebbleMap): PebbleValue;
  /** Stores a local file given to a FILE input; returns its `kestra:///…` URI. Throws with a reason. */
  uploadFile?(input: InputDefinition, localPath: string): string;
}

/** Resolves every input; errors are kept per input (the first one is what Kestra reports). */
export function resolveInputs(
  definitions: InputDefinition[],
  provided: Record<string, unknown>,
  hooks: InputResolverHooks,
): ResolvedInput[] {
  const byId = new Map<string, InputDefinition>();
  for (const definition of definitions) if (!byId.has(definition.id)) byId.set(definition.id, definition);
  const resolved = new Map<string, ResolvedInput>();

  const resolve = (definition: InputDefinition, resolving: Set<string>): ResolvedInput => {
    const done = resolved.get(definition.id);
    if (done) return done;
    const raw = provided[definition.id] ?? definition.defaults ?? null;
    const dependencies: ResolvedInput[] = [];
    resolving.add(definition.id);
    for (const id of definition.dependsOn?.inputs ?? []) {
      const dependency = byId.get(id);
      // Unknown ids and self-references are ignored at run time; a cycle is a validation error.
      if (!dependency || id === definition.id || resolving.has(id)) continue;
      dependencies.push(resolve(dependency, resolving));
    }
    resolving.delete(definition.id);
    const result = resolveOne(definition, raw, dependencies, hooks);
    resolved.set(definition.id, result);
    return result;
  };

  for (const definition of byId.values()) resolve(definition, new Set());
  return [...byId.values()].map((definition) => resolved.get(definition.id) as ResolvedInput);
}

function resolveOne(
  original: InputDefinition,
  raw: unknown,
  dependencies: ResolvedInput[],
  hooks: InputResolverHooks,
): ResolvedInput {
  let definition = original;
  const scope = nestInputs(new Map(dependencies.map((d) => [d.definition.id, d.value])));
  let enabled = dependencies.every((dependency) => dependency.enabled);
  const condition = definition.dependsOn?.condition;
  if (enabled && condition !== undefined) {
    try {
      enabled = hooks.renderTyped(condition, scope) === true;
    } catch (error) {
      return {
        definition,
        enabled: false,
        value: raw as PebbleValue,
        error: `Invalid condition: ${messageOf(error)}`,
      };
    }
  }
  if (!enabled) return { definition, enabled: false, value: null };

  if (
    (definition.type === 'SELECT' || definition.type === 'MULTISELECT') &&
    definition.expression !== undefined
  ) {
    let rendered: PebbleValue;
    try {
      rendered = hooks.renderTyped(definition.expression, scope);
    } catch (error) {
      return {
        definition,
        enabled,
        value: null,
        error: `Cannot render 'expression'. Cause: ${messageOf(error)}`,
      };
    }
    if (!Array.isArray(rendered)) {
      const type = rendered === null ? '<null>' : Array.isArray(rendered) ? 'List' : javaSimpleName(rendered);
      return {
        definition,
        enabled,
        value: null,
        error: `Invalid expression result. Expected a list of strings, but received ${type}`,
      };
    }
    const values = rendered
      .filter((item) => item !== null)
      .map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
    definition = { ...definition, values, options: undefined };
  }

  const parsed = parseInputValue(definition, raw);
  if (!parsed.ok) return { definition, enabled, value: null, error: parsed.message };
  let value = parsed.value;
  if (
    definition.type === 'FILE' &&
    typeof value === 'string' &&
    !value.startsWith('kestra://') &&
    hooks.uploadFile
  ) {
    try {
      value = hooks.uploadFile(definition, value);
    } catch (error) {
      const message = `java.lang.Exception: Expected \`FILE\` but received \`${value}\` with errors:\n\`\`\`\n${messageOf(error)}\n\`\`\``;
      return {
        definition,
        enabled,
        value: null,
        error: `Invalid input for \`${definition.id}\`, ${message}, but received \`${value}\``,
      };
    }
  }
  return { definition, enabled, value };
}

function javaSimpleName(value: PebbleValue): string {
  if (typeof value === 'string') return 'String';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Long' : 'Double';
  return 'LinkedHashMap';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The `inputs` variable: ids split on dots into nested maps (MapUtils.flattenToNestedMap), top-level
 * keys sorted as in Kestra's TreeMap. Throws on `a` and `a.b` both being leaves.
 */
export function nestInputs(flat: Map<string, PebbleValue>): PebbleMap {
  const result: PebbleMap = {};
  const allKeys = [...flat.keys()];
  for (const [id, value] of flat) {
    const keys = id.split('.');
    let current: PebbleMap = result;
    for (let i = 0; i < keys.length - 1; i++) {
      const existing = current[keys[i]];
      if (existing === undefined) current[keys[i]] = {};
      else if (existing === null || typeof existing !== 'object' || Array.isArray(existing)) {
        throw new Error(
          `Conflict at key: '${keys.slice(0, i + 1).join('.')}'. Map keys are: [${allKeys.join(', ')}]`,
        );
      }
      current = current[keys[i]] as PebbleMap;
    }
    const last = keys[keys.length - 1];
    if (last in current) throw new Error(`Conflict at key: '${last}', Map keys are: [${allKeys.join(', ')}]`);
    current[last] = value;
  }
  const sorted: PebbleMap = {};
  for (const key of Object.keys(result).sort()) sorted[key] = result[key];
  return sorted;
}
