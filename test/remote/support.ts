// Helpers for the remote-run tests: run a flow against the fake server in process and collect what
// comes out; short timings so failures show quickly; checks on event order and leftover handles.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunEvent } from '../../server/src/engine/events';
import {
  runOnServer,
  type RunOnServerOptions,
  type RunOnServerResult,
} from '../../server/src/remote/run-on-server';
import type { RemoteTiming } from '../../server/src/remote/remote-timing';

export const FAST: RemoteTiming = {
  connectTimeoutMs: 2_000,
  requestTimeoutMs: 5_000,
  reconnectDelaysMs: [20, 40],
  logGraceMs: 60,
  logGraceMaxMs: 1_000,
  killDeadlineMs: 5_000,
};

export interface RunOutcome {
  result: RunOnServerResult;
  events: RunEvent[];
  notices: string[];
}

export async function runRemote(
  serverUrl: string,
  flowText: string,
  options: Partial<Omit<RunOnServerOptions, 'onEvent'>> & { onEvent?: (event: RunEvent) => void } = {},
): Promise<RunOutcome> {
  const events: RunEvent[] = [];
  const notices: string[] = [];
  const result = await runOnServer({
    flowText,
    flowPath: 'flows/flow.yml',
    serverUrl,
    inputs: [],
    env: {},
    ...options,
    timing: { ...FAST, ...options.timing },
    onEvent: (event) => {
      events.push(event);
      options.onEvent?.(event);
    },
    onNotice: (message) => notices.push(message),
  });
  return { result, events, notices };
}

/** Events without logs, and logs alone: the two orders the client guarantees exactly. */
export function splitLogs(events: RunEvent[]): { flow: RunEvent[]; logs: RunEvent[] } {
  return { flow: events.filter((e) => e.event !== 'log'), logs: events.filter((e) => e.event === 'log') };
}

/** Every log naming a task run comes after that run's `taskrun.started` and before `execution.ended`. */
export function assertLogsInPlace(events: RunEvent[]): void {
  const started = new Set<string>();
  let ended = false;
  for (const event of events) {
    if (event.event === 'taskrun.started') started.add(event.taskRunId);
    if (event.event === 'execution.ended') ended = true;
    if (event.event !== 'log') continue;
    assert.equal(ended, false, `log after execution.ended: ${event.message}`);
    if (event.taskRunId !== undefined)
      assert.ok(started.has(event.taskRunId), `log before its task run started: ${event.message}`);
  }
}

/** The id of the run of `taskId` (the first, or the one with `value`). */
export function runId(events: RunEvent[], taskId: string, value?: string): string {
  const found = events.find(
    (e) => e.event === 'taskrun.started' && e.taskId === taskId && (value === undefined || e.value === value),
  );
  assert.ok(found && found.event === 'taskrun.started', `no taskrun.started for ${taskId}`);
  return found.taskRunId;
}

export function socketCount(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap' || name === 'TCPWRAP')
    .length;
}

export function timerCount(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
}

/** Waits (bounded) for sockets to drop back to `baseline`: closing is asynchronous, leaking is not. */
export async function settleSockets(baseline: number): Promise<number> {
  for (let i = 0; i < 100 && socketCount() > baseline; i++) await sleep(10);
  return socketCount();
}
