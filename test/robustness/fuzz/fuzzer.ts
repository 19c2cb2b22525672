// Runs fuzz sessions over a list of flows until the requested number of edits is reached, restarting
// the server when one exits or hangs (each time counted as a fault), and returns the figures.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ServerHarness } from '../server-harness';
import { Prng } from './prng';
import { fuzzSession } from './session';
import { newStats, type FuzzStats } from './stats';

export interface FlowFile {
  /** Shown in reports. */
  name: string;
  path: string;
}

export interface FuzzOptions {
  seed: number;
  edits: number;
  files: FlowFile[];
  /** Edits per opened document, [min, max]. */
  sessionEdits: [number, number];
  /** An answer slower than this is a fault. */
  slowMs: number;
  progress?: (stats: FuzzStats) => void;
}

/** Every `*.yaml` / `*.yml` under `root`, sorted so that a seed always picks the same flows. */
export function listFlows(root: string): FlowFile[] {
  const found: FlowFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry)) found.push({ name: relative(root, path), path });
    }
  };
  walk(root);
  return found;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzStats> {
  if (options.files.length === 0) throw new Error('no flows to fuzz');
  const rng = new Prng(options.seed);
  const stats = newStats(options.seed, options.files.length);
  let harness = await ServerHarness.start();
  try {
    while (stats.edits < options.edits) {
      const file = rng.pick(options.files);
      const edits = Math.min(rng.int(...options.sessionEdits), options.edits - stats.edits);
      const outcome = await fuzzSession({
        harness,
        rng,
        stats,
        name: file.name,
        text: readFileSync(file.path, 'utf8'),
        uri: `file:///fuzz/session-${stats.sessions + 1}/${basename(file.path)}`,
        edits,
        slowMs: options.slowMs,
      });
      options.progress?.(stats);
      if (outcome === 'lost') {
        await harness.stop();
        harness = await ServerHarness.start();
      }
    }
  } finally {
    await harness.stop();
  }
  return stats;
}
