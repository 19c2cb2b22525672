// Kestra injects plugin defaults before it validates a flow (§1.9): a required property given by
// `pluginDefaults` is not missing. Same matching (the type or a package prefix of it, plus the
// canonical name of an aliased default) and merge (nested maps merge, lists concatenate, nulls never
// override; non-forced defaults under the object, forced ones over it).
import type { Catalog } from './catalog-types';

export interface PluginDefaultEntry {
  type: string;
  forced: boolean;
  values: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `winner` over `base`. */
export function mergeValues(
  base: Record<string, unknown>,
  winner: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(winner)) {
    const current = out[key];
    if (value === null || value === undefined) continue;
    if (isRecord(current) && isRecord(value)) out[key] = mergeValues(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) out[key] = [...current, ...value];
    else out[key] = value;
  }
  return out;
}

export function readPluginDefaults(root: Record<string, unknown>): PluginDefaultEntry[] {
  const entries: PluginDefaultEntry[] = [];
  for (const key of ['pluginDefaults', 'taskDefaults']) {
    const list = root[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (isRecord(item) && typeof item.type === 'string' && isRecord(item.values)) {
        entries.push({ type: item.type, forced: item.forced === true, values: item.values });
      }
    }
  }
  return entries;
}

function applies(entry: PluginDefaultEntry, written: string, canonical: string, catalog: Catalog): boolean {
  if (written.startsWith(entry.type) || canonical.startsWith(entry.type)) return true;
  return catalog.resolve(entry.type)?.spec.type === canonical;
}

/** The object as Kestra validates it: with the matching plugin defaults merged in. */
export function withPluginDefaults(
  data: Record<string, unknown>,
  written: string,
  canonical: string,
  defaults: PluginDefaultEntry[],
  catalog: Catalog,
): Record<string, unknown> {
  let result = data;
  for (const entry of defaults) {
    if (entry.forced || !applies(entry, written, canonical, catalog)) continue;
    result = mergeValues(entry.values, result);
  }
  for (const entry of [...defaults].reverse()) {
    if (!entry.forced || !applies(entry, written, canonical, catalog)) continue;
    result = mergeValues(result, entry.values);
  }
  return result;
}
