// Loads dist/run.js (entry: run-bundle.ts) the first time Run Flow or a last-run hover needs it. It
// is a file of its own beside dist/extension.js (esbuild's CommonJS output cannot split a bundle),
// so that activation loads neither the runner, its panel and form, nor the Pebble engine.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as RunBundle from './run-bundle';

let loaded: typeof RunBundle | undefined;

export function loadRunBundle(): typeof RunBundle {
  loaded ??= createRequire(__filename)(join(__dirname, 'run.js')) as typeof RunBundle;
  return loaded;
}
