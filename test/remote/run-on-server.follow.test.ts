// Following an execution (§8.4, §8.5): a cut event stream is reopened without repeating events, or
// reported with the execution's link when it cannot be; logs survive a cut of their own stream;
// cancelling kills the execution and follows it to KILLED; ForEach outputs are keyed by value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunEvent } from '../../server/src/engine/events';
import { FakeKestra } from './fake-kestra/fake-kestra';
import {
  assertLogsInPlace,
  runId,
  runRemote,
  settleSockets,
  socketCount,
  splitLogs,
  timerCount,
} from './support';

const THREE_STEPS = `id: three_steps
namespace: company.team
tasks:
  - id: first
    type: io.kestra.plugin.core.debug.Return
    format: one
  - id: chatty
    type: io.kestra.plugin.core.log.Log
    message: [line 1, line 2, line 3]
  - id: last
    type: io.kestra.plugin.core.debug.Return
    format: three
`;

/** Events with run ids replaced by task ids, to compare runs of the same flow. */
function shape(events: RunEvent[]): unknown[] {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.event === 'taskrun.started') names.set(e.taskRunId, e.value ? `${e.taskId}[${e.value}]` : e.taskId);
  return events.map((e) => {
    const { time: _time, ...rest } = e as RunEvent & { executionId?: string };
    delete rest.executionId;
    if ('taskRunId' in rest && rest.taskRunId) rest.taskRunId = names.get(rest.taskRunId) ?? rest.taskRunId;
    if ('parentTaskRunId' in rest && rest.parentTaskRunId)
      rest.parentTaskRunId = names.get(rest.parentTaskRunId) ?? rest.parentTaskRunId;
    return rest;
  });
}

