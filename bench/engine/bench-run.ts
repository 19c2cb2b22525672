// Running a flow on the embedded engine for the bench: a throw-away state folder, a check that the
// execution succeeded, and async timing (median of repeated runs after a warm-up).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunEvent } from '../../server/src/engine/events';
import { summarize } from '../measure';
import { engine } from './bundled-engine';

/** A state folder for bench runs (KV store, storage), removed by `remove()`. */
export function benchStateDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'kestra-flow-bench-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs `text` once; throws unless the execution ends SUCCESS with `expectedRuns` task runs. */
export async function runBenchFlow(
  text: string,
  onEvent: (event: RunEvent) => void,
  expectedRuns: number,
  stateDir: string,
): Promise<void> {
  const result = await engine.runFlow({
    text,
    cwd: stateDir,
    env: { KESTRA_FLOW_STATE_DIR: stateDir },
    onEvent,
  });
  if (result.status !== 'ran') throw new Error(`bench flow not run: ${JSON.stringify(result)}`);
  const { state, taskRuns } = result.execution;
  if (state.current !== 'SUCCESS' || taskRuns.length !== expectedRuns)
    throw new Error(`bench flow ended ${state.current} with ${taskRuns.length} task runs`);
}

/** Median milliseconds of `runs` calls of `fn` after `warmup` unmeasured ones. */
export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples).median;
}
