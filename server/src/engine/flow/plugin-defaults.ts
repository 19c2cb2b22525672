// Plugin defaults (`pluginDefaults`, deprecated `taskDefaults`) as PluginDefaultService applies them:
// every map with a string `type` gets the values of each default whose type equals it or is a prefix
// of it; non-forced values go under the object's own, forced ones over them (the earlier forced wins).

export interface PluginDefault {
  type: string;
  forced: boolean;
  values: Record<string, unknown>;
}

type PlainMap = Record<string, unknown>;

function isPlainMap(value: unknown): value is PlainMap {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Reads the flow's `pluginDefaults` and `taskDefaults` lists; items without a type or values are skipped. */
export function readPluginDefaults(
  root: PlainMap,
  canonical: (type: string) => string | undefined,
): PluginDefault[] {
  const result: PluginDefault[] = [];
  for (const key of ['taskDefaults', 'pluginDefaults']) {
    const list = root[key];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (!isPlainMap(item) || typeof item.type !== 'string' || !isPlainMap(item.values)) continue;
      result.push({ type: item.type, forced: item.forced === true, values: item.values });
    }
  }
  // A default written with an alias also applies under the canonical name.
  for (const pluginDefault of [...result]) {
    const name = canonical(pluginDefault.type);
    if (name && name !== pluginDefault.type) result.push({ ...pluginDefault, type: name });
  }
  return result;
}

/** MapUtils.merge: `b` over `a`; maps merge deeply, lists concatenate, nulls never override. */
export function mergeMaps(a: PlainMap, b: PlainMap): PlainMap {
  const result: PlainMap = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const original = result[key];
    if (value === null || value === undefined) {
      if (!(key in result)) result[key] = null;
    } else if (original === null || original === undefined) {
      result[key] = value;
    } else if (isPlainMap(value) && isPlainMap(original)) {
      result[key] = mergeMaps(original, value);
    } else if (Array.isArray(value) && Array.isArray(original)) {
      result[key] = [...original, ...value];
    } else {
      result[key] = value;
    }
  }
  return result;
}

/** Applies the defaults to one typed map (not recursively). */
function applyToMap(plugin: PlainMap, defaults: PluginDefault[]): PlainMap {
  const type = plugin.type;
  if (typeof type !== 'string') return plugin;
  let result = plugin;
  for (const pluginDefault of defaults) {
    if (type !== pluginDefault.type && !type.startsWith(pluginDefault.type)) continue;
    result = pluginDefault.forced
      ? mergeMaps(result, pluginDefault.values)
      : mergeMaps(pluginDefault.values, result);
  }
  return result;
}

function recursive(value: unknown, defaults: PluginDefault[]): unknown {
  if (Array.isArray(value)) return value.map((item) => recursive(item, defaults));
  if (!isPlainMap(value)) return value;
  const copy: PlainMap = {};
  for (const [key, item] of Object.entries(value)) copy[key] = recursive(item, defaults);
  return 'type' in copy ? applyToMap(copy, defaults) : copy;
}

/** Applies all defaults to a value and everything under it: non-forced first, then forced (reversed). */
export function applyPluginDefaults(value: unknown, defaults: PluginDefault[]): unknown {
  if (defaults.length === 0) return value;
  const normal = defaults.filter((d) => !d.forced);
  const forced = defaults.filter((d) => d.forced).reverse();
  let result = normal.length ? recursive(value, normal) : value;
  if (forced.length) result = recursive(result, forced);
  return result;
}
