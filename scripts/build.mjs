// Bundles the entry points with esbuild: language server, CLI, the VS Code client (activation's
// bundle, and Run Flow's loaded on first use: client/src/run-loader.ts) and the run panel.
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { __VERSION__: JSON.stringify(version) };

// The bundled schemas (schemas/*.json, some 430 kB) become a string parsed by JSON.parse the first
// time their default export is read, instead of object literals that V8 parses and builds while the
// bundle loads: the language server answers `initialize` before it needs them. Only our own schemas:
// packages that require() JSON expect the object itself.
const SCHEMAS = resolve('schemas');
const lazySchemaJson = {
  name: 'lazy-schema-json',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, (args) => {
      if (resolve(args.path, '..') !== SCHEMAS) return undefined;
      const text = JSON.stringify(JSON.stringify(JSON.parse(readFileSync(args.path, 'utf8'))));
      return {
        loader: 'js',
        contents: [
          'let value;',
          "Object.defineProperty(exports, '__esModule', { value: true });",
          `Object.defineProperty(exports, 'default', { enumerable: true, get: () => (value ??= JSON.parse(${text})) });`,
        ].join('\n'),
      };
    });
  },
};

// yaml declares no "sideEffects", so esbuild keeps it in any bundle that imports a module importing
// it. It has none: saying so leaves it out of dist/extension.js, which uses isFlowText only.
const yamlWithoutSideEffects = {
  name: 'yaml-without-side-effects',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const { path, errors } = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return errors.length ? { errors } : { path, sideEffects: false };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  minify: true,
  keepNames: false,
  // yaml's ES module build: bundled as ESM its functions are bound directly, where its CommonJS build
  // goes through an interop getter on every call (isScalar, isPair… run per node), and it has no
  // per-token process.env debug reads.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  plugins: [lazySchemaJson],
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
    plugins: [...common.plugins, yamlWithoutSideEffects],
  }),
  // Run Flow's code, loaded by the extension on first use (client/src/run-loader.ts).
  build({
    ...common,
    entryPoints: ['client/src/run-bundle.ts'],
    outfile: 'dist/run.js',
    external: ['vscode'],
  }),
  // The engine for `npm run bench` (bench/engine/bundled-engine.ts); not part of the .vsix.
  build({
    ...common,
    sourcemap: false,
    entryPoints: ['bench/engine/engine-entry.ts'],
    outfile: 'dist/bench/engine.js',
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
