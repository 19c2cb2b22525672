// The two language servers compared: ours (dist/server.js) and Red Hat's yaml-language-server set
// up the way Kestra's own VS Code extension uses it, with our flow schema mapped to the documents.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ServerSpec } from './client';

const ROOT = resolve(__dirname, '../..');
/** `KESTRA_BENCH_SERVER=/path/to/server.js` measures another build as "ours" (an older one, say). */
export const OUR_SERVER = process.env.KESTRA_BENCH_SERVER ?? resolve(ROOT, 'dist/server.js');
export const YAML_LS = resolve(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server');
export const FLOW_SCHEMA = resolve(ROOT, 'schemas/flow.schema.json');

/** Documents live (in memory only) under this folder; yaml-language-server maps the schema to it. */
export const DOCUMENT_FOLDER = '/tmp/kestra-bench';
const DOCUMENT_GLOB = 'kestra-bench/*.yaml';

export function documentUri(name: string): string {
  return pathToFileURL(`${DOCUMENT_FOLDER}/${name}.yaml`).href;
}

/** Our debounce before validating a changed document (server/src/lsp/server.ts). */
export const OUR_DEBOUNCE_MS = 150;
/** yaml-language-server's fixed `validationDelayMs`. */
export const YAML_LS_DEBOUNCE_MS = 200;

/** Ours; `delayMs` sets its diagnostics debounce through `initializationOptions` (default 150). */
export function ourServer(delayMs = OUR_DEBOUNCE_MS): ServerSpec {
  return {
    name: delayMs === OUR_DEBOUNCE_MS ? 'ours' : `ours (debounce ${delayMs})`,
    args: [OUR_SERVER, '--stdio'],
    initializationOptions: { diagnosticsDelayMs: delayMs },
    configuration: (section) => (section === 'kestraFlow' ? { schema: { file: '' } } : null),
    debounceMs: delayMs,
    publishesVersion: true,
  };
}

export function yamlLanguageServer(): ServerSpec {
  const yaml = {
    schemas: { [pathToFileURL(FLOW_SCHEMA).href]: DOCUMENT_GLOB },
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    // The schema store is fetched from the network: none here, and not part of the comparison.
    schemaStore: { enable: false },
    maxItemsComputed: 5000,
  };
  return {
    name: 'yaml-ls',
    args: [YAML_LS, '--stdio'],
    configuration: (section) => {
      if (section === 'yaml') return yaml;
      if (section === 'http') return { proxy: '', proxyStrictSSL: false };
      return {};
    },
    pushedSettings: { yaml },
    debounceMs: YAML_LS_DEBOUNCE_MS,
    publishesVersion: false,
  };
}

/** Fails early, with the fix, when a server cannot be started. */
export function checkServersPresent(): void {
  if (!existsSync(OUR_SERVER)) throw new Error(`${OUR_SERVER} is missing: run \`npm run build\``);
  if (!existsSync(YAML_LS))
    throw new Error(`${YAML_LS} is missing: run \`npm install\` (yaml-language-server is a devDependency)`);
}
