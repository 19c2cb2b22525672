// Killing a run in each phase (the CLI in-process, as Ctrl-C does): during a response body, during a
// retry backoff, during a Sleep or a Pause, during a ForEach of requests. Each run ends KILLED because
// of the kill (what it waits for would take a minute; a test gives up after 20 s), every socket is
// closed on both ends and no timer is left.
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { after, describe, it } from 'node:test';
import type { RunEvent } from '../../server/src/engine/events';
import { useDummyServer } from './support/dummy-server';
import { resourceCounts, settledResourceCounts, type ResourceCounts } from './support/resources';
import { ended, runCli, tempWorkspace, type CliResult } from './support/run-cli';

const LIMIT = { timeout: 20_000 };

function flow(tasks: string): string {
  return `id: kill_phase\nnamespace: company.team\ntasks:\n${tasks}`;
}

/** [taskId, state] of every ended task run, in order. */
function endedRuns(events: RunEvent[]): [string, string][] {
  return events.flatMap((e) =>
    e.event === 'taskrun.ended' ? [[e.taskId, e.state] as [string, string]] : [],
  );
}

function startedTasks(events: RunEvent[]): string[] {
  return events.flatMap((e) => (e.event === 'taskrun.started' ? [e.taskId] : []));
}

describe('killing a run in each phase', () => {
  const server = useDummyServer();
  const workspace = tempWorkspace();
  after(() => workspace.cleanup());

  /** Runs the flow and kills it as soon as `ready(stdout so far)` holds; checks the common outcome. */
  async function killWhen(
    text: string,
    ready: (output: string) => boolean,
  ): Promise<{ result: CliResult; opened: ResourceCounts }> {
    const path = workspace.write('flow.yaml', text);
    const before = await settledResourceCounts();
    const controller = new AbortController();
    let output = '';
    let settled = false;
    const pending = runCli(['run', path, '--format', 'ndjson'], {
      cwd: workspace.dir,
      signal: controller.signal,
      onStdout: (chunk) => (output += chunk),
    }).finally(() => (settled = true));
    while (!settled && !ready(output)) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(settled, false, `the run ended before it was killed:\n${output}`);
    const live = resourceCounts();
    const opened = { timers: live.timers - before.timers, sockets: live.sockets - before.sockets };
    controller.abort();
    const result = await pending;
    assert.equal(result.code, 1);
    const end = ended(result.events);
    assert.equal(end.state, 'KILLED');
    assert.equal(end.error, 'The execution was killed');
    assert.equal(result.stderr, '');
    assert.deepEqual(await settledResourceCounts(), before, 'no timer or socket left');
    assert.equal(server.openConnections(), 0, 'the server saw every connection closed');
    return { result, opened };
  }

  it('during the body (headers received, the rest stalled): KILLED', LIMIT, async () => {
    let headers = false;
    const onHeaders = (message: unknown) => {
      const request = (message as { request: { path: string } }).request;
      if (request.path === '/stall-mid-body') headers = true;
    };
    subscribe('undici:request:headers', onHeaders);
    try {
      const { result, opened } = await killWhen(
        flow(`  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: ${server.url}/stall-mid-body
    options:
      readTimeout: PT1M
`),
        () => headers,
      );
      assert.deepEqual(opened, { timers: 0, sockets: 2 }, 'both ends of the stalled connection');
      assert.deepEqual(endedRuns(result.events), [['call', 'KILLED']]);
    } finally {
      unsubscribe('undici:request:headers', onHeaders);
    }
  });

  it('during a retry backoff (first attempt got a 500): KILLED, no second attempt', LIMIT, async () => {
    const before = server.requests.length;
    const { result, opened } = await killWhen(
      flow(`  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: ${server.url}/status/500
    retry:
      type: constant
      interval: PT1M
      maxAttempt: 3
  - id: next
    type: io.kestra.plugin.core.log.Log
    message: not reached
`),
      (output) => output.includes('Attempt 1 failed; retrying in'),
    );
    assert.equal(opened.timers, 1, 'the backoff timer');
    assert.deepEqual(endedRuns(result.events), [['call', 'KILLED']]);
    assert.deepEqual(
      server.requests.slice(before).map((r) => r.url),
      ['/status/500'],
    );
  });

  for (const [what, id, type, wait, shown, timer] of [
    ['a Sleep', 'nap', 'Sleep', 'duration', 'Waiting for PT1M', 'the Sleep timer'],
    ['a Pause with a delay', 'hold', 'Pause', 'delay', 'Paused for PT1M', 'the resume timer'],
  ] as const) {
    it(`during ${what} between tasks: KILLED, the next task never starts`, LIMIT, async () => {
      const { result, opened } = await killWhen(
        flow(`  - id: first
    type: io.kestra.plugin.core.log.Log
    message: first
  - id: ${id}
    type: io.kestra.plugin.core.flow.${type}
    ${wait}: PT1M
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: last
`),
        (output) => output.includes(shown),
      );
      assert.deepEqual(opened, { timers: 1, sockets: 0 }, timer);
      assert.deepEqual(endedRuns(result.events), [
        ['first', 'SUCCESS'],
        [id, 'KILLED'],
      ]);
      assert.deepEqual(startedTasks(result.events), ['first', id]);
    });
  }

  it('during a ForEach of requests, two at a time: both KILLED, no other started', LIMIT, async () => {
    const before = server.requests.length;
    const slowCalls = () => server.requests.slice(before).filter((r) => r.url.startsWith('/slow'));
    const { result, opened } = await killWhen(
      flow(`  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: [1, 2, 3, 4]
    concurrencyLimit: 2
    tasks:
      - id: call
        type: io.kestra.plugin.core.http.Request
        uri: "${server.url}/slow?item={{ taskrun.value }}"
        options:
          readTimeout: PT1M
`),
      () => slowCalls().length === 2,
    );
    assert.deepEqual(opened, { timers: 0, sockets: 4 }, 'both ends of two connections');
    assert.deepEqual(
      slowCalls().map((r) => r.url),
      ['/slow?item=1', '/slow?item=2'],
    );
    assert.deepEqual(endedRuns(result.events), [
      ['call', 'KILLED'],
      ['call', 'KILLED'],
      ['each', 'KILLED'],
    ]);
    assert.deepEqual(startedTasks(result.events), ['each', 'call', 'call']);
  });
});
