// Bundles the three entry points (language server, CLI, VS Code client) with esbuild.
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { __VERSION__: JSON.stringify(version) };

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  logLevel: 'warning',
  minifySyntax: true,
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

// Webview assets are plain files served to the run panel.
if (existsSync('client/webview')) {
  mkdirSync('dist/webview', { recursive: true });
  cpSync('client/webview', 'dist/webview', { recursive: true });
}
