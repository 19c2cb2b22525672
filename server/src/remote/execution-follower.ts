// Follows one execution to its end (§8.4): `GET /api/v1/executions/{id}/follow` (SSE, `id: progress`
// events then one `id: end`) alongside the log stream, both mapped to run events. A broken stream is
// reopened (its first event is the stored state, which the mapper de-duplicates) as many times as
// `reconnectDelaysMs` allows. Cancelling asks the server to kill the execution (§8.5) and keeps
// following until it is KILLED, or until the kill deadline passes.
import type { Credentials } from './credentials';
import { readEventStream, type StreamOutcome } from './event-stream';
import type { ExecutionEventMapper } from './execution-events';
import { httpFailureMessage, statusText } from './http-failure';
import type { KestraClient } from './kestra-client';
import { parseExecution, type KestraExecution } from './kestra-json';
import { LogFollower } from './log-follower';
import { RemoteError } from './remote-error';
import { pause, type RemoteTiming } from './remote-timing';

export interface FollowOptions {
  client: KestraClient;
  credentials: Credentials;
  mapper: ExecutionEventMapper;
  execution: KestraExecution;
  /** The execution's page in the Kestra UI, for messages. */
  executionUrl: string;
  timing: RemoteTiming;
  /** Aborting it kills the execution. */
  signal?: AbortSignal;
  notice: (message: string) => void;
}

type Attempt =
  { kind: 'end'; execution: KestraExecution } | { kind: 'lost'; reason: string; progressed: boolean };

/** Resolves with the final execution; a RemoteError (exit 1) when its end could not be seen. */
export async function followExecution(options: FollowOptions): Promise<KestraExecution> {
  const follower = new Follower(options);
  try {
    return await follower.run();
  } finally {
    await follower.dispose();
  }
}

class Follower {
  /** Aborts our own streams: at the end, or when the kill deadline passes. */
  private readonly streams = new AbortController();
  private readonly stopLogs = new AbortController();
  private readonly logs: LogFollower;
  private readonly logsDone: Promise<void>;
  private killProblem?: string;
  private killTimer?: NodeJS.Timeout;
  private lastState: string;
  private readonly onCancel = () => void this.kill();

  constructor(private readonly options: FollowOptions) {
    const { client, execution, timing, mapper, notice } = options;
    this.lastState = execution.state.current;
    this.logs = new LogFollower({
      client,
      executionId: execution.id,
      reconnectDelaysMs: timing.reconnectDelaysMs,
      onLog: (entry) => mapper.log(entry),
      notice,
    });
    this.logsDone = this.logs.run(AbortSignal.any([this.stopLogs.signal, this.streams.signal]));
    options.signal?.addEventListener('abort', this.onCancel, { once: true });
    if (options.signal?.aborted) void this.kill();
  }

  async run(): Promise<KestraExecution> {
    const { reconnectDelaysMs } = this.options.timing;
    let failures = 0;
    for (;;) {
      const attempt = await this.followOnce();
      if (attempt.kind === 'end') return this.finish(attempt.execution);
      this.checkKill();
      if (attempt.progressed) failures = 0;
      if (failures >= reconnectDelaysMs.length) throw this.lost(attempt.reason);
      this.options.notice(
        `lost the event stream of execution ${this.id} (${attempt.reason}); reconnecting (${failures + 1}/${reconnectDelaysMs.length})…`,
      );
      await pause(reconnectDelaysMs[failures++], this.streams.signal);
      this.checkKill();
    }
  }

  async dispose(): Promise<void> {
    this.options.signal?.removeEventListener('abort', this.onCancel);
    clearTimeout(this.killTimer);
    this.stopLogs.abort();
    this.streams.abort();
    await this.logsDone;
  }

  private get id(): string {
    return this.options.execution.id;
  }

  private async followOnce(): Promise<Attempt> {
    const { client, mapper } = this.options;
    let response;
    try {
      response = await client.openEventStream(
        ['executions', this.id, 'follow'],
        undefined,
        this.streams.signal,
      );
    } catch (error) {
      return {
        kind: 'lost',
        reason: error instanceof RemoteError ? error.message : String(error),
        progressed: false,
      };
    }
    if (response.status !== 200) return this.refused(response.status, await response.text().catch(() => ''));
    let events = 0;
    let end: KestraExecution | undefined;
    const outcome: StreamOutcome = await readEventStream(
      response,
      (event) => {
        const execution = parseData(event.data);
        if (!execution || execution.id !== this.id) return false;
        events++;
        if (event.id === 'end') {
          end = execution;
          return true;
        }
        mapper.update(execution);
        this.noticeState(execution);
        return false;
      },
      this.streams.signal,
    );
    if (end) return { kind: 'end', execution: end };
    const reason = outcome.kind === 'broken' ? outcome.reason : 'the server closed the stream before the end';
    // More than the replayed stored state came through: the connection was useful, not flapping.
    return { kind: 'lost', reason, progressed: events > 1 };
  }

