// Catalog source → flow.schema.json + catalog.json, as text ready to be written or compared.
import { resolve } from 'node:path';
import type { CatalogData } from '../../server/src/flow/catalog-data';
import { buildCatalogData } from './build-catalog';
import { buildFlowSchema } from './build-schema';
import { loadCatalogSource, readSourceFiles } from './load-source';
import type { Schema } from './schema-context';

export const SCHEMAS_DIR = resolve(__dirname, '..');
export const CATALOG_SOURCE_DIR = resolve(SCHEMAS_DIR, 'catalog');
export const FLOW_SCHEMA_PATH = resolve(SCHEMAS_DIR, 'flow.schema.json');
export const CATALOG_JSON_PATH = resolve(SCHEMAS_DIR, 'catalog.json');

export interface Generated {
  schema: Schema;
  catalog: CatalogData;
  schemaText: string;
  catalogText: string;
}

/** Reads and checks the source (throws SourceErrors listing every problem), then builds both files. */
export function generate(sourceDir = CATALOG_SOURCE_DIR): Generated {
  const source = loadCatalogSource(readSourceFiles(sourceDir, resolve(SCHEMAS_DIR, '..')));
  const schema = buildFlowSchema(source);
  const catalog = buildCatalogData(source, schema);
  return {
    schema,
    catalog,
    schemaText: `${JSON.stringify(schema, null, 1)}\n`,
    catalogText: `${JSON.stringify(catalog)}\n`,
  };
}
