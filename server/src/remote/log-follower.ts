// Follows `GET /api/v1/logs/{executionId}/follow` (§8.4): every stored log first, then live ones;
// the stream never ends by itself, so it runs until `stop` aborts. A broken stream is reopened; the
// stored logs it replays are recognised (timestamp, level, task run, message) and not repeated.
// Logs are a convenience: when they cannot be followed the run goes on, with a notice.
import { readEventStream } from './event-stream';
import type { KestraClient } from './kestra-client';
import { parseLogEntry, type KestraLogEntry } from './kestra-json';
import { RemoteError } from './remote-error';
import { pause } from './remote-timing';
import { statusText } from './http-failure';

export interface LogFollowOptions {
  client: KestraClient;
  executionId: string;
  reconnectDelaysMs: number[];
  onLog: (entry: KestraLogEntry) => void;
  notice: (message: string) => void;
}

export class LogFollower {
  /** When the last log arrived (ms since epoch), for the grace period after the end. */
  lastLogAt = Date.now();
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: LogFollowOptions) {}

  async run(stop: AbortSignal): Promise<void> {
    const { client, executionId, reconnectDelaysMs } = this.options;
    let failures = 0;
    while (!stop.aborted) {
      let problem: string;
      try {
        const response = await client.openEventStream(['logs', executionId, 'follow'], undefined, stop);
        if (response.status !== 200) {
          response.close();
          this.options.notice(
            `cannot follow the logs of execution ${executionId} (${statusText(response.status)}); logs will be missing.`,
          );
          return;
        }
        const replay = new Map(this.seen);
        let received = 0;
        const outcome = await readEventStream(
          response,
          (event) => this.accept(event.data, replay, () => received++),
          stop,
        );
        if (outcome.kind === 'aborted' || stop.aborted) return;
        // New logs on this connection: the stream works, the next break gets the full budget again.
        if (received > 0) failures = 0;
        problem = outcome.kind === 'broken' ? outcome.reason : 'the server closed the stream';
      } catch (error) {
        if (stop.aborted) return;
        problem = error instanceof RemoteError ? error.message : String(error);
      }
      if (failures >= reconnectDelaysMs.length) {
        this.options.notice(
          `lost the log stream of execution ${executionId} (${problem}); later logs will be missing.`,
        );
        return;
      }
      await pause(reconnectDelaysMs[failures++], stop);
    }
  }

  private accept(data: string, replay: Map<string, number>, counted: () => void): void {
    let entry: KestraLogEntry | undefined;
    try {
      entry = parseLogEntry(JSON.parse(data));
    } catch {
      entry = undefined;
    }
    if (!entry) return;
    const key = `${entry.timestamp}\u0000${entry.level}\u0000${entry.taskRunId ?? ''}\u0000${entry.message}`;
    const left = replay.get(key) ?? 0;
    if (left > 0) {
      replay.set(key, left - 1);
      return;
    }
    counted();
    this.seen.set(key, (this.seen.get(key) ?? 0) + 1);
    this.lastLogAt = Date.now();
    this.options.onLog(entry);
  }
}