  private refused(status: number, text: string): Attempt {
    if (status >= 500) return { kind: 'lost', reason: statusText(status), progressed: false };
    const { client, credentials } = this.options;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const message = httpFailureMessage(
      { status, headers: {}, text, json },
      {
        server: client.target.base,
        tenant: client.target.tenant,
        request: client.describe('GET', ['executions', this.id, 'follow']),
        credentials,
        notFound: `execution ${this.id} not found`,
      },
    );
    throw new RemoteError(`${message} The execution may still be running: ${this.options.executionUrl}`, 1);
  }

  /** The `end` event came: the final execution (fetched again for complete outputs), late logs, the end. */
  private async finish(fromStream: KestraExecution): Promise<KestraExecution> {
    const final = (await this.fetchFinal()) ?? fromStream;
    this.logs.lastLogAt = Math.max(this.logs.lastLogAt, Date.now());
    const { logGraceMs, logGraceMaxMs } = this.options.timing;
    const deadline = Date.now() + logGraceMaxMs;
    for (;;) {
      const quiet = Date.now() - this.logs.lastLogAt;
      if (quiet >= logGraceMs || Date.now() >= deadline) break;
      await pause(Math.min(logGraceMs - quiet, deadline - Date.now()), this.stopLogs.signal);
    }
    this.stopLogs.abort();
    await this.logsDone;
    this.options.mapper.ended(final);
    return final;
  }

  private async fetchFinal(): Promise<KestraExecution | undefined> {
    try {
      const answer = await this.options.client.send('GET', ['executions', this.id]);
      const execution = answer.status === 200 ? parseExecution(answer.json) : undefined;
      if (execution && execution.id === this.id) return execution;
      this.options.notice(
        `could not fetch the final state of execution ${this.id} (${statusText(answer.status)}); using the streamed one.`,
      );
    } catch (error) {
      this.options.notice(
        `could not fetch the final state of execution ${this.id} (${(error as Error).message}); using the streamed one.`,
      );
    }
    return undefined;
  }

  private async kill(): Promise<void> {
    if (this.killTimer) return;
    const { client, timing, notice } = this.options;
    this.killTimer = setTimeout(() => {
      this.killProblem ??= `the server did not report execution ${this.id} KILLED within ${timing.killDeadlineMs / 1000} s of the kill request`;
      this.streams.abort();
    }, timing.killDeadlineMs);
    notice(`cancelling: asking ${client.target.base} to kill execution ${this.id}…`);
    try {
      const answer = await client.send('DELETE', ['executions', this.id, 'kill'], {
        signal: this.streams.signal,
      });
      // 409: it finished meanwhile; the stream will bring its end.
      if (answer.status < 300 || answer.status === 409) return;
      this.killProblem = httpFailureMessage(answer, {
        server: client.target.base,
        tenant: client.target.tenant,
        request: client.describe('DELETE', ['executions', this.id, 'kill']),
        credentials: this.options.credentials,
        notFound: `execution ${this.id} not found`,
      });
    } catch (error) {
      if (this.streams.signal.aborted) return;
      this.killProblem = `could not ask for the kill of execution ${this.id}: ${(error as Error).message}`;
    }
    this.streams.abort();
  }

  private checkKill(): void {
    if (this.killProblem !== undefined) {
      throw new RemoteError(`${this.killProblem}; it may still be running: ${this.options.executionUrl}`, 1);
    }
  }

  private lost(reason: string): RemoteError {
    const server = this.options.client.target.base;
    return new RemoteError(
      `lost connection to ${server} while following execution ${this.id} (${reason}); it may still be running: ${this.options.executionUrl}`,
      1,
    );
  }

  private noticeState(execution: KestraExecution): void {
    const state = execution.state.current;
    if (state === this.lastState) return;
    this.lastState = state;
    if (state === 'PAUSED')
      this.options.notice(
        `execution ${this.id} is PAUSED; resume it in the Kestra UI: ${this.options.executionUrl}`,
      );
  }
}

function parseData(data: string): KestraExecution | undefined {
  try {
    return parseExecution(JSON.parse(data));
  } catch {
    return undefined;
  }
}
