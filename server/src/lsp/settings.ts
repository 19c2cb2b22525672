// The `kestraFlow.*` settings the server reads, and the catalog they select.
import { isAbsolute, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { PluginCatalog } from '../flow/catalog';
import type { Catalog, CatalogSource } from '../flow/catalog-types';

export interface KestraFlowSettings {
  schemaFile: string;
}

export const DEFAULT_SETTINGS: KestraFlowSettings = { schemaFile: '' };

/** Reads the `kestraFlow` section as the client sends it (`{schema: {file}}`), tolerating junk. */
export function parseSettings(section: unknown): KestraFlowSettings {
  const schema =
    typeof section === 'object' && section !== null ? (section as { schema?: unknown }).schema : undefined;
  const file =
    typeof schema === 'object' && schema !== null ? (schema as { file?: unknown }).file : undefined;
  return { schemaFile: typeof file === 'string' ? file.trim() : '' };
}

/** What the client shows about the schema in use (`kestraFlow/schemaStatus`). */
export interface SchemaStatus {
  source: CatalogSource;
  detail: string;
}

export interface CatalogChoice {
  catalog: Catalog;
  status: SchemaStatus;
  /** Set when the configured file could not be used: shown to the user. */
  error?: string;
}

function countPlugins(catalog: Catalog): string {
  const tasks = catalog.plugins('task').length;
  const triggers = catalog.plugins('trigger').length;
  return `${tasks} task types, ${triggers} trigger types`;
}

/** A relative schema path is taken from the first workspace folder. */
export function resolveSchemaPath(file: string, workspaceRoot: string | undefined): string {
  if (file.startsWith('file://')) return URI.parse(file).fsPath;
  if (isAbsolute(file) || !workspaceRoot) return resolve(file);
  return resolve(workspaceRoot, file);
}

export function chooseCatalog(
  settings: KestraFlowSettings,
  workspaceRoot: string | undefined,
): CatalogChoice {
  const bundled = PluginCatalog.bundled();
  if (settings.schemaFile === '') {
    return {
      catalog: bundled,
      status: { source: 'bundled', detail: `Bundled schema (${countPlugins(bundled)})` },
    };
  }
  const path = resolveSchemaPath(settings.schemaFile, workspaceRoot);
  try {
    const catalog = PluginCatalog.fromSchemaFile(path);
    return { catalog, status: { source: 'file', detail: `${path} (${countPlugins(catalog)})` } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `Kestra: cannot use the flow schema set in kestraFlow.schema.file: ${reason}. Using the bundled schema instead.`;
    return {
      catalog: bundled,
      status: { source: 'bundled', detail: `Bundled schema: ${path} could not be used (${reason})` },
      error: message,
    };
  }
}
