// One `kestra-flow run … --format ndjson` child process: events parsed as they stream, stderr kept
// for the message of a run that could not start, and cancellation (SIGINT, which the CLI turns into
// a KILLED execution, then SIGTERM and SIGKILL if it does not stop).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { RunEvent } from '../../../server/src/engine/events';
import { NdjsonSplitter } from './ndjson';

export interface RunProcessOptions {
  /** The Node executable: the extension host's own (`process.execPath`, Electron in VS Code). */
  node: string;
  cliPath: string;
  /** Arguments after `run`: the flow file, `--input`s, `--server`… (`--format ndjson` is added). */
  args: string[];
  cwd: string;
  /** Extra environment (credentials for a server run). */
  env: Record<string, string>;
  onEvents(events: RunEvent[]): void;
  /** A stdout line that is not an event (shown in the output channel). */
  onOtherOutput(line: string): void;
}

export interface RunExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  cancelled: boolean;
}

const GRACE_MS = 5000;
const MAX_STDERR = 64 * 1024;

export class RunProcess {
  readonly exited: Promise<RunExit>;
  private readonly child: ChildProcessByStdio<null, Readable, Readable>;
  private cancelled = false;
  private done = false;
  /** The pending escalation of a cancel (SIGTERM, then SIGKILL), cleared when the process ends. */
  private escalation: ReturnType<typeof setTimeout> | undefined;

  constructor(options: RunProcessOptions) {
    this.child = spawn(options.node, [options.cliPath, 'run', ...options.args, '--format', 'ndjson'], {
      cwd: options.cwd,
      // ELECTRON_RUN_AS_NODE makes VS Code's Electron binary behave as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const splitter = new NdjsonSplitter();
    const deliver = (items: ReturnType<NdjsonSplitter['push']>) => {
      const events: RunEvent[] = [];
      for (const item of items) {
        if (item.ok) events.push(item.event);
        else options.onOtherOutput(item.line);
      }
      if (events.length > 0) options.onEvents(events);
    };
    this.child.stdout.on('data', (chunk: Buffer) => deliver(splitter.push(chunk)));
    let stderr = '';
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.slice(0, MAX_STDERR - stderr.length);
    });
    this.exited = new Promise<RunExit>((resolve) => {
      let settled = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (settled) return;
        settled = true;
        this.done = true;
        clearTimeout(this.escalation);
        deliver(splitter.end());
        resolve({ code, signal, stderr, cancelled: this.cancelled });
      };
      this.child.on('error', (error) => {
        stderr += `Could not start the run: ${error.message}\n`;
        finish(null, null);
      });
      this.child.on('close', finish);
    });
  }

  get running(): boolean {
    return !this.done;
  }

  /** The process id (undefined when it could not be started). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Asks the run to stop: SIGINT (the engine kills the execution), SIGTERM after a grace period, then SIGKILL. */
  cancel(): void {
    if (this.done || this.cancelled) return;
    this.cancelled = true;
    this.child.kill('SIGINT');
    this.escalation = setTimeout(() => {
      this.child.kill('SIGTERM');
      this.escalation = setTimeout(() => this.child.kill('SIGKILL'), GRACE_MS);
      this.escalation.unref();
    }, GRACE_MS);
    this.escalation.unref();
  }
}