describe('runOnServer: following', () => {
  let fake: FakeKestra;
  let reference: RunEvent[];
  let baseline: { sockets: number; timers: number };
  before(async () => {
    baseline = { sockets: socketCount(), timers: timerCount() };
    fake = await FakeKestra.start();
    reference = (await runRemote(fake.url, THREE_STEPS)).events;
  });
  after(() => fake.close());

  it('reconnects once after a cut and emits every event exactly once', async () => {
    fake.state.faults.dropFollow = { afterEvents: 4, times: 1 };
    const before = fake.requestsTo('/follow').length;
    const { result, events, notices } = await runRemote(fake.url, THREE_STEPS);
    assert.equal(result.exitCode, 0, result.error);
    const follows = fake
      .requestsTo('/follow')
      .slice(before)
      .filter((r) => r.path.startsWith('/api/v1/executions/'));
    assert.equal(follows.length, 2);
    assert.deepEqual(
      splitLogs(shape(events) as RunEvent[]).flow,
      splitLogs(shape(reference) as RunEvent[]).flow,
    );
    assert.deepEqual(
      splitLogs(events).logs.map((e) => e.event === 'log' && e.message),
      ['line 1', 'line 2', 'line 3'],
    );
    assert.equal(events.filter((e) => e.event === 'execution.ended').length, 1);
    assert.deepEqual(
      notices.filter((n) => n.startsWith('lost')),
      [
        `lost the event stream of execution ${result.executionId} (the connection was cut); reconnecting (1/2)…`,
      ],
    );
  });

  it('gives up after two reconnections: exit 1, the execution id and link in the error', async () => {
    fake.state.faults.dropFollow = { afterEvents: 1, times: 100 };
    try {
      const before = fake.requestsTo('/follow').length;
      const { result, events } = await runRemote(fake.url, THREE_STEPS);
      const id = result.executionId as string;
      const link = `${fake.url}/ui/executions/company.team/three_steps/${id}`;
      assert.deepEqual(result, {
        exitCode: 1,
        executionId: id,
        executionUrl: link,
        error: `lost connection to ${fake.url} while following execution ${id} (the connection was cut); it may still be running: ${link}`,
      });
      const follows = fake
        .requestsTo('/follow')
        .slice(before)
        .filter((r) => r.path.startsWith('/api/v1/executions/'));
      assert.equal(follows.length, 3);
      assert.equal(events[0].event, 'execution.started');
      assert.equal(events.filter((e) => e.event === 'execution.ended').length, 0);
    } finally {
      fake.state.faults.dropFollow = undefined;
    }
  });

  it('reopens a cut log stream without repeating the stored logs', async () => {
    fake.state.faults.dropLogs = { afterEvents: 2, times: 1 };
    const before = fake.requestsTo('/follow').length;
    const { result, events } = await runRemote(fake.url, THREE_STEPS);
    assert.equal(result.exitCode, 0, result.error);
    assert.equal(
      fake
        .requestsTo('/follow')
        .slice(before)
        .filter((r) => r.path.startsWith('/api/v1/logs/')).length,
      2,
    );
    assert.deepEqual(
      splitLogs(events).logs.map((e) => e.event === 'log' && e.message),
      ['line 1', 'line 2', 'line 3'],
    );
    assertLogsInPlace(events);
  });

  it('cancel: DELETE …/kill, then KILLING → KILLED followed to the end, exit 1', async () => {
    fake.state.behaviours.chatty = { hang: true, logs: [{ level: 'INFO', message: 'working…' }] };
    const controller = new AbortController();
    try {
      const { result, events } = await runRemote(fake.url, THREE_STEPS, {
        signal: controller.signal,
        onEvent: (event) => {
          if (event.event === 'log' && event.message === 'working…') controller.abort();
        },
      });
      const id = result.executionId as string;
      assert.equal(result.state, 'KILLED');
      assert.equal(result.exitCode, 1);
      assert.equal(result.error, undefined);
      assert.deepEqual(fake.state.kills, [id]);
      assert.equal(fake.requestsTo(`/executions/${id}/kill`, 'DELETE').length, 1);
      const chatty = runId(events, 'chatty');
      assert.deepEqual(
        events
          .filter((e) => e.event === 'taskrun.ended')
          .map((e) => e.event === 'taskrun.ended' && [e.taskId, e.state, e.error]),
        [
          ['first', 'SUCCESS', undefined],
          ['chatty', 'KILLED', 'Killed'],
        ],
      );
      const ended = events.at(-1);
      assert.ok(ended?.event === 'execution.ended');
      assert.equal(ended.state, 'KILLED');
      assert.equal(ended.error, 'The execution was killed');
      assert.ok(events.some((e) => e.event === 'log' && e.taskRunId === chatty));
    } finally {
      delete fake.state.behaviours.chatty;
    }
  });

  it('cancel with a kill the server never confirms: exit 1 after the deadline, with the link', async () => {
    fake.state.behaviours.chatty = { hang: true, logs: [{ level: 'INFO', message: 'working…' }] };
    fake.state.faults.neverAnswer = (method) => method === 'DELETE';
    const controller = new AbortController();
    try {
      const { result } = await runRemote(fake.url, THREE_STEPS, {
        signal: controller.signal,
        timing: { killDeadlineMs: 300 },
        onEvent: (event) => {
          if (event.event === 'log' && event.message === 'working…') controller.abort();
        },
      });
      const id = result.executionId as string;
      assert.equal(result.exitCode, 1);
      assert.equal(
        result.error,
        `the server did not report execution ${id} KILLED within 0.3 s of the kill request; it may still be running: ${result.executionUrl}`,
      );
    } finally {
      delete fake.state.behaviours.chatty;
      fake.state.faults.neverAnswer = undefined;
      // Let the fake forget the execution left running.
      fake.state.executions.get([...fake.state.executions.keys()].at(-1) as string)?.simulation.stop();
    }
  });

  it('a FAILED execution: exit 1, the failing task and its error log', async () => {
    const flow = `id: failing
namespace: company.team
tasks:
  - id: boom
    type: io.kestra.plugin.core.execution.Fail
    errorMessage: Something went wrong
  - id: never
    type: io.kestra.plugin.core.log.Log
    message: unreachable
`;
    const { result, events } = await runRemote(fake.url, flow);
    assert.equal(result.exitCode, 1);
    assert.equal(result.state, 'FAILED');
    const ended = events.at(-1);
    assert.ok(ended?.event === 'execution.ended');
    assert.equal(ended.error, 'Task boom failed: Something went wrong');
    assert.ok(!events.some((e) => e.event === 'taskrun.started' && e.taskId === 'never'));
  });

  it('ForEach: children carry their value and outputs are keyed by it (§6.3)', async () => {
    const flow = `id: loop
namespace: company.team
outputs:
  - id: summary
    type: STRING
    value: done
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: inner
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
`;
    fake.state.behaviours.inner = (value) => ({ outputs: { value: `item ${value}` } });
    try {
      const { result, events } = await runRemote(fake.url, flow);
      assert.equal(result.exitCode, 0, result.error);
      const each = runId(events, 'each');
      const started = events.filter((e) => e.event === 'taskrun.started' && e.taskId === 'inner');
      assert.deepEqual(
        started.map((e) => e.event === 'taskrun.started' && [e.parentTaskRunId, e.value]),
        [
          [each, 'a'],
          [each, 'b'],
        ],
      );
      const ended = events.at(-1);
      assert.ok(ended?.event === 'execution.ended');
      assert.deepEqual(ended.outputs, {
        each: {},
        inner: { a: { value: 'item a' }, b: { value: 'item b' } },
      });
      assert.deepEqual(ended.flowOutputs, { summary: 'done' });
      const order = events
        .filter((e) => e.event === 'taskrun.ended')
        .map((e) => e.event === 'taskrun.ended' && e.taskId);
      assert.deepEqual(order, ['inner', 'inner', 'each']);
    } finally {
      delete fake.state.behaviours.inner;
    }
  });

  it('leaves no socket or timer behind after cuts, cancels and kill deadlines', async () => {
    const sockets = await settleSockets(baseline.sockets);
    assert.deepEqual(
      { sockets, timers: timerCount() },
      baseline,
      JSON.stringify(process.getActiveResourcesInfo()),
    );
  });
});

describe('runOnServer: a server without kestra.url', () => {
  let fake: FakeKestra;
  before(async () => {
    fake = await FakeKestra.start({ publicUrl: null });
  });
  after(() => fake.close());

  it('resolves the relative execution link against --server', async () => {
    const { result } = await runRemote(`${fake.url}/`, THREE_STEPS);
    assert.equal(
      result.executionUrl,
      `${fake.url}/ui/executions/company.team/three_steps/${result.executionId}`,
    );
  });
});
