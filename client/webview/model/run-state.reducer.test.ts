import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunEvent } from '../../../server/src/engine/events';
import {
  applyProcessExit,
  applyRunEvent,
  currentOutputs,
  formatDuration,
  initialRunState,
} from './run-state';

const t = (ms: number) => new Date(Date.UTC(2024, 0, 1) + ms).toISOString();

const forEachRun: RunEvent[] = [
  {
    event: 'execution.started',
    time: t(0),
    executionId: 'e1',
    namespace: 'company.team',
    flowId: 'each',
    inputs: { n: 2 },
  },
  { event: 'taskrun.started', time: t(10), taskRunId: 'r1', taskId: 'loop' },
  {
    event: 'taskrun.started',
    time: t(20),
    taskRunId: 'r2',
    taskId: 'child',
    parentTaskRunId: 'r1',
    value: 'a',
  },
  {
    event: 'log',
    time: t(25),
    level: 'WARN',
    message: 'Attempt 1 failed; retrying in PT1S (attempt 2 of 3).',
    taskRunId: 'r2',
    taskId: 'child',
  },
  {
    event: 'taskrun.ended',
    time: t(30),
    taskRunId: 'r2',
    taskId: 'child',
    state: 'SUCCESS',
    outputs: { value: 'A' },
  },
  {
    event: 'taskrun.started',
    time: t(40),
    taskRunId: 'r3',
    taskId: 'child',
    parentTaskRunId: 'r1',
    value: 'b',
  },
  { event: 'log', time: t(45), level: 'INFO', message: 'hello b', taskRunId: 'r3', taskId: 'child' },
  {
    event: 'taskrun.ended',
    time: t(50),
    taskRunId: 'r3',
    taskId: 'child',
    state: 'FAILED',
    outputs: {},
    error: 'boom',
  },
  { event: 'taskrun.ended', time: t(60), taskRunId: 'r1', taskId: 'loop', state: 'FAILED', outputs: {} },
];

describe('run state reducer', () => {
  it('builds the task tree with iterations, states, durations and attempts', () => {
    const state = initialRunState();
    for (const event of forEachRun) applyRunEvent(state, event);
    assert.equal(state.phase, 'running');
    assert.equal(state.executionId, 'e1');
    assert.equal(state.flowId, 'each');
    assert.deepEqual(state.inputs, { n: 2 });
    assert.deepEqual(state.roots, ['r1']);
    assert.deepEqual(state.taskRuns.r1.children, ['r2', 'r3']);
    assert.equal(state.taskRuns.r2.value, 'a');
    assert.equal(state.taskRuns.r2.attempts, 2);
    assert.equal(state.taskRuns.r3.attempts, 1);
    assert.equal(state.taskRuns.r3.error, 'boom');
    assert.equal(state.taskRuns.r1.state, 'FAILED');
    assert.equal((state.taskRuns.r2.endedAt ?? 0) - state.taskRuns.r2.startedAt, 10);
    assert.deepEqual(
      state.logs.map((l) => [l.index, l.level, l.taskId]),
      [
        [0, 'WARN', 'child'],
        [1, 'INFO', 'child'],
      ],
    );
    // While running, outputs come from the ended task runs, iterations keyed by value.
    assert.deepEqual(currentOutputs(state), { child: { a: { value: 'A' } } });
  });

  it('ends with the execution: state, outputs as `outputs.X` sees them, flow outputs, error', () => {
    const state = initialRunState();
    for (const event of forEachRun) applyRunEvent(state, event);
    applyRunEvent(state, {
      event: 'execution.ended',
      time: t(70),
      executionId: 'e1',
      state: 'FAILED',
      outputs: { child: { a: { value: 'A' }, b: {} } },
      flowOutputs: { out: 1 },
      error: 'Task child failed: boom',
    });
    assert.equal(state.phase, 'ended');
    assert.equal(state.state, 'FAILED');
    assert.equal((state.endedAt ?? 0) - (state.startedAt ?? 0), 70);
    assert.deepEqual(currentOutputs(state), { child: { a: { value: 'A' }, b: {} } });
    assert.deepEqual(state.flowOutputs, { out: 1 });
    assert.equal(state.error, 'Task child failed: boom');
    // The process exit changes nothing once the execution ended.
    applyProcessExit(state, 999, 'x', false);
    assert.equal(state.state, 'FAILED');
  });

  it('starts over on a new execution of the same stream (retry as a new execution)', () => {
    const state = initialRunState();
    for (const event of forEachRun.slice(0, 4)) applyRunEvent(state, event);
    applyRunEvent(state, {
      event: 'execution.ended',
      time: t(80),
      executionId: 'e1',
      state: 'RETRIED',
      outputs: {},
    });
    applyRunEvent(state, {
      event: 'execution.started',
      time: t(90),
      executionId: 'e2',
      namespace: 'company.team',
      flowId: 'each',
      inputs: {},
    });
    assert.equal(state.executions, 2);
    assert.equal(state.executionId, 'e2');
    assert.equal(state.phase, 'running');
    assert.deepEqual(state.roots, []);
    assert.equal(state.logs.length, 1);
  });

  it('ends a run whose process stopped early: FAILED before the execution, KILLED when cancelled', () => {
    const nothing = initialRunState(5);
    applyProcessExit(nothing, 10, 'Invalid input for `n`', false);
    assert.equal(nothing.state, 'FAILED');
    assert.equal(nothing.error, 'Invalid input for `n`');
    const cancelled = initialRunState();
    applyRunEvent(cancelled, forEachRun[0]);
    applyProcessExit(cancelled, Date.parse(t(100)), undefined, true);
    assert.equal(cancelled.state, 'KILLED');
    assert.equal(cancelled.phase, 'ended');
  });

  it('formats durations', () => {
    assert.equal(formatDuration(250), '250ms');
    assert.equal(formatDuration(1234), '1.23s');
    assert.equal(formatDuration(12_345), '12.3s');
    assert.equal(formatDuration(125_000), '2m 05s');
    assert.equal(formatDuration(3_725_000), '1h 02m');
  });
});
