// A catalog view that remembers type lookups for one validation run: rules and schema validation
// resolve the same few type names thousands of times in a large flow.
import type { Catalog, ResolvedType } from '../flow/catalog-types';

export function memoCatalog(catalog: Catalog): Catalog {
  const cache = new Map<string, ResolvedType | undefined>();
  return {
    source: catalog.source,
    schema: catalog.schema,
    flowProperties: catalog.flowProperties,
    commonTaskProperties: catalog.commonTaskProperties,
    commonTriggerProperties: catalog.commonTriggerProperties,
    inputTypes: catalog.inputTypes,
    commonInputProperties: catalog.commonInputProperties,
    plugins: (kind) => catalog.plugins(kind),
    resolve(type) {
      if (!cache.has(type)) cache.set(type, catalog.resolve(type));
      return cache.get(type);
    },
  };
}
