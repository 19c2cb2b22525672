// Bundles the three entry points (language server, CLI, VS Code client) with esbuild.
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { __VERSION__: JSON.stringify(version) };

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  minify: true,
  keepNames: true,
  // yaml's ES module build: bundled as ESM its functions are bound directly, where its CommonJS build
  // goes through an interop getter on every call (isScalar, isPair… run per node), and it has no
  // per-token process.env debug reads.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
};

await Promise.all([
  build({ ...common, define, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({
    ...common,
    define,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/extension.js',
    external: ['vscode'],
  }),
]);
chmodSync('dist/cli.js', 0o755);

// jq-web is required at run time and reads jq.wasm beside its script: ship it next to the bundles so
// that dist/ (and the .vsix) works without node_modules.
mkdirSync('dist/node_modules/jq-web', { recursive: true });
for (const file of ['package.json', 'jq.js', 'jq.wasm', 'LICENSE']) {
  cpSync(`node_modules/jq-web/${file}`, `dist/node_modules/jq-web/${file}`);
}

// The run panel: its browser bundle (no Node, no vscode) and stylesheet.
if (existsSync('client/webview/main.ts')) {
  rmSync('dist/webview', { recursive: true, force: true });
  await build({
    ...common,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    sourcemap: false,
    entryPoints: ['client/webview/main.ts'],
    outfile: 'dist/webview/main.js',
  });
  mkdirSync('dist/webview', { recursive: true });
  for (const sheet of ['styles.css', 'run.css']) cpSync(`client/webview/${sheet}`, `dist/webview/${sheet}`);
}
