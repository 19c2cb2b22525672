// Runs `kestra-flow …` in-process with captured output, and prepares fixture flows in a temp folder.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { main } from '../../../server/src/cli/main';
import type { RunEvent } from '../../../server/src/engine/events';

export const FIXTURES = resolve(__dirname, '../../fixtures/engine');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Parsed events when run with --format ndjson. */
  events: RunEvent[];
}

export async function runCli(
  args: string[],
  options: {
    cwd: string;
    env?: NodeJS.ProcessEnv;
    signal?: AbortSignal;
    /** Sees stdout as it is written (to act at a given point of the run). */
    onStdout?: (text: string) => void;
  },
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => {
      stdout += text;
      options.onStdout?.(text);
    },
    stderr: (text) => (stderr += text),
    cwd: options.cwd,
    env: { KESTRA_FLOW_STATE_DIR: join(options.cwd, '.state'), ...(options.env ?? {}) },
    signal: options.signal,
  });
  const events = args.includes('ndjson')
    ? stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as RunEvent)
    : [];
  return { code, stdout, stderr, events };
}

/** A temp folder; `write` puts a file in it (fixture text with PORT replaced), `cleanup` removes it. */
export function tempWorkspace(): { dir: string; write(name: string, text: string): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'kestra-flow-engine-'));
  return {
    dir,
    write(name, text) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function fixture(name: string, port?: number): string {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  return port === undefined ? text : text.replace(/PORT/g, String(port));
}

export function logMessages(events: RunEvent[], taskId?: string): string[] {
  return events.flatMap((e) =>
    e.event === 'log' && (taskId === undefined || e.taskId === taskId) ? [e.message] : [],
  );
}

export function ended(events: RunEvent[]): Extract<RunEvent, { event: 'execution.ended' }> {
  const last = events.filter((e) => e.event === 'execution.ended').pop();
  if (!last || last.event !== 'execution.ended') throw new Error('no execution.ended event');
  return last;
}
