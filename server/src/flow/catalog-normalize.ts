// Prepares a parsed flow for validation against a Kestra flow schema, doing what the server does
// before its own checks: plugin `type`s are matched case-insensitively and through aliases (the
// schema's `const` is the canonical name only), and a `key: null` is the same as an absent key.
import type { Catalog } from './catalog-types';

export interface PreparedFlow {
  /** A copy with canonical plugin types and without null-valued keys. */
  value: unknown;
  /** Dotted `type` names the catalog does not know (plugins missing from the catalog). */
  unknownTypes: string[];
}

/** Keys whose values are data, input definitions or type prefixes, never plugin objects. */
const DATA_KEYS = new Set(['pluginDefaults', 'taskDefaults', 'variables', 'inputs', 'labels', 'values']);

export function prepareForSchema(flow: unknown, catalog: Catalog): PreparedFlow {
  const unknownTypes = new Set<string>();
  const walk = (value: unknown, inData: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => walk(item, inData));
    if (typeof value !== 'object' || value === null) return value;
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === null) continue;
      result[key] = walk(item, inData || DATA_KEYS.has(key));
    }
    if (!inData && typeof result.type === 'string' && result.type.includes('.')) {
      const resolved = catalog.resolve(result.type);
      if (resolved) result.type = resolved.spec.type;
      else unknownTypes.add(result.type);
    }
    return result;
  };
  return { value: walk(flow, false), unknownTypes: [...unknownTypes].sort() };
}
