// The `jq` filter runs real jq (the jq-web WebAssembly build). Loading WebAssembly is asynchronous, so
// hosts call `initJq()` once at startup; afterwards every query runs synchronously.
//
// jq-web reads `jq.wasm` next to its own script, so it is never bundled: it is loaded at run time from
// `jq/jq.js` beside the running bundle (a packaged extension ships it there) or from node_modules.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PebbleError } from '../errors';
import type { PebbleValue } from '../values';
import { readJson } from './json-reader';

interface JqRuntime {
  raw(input: string, filter: string, flags?: string[]): string | undefined;
}

let runtime: JqRuntime | null = null;
let loading: Promise<void> | null = null;
let loadError: string | null = null;

/** Where jq-web may be: copied beside the bundle (dist/jq/jq.js), else the npm package. */
function candidates(): string[] {
  return [join(__dirname, 'jq', 'jq.js'), 'jq-web'];
}

/** Loads jq once; resolves when `jq` queries can run. Safe to call many times. */
export function initJq(): Promise<void> {
  if (runtime) return Promise.resolve();
  loading ??= (async () => {
    const load = createRequire(__filename);
    const failures: string[] = [];
    for (const candidate of candidates()) {
      try {
        runtime = await (load(candidate) as Promise<JqRuntime>);
        loadError = null;
        return;
      } catch (error) {
        failures.push(`${candidate}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
    loadError = failures.join('; ');
    loading = null;
    throw new PebbleError(`jq could not be loaded (${loadError})`, 'runtime');
  })();
  return loading;
}

export function isJqReady(): boolean {
  return runtime !== null;
}

/** Runs a jq program on JSON text; returns each result, Java-typed (1 → Long, 1.0 → Double). */
export function runJq(jsonText: string, expression: string): PebbleValue[] {
  if (!runtime) {
    throw new PebbleError(
      loadError
        ? `The 'jq' filter is unavailable: jq could not be loaded (${loadError}).`
        : "The 'jq' filter is not ready: the host must call initJq() once before rendering.",
      'runtime',
    );
  }
  let output: string | undefined;
  try {
    // jq-web returns undefined when the program prints nothing (e.g. `empty`).
    output = runtime.raw(jsonText, expression, ['-c']);
  } catch (error) {
    const message = (error as Error).message.replace(/^Non-zero exit code: \d+\n?/, '').trim();
    throw new PebbleError(message || 'jq failed', 'runtime');
  }
  return (output ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => readJson(line));
}
