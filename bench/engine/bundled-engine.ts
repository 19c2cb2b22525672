// The engine as users run it: the CLI (dist/cli.js) and Run Flow (dist/run.js) are esbuild bundles,
// so the engine sections measure the same bundle (dist/bench/engine.js, built by `npm run build`
// with their settings), as the language-server sections measure dist/server.js. Run from the
// TypeScript sources through tsx, the engine parses with yaml's CommonJS build instead, which no
// shipped code uses.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as EngineEntry from './engine-entry';

const BUNDLE = resolve(__dirname, '../../dist/bench/engine.js');

function load(): typeof EngineEntry {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`npm run build\` first`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(BUNDLE) as typeof EngineEntry;
}

export const engine = load();
