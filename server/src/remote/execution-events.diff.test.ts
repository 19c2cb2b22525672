import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunEvent } from '../engine/events';
import type { Execution, TaskRun } from '../engine/run/execution';
import { outputsTree as engineOutputsTree } from '../engine/run/variables';
import type { StateType } from '../engine/state';
import { ExecutionEventMapper } from './execution-events';
import type { KestraExecution, KestraLogEntry, KestraTaskRun } from './kestra-json';
import { outputsTree } from './outputs-tree';

const T = (n: number) => `2024-12-20T10:00:0${n}.000Z`;

function run(
  id: string,
  taskId: string,
  states: StateType[],
  extra: Partial<KestraTaskRun> = {},
): KestraTaskRun {
  return {
    id,
    taskId,
    state: {
      current: states[states.length - 1],
      histories: states.map((state, i) => ({ state, date: T(i) })),
    },
    ...extra,
  };
}

function execution(
  current: StateType,
  runs: KestraTaskRun[],
  extra: Partial<KestraExecution> = {},
): KestraExecution {
  return {
    id: 'exec1',
    namespace: 'company.team',
    flowId: 'f',
    taskRunList: runs,
    state: {
      current,
      histories: [
        { state: 'CREATED', date: T(0) },
        { state: current, date: T(9) },
      ],
    },
    ...extra,
  };
}

function log(taskRunId: string, message: string, level: KestraLogEntry['level'] = 'INFO'): KestraLogEntry {
  return { timestamp: T(5), level, message, taskRunId, taskId: 't' };
}

function mapper(): { events: RunEvent[]; map: ExecutionEventMapper } {
  const events: RunEvent[] = [];
  return { events, map: new ExecutionEventMapper((e) => events.push(e)) };
}

const kinds = (events: RunEvent[]) =>
  events.map((e) =>
    e.event === 'log'
      ? `log:${e.message}`
      : e.event.startsWith('taskrun')
        ? `${e.event}:${(e as { taskId: string }).taskId}`
        : e.event,
  );

describe('ExecutionEventMapper', () => {
  it('emits each transition once, whatever states are replayed (reconnection)', () => {
    const { events, map } = mapper();
    const a1 = execution('RUNNING', [run('r1', 'a', ['CREATED'])]);
    const a2 = execution('RUNNING', [run('r1', 'a', ['CREATED', 'RUNNING'])]);
    const a3 = execution('RUNNING', [
      run('r1', 'a', ['CREATED', 'RUNNING', 'SUCCESS'], { outputs: { value: 1 } }),
    ]);
    map.started(a1);
    map.update(a2);
    map.update(a2);
    map.update(a3);
    map.update(a2);
    map.update(a3);
    assert.deepEqual(kinds(events), ['execution.started', 'taskrun.started:a', 'taskrun.ended:a']);
    assert.deepEqual(events[1], { event: 'taskrun.started', time: T(1), taskRunId: 'r1', taskId: 'a' });
    assert.deepEqual(events[2], {
      event: 'taskrun.ended',
      time: T(2),
      taskRunId: 'r1',
      taskId: 'a',
      state: 'SUCCESS',
      outputs: { value: 1 },
    });
  });

  it('reports a run that ends again after a restart (its history grew)', () => {
    const { events, map } = mapper();
    map.started(execution('RUNNING', [run('r1', 'a', ['CREATED', 'RUNNING', 'FAILED'])]));
    map.update(
      execution('RUNNING', [run('r1', 'a', ['CREATED', 'RUNNING', 'FAILED', 'RESTARTED', 'RUNNING'])]),
    );
    map.update(
      execution('RUNNING', [
        run('r1', 'a', ['CREATED', 'RUNNING', 'FAILED', 'RESTARTED', 'RUNNING', 'SUCCESS']),
      ]),
    );
    const ends = events
      .filter((e) => e.event === 'taskrun.ended')
      .map((e) => e.event === 'taskrun.ended' && e.state);
    assert.deepEqual(ends, ['FAILED', 'SUCCESS']);
  });

  it('holds a log that overtook its task run until the run is announced', () => {
    const { events, map } = mapper();
    map.started(execution('RUNNING', []));
    map.log(log('r1', 'early'));
    map.log({ timestamp: T(5), level: 'WARN', message: 'execution-level' });
    map.update(execution('RUNNING', [run('r1', 't', ['CREATED', 'RUNNING'])]));
    map.log(log('r1', 'late'));
    assert.deepEqual(kinds(events), [
      'execution.started',
      'log:execution-level',
      'taskrun.started:t',
      'log:early',
      'log:late',
    ]);
  });

  it('starts parents before children and ends children before parents within one update', () => {
    const { events, map } = mapper();
    map.started(execution('RUNNING', []));
    map.update(
      execution('RUNNING', [
        run('p', 'parent', ['CREATED', 'RUNNING', 'SUCCESS']),
        run('c', 'child', ['CREATED', 'RUNNING', 'SUCCESS'], { parentTaskRunId: 'p', value: 'x' }),
      ]),
    );
    assert.deepEqual(kinds(events).slice(1), [
      'taskrun.started:parent',
      'taskrun.started:child',
      'taskrun.ended:child',
      'taskrun.ended:parent',
    ]);
    assert.deepEqual(events[2], {
      event: 'taskrun.started',
      time: T(1),
      taskRunId: 'c',
      taskId: 'child',
      parentTaskRunId: 'p',
      value: 'x',
    });
  });

  it('gives a failed run the message of its last ERROR log, and the execution the first failed leaf', () => {
    const { events, map } = mapper();
    map.started(execution('RUNNING', []));
    map.update(execution('RUNNING', [run('r1', 'boom', ['CREATED', 'RUNNING'])]));
    map.log(log('r1', 'first problem', 'ERROR'));
    map.log(log('r1', 'final problem', 'ERROR'));
    map.ended(execution('FAILED', [run('r1', 'boom', ['CREATED', 'RUNNING', 'FAILED'])]));
    const ended = events.filter((e) => e.event === 'taskrun.ended' || e.event === 'execution.ended');
    assert.deepEqual(ended, [
      {
        event: 'taskrun.ended',
        time: T(2),
        taskRunId: 'r1',
        taskId: 'boom',
        state: 'FAILED',
        outputs: {},
        error: 'final problem',
      },
      {
        event: 'execution.ended',
        time: T(9),
        executionId: 'exec1',
        state: 'FAILED',
        outputs: {},
        error: 'Task boom failed: final problem',
      },
    ]);
  });

  it('flushes logs of never-started runs before execution.ended, and emits nothing after it', () => {
    const { events, map } = mapper();
    map.started(execution('RUNNING', []));
    map.log(log('ghost', 'orphan'));
    map.ended(execution('SUCCESS', [], { outputs: { total: 3 } }));
    map.log(log('ghost', 'too late'));
    map.update(execution('SUCCESS', [run('x', 'x', ['CREATED', 'RUNNING'])]));
    assert.deepEqual(kinds(events), ['execution.started', 'log:orphan', 'execution.ended']);
    assert.deepEqual(events.at(-1), {
      event: 'execution.ended',
      time: T(9),
      executionId: 'exec1',
      state: 'SUCCESS',
      outputs: {},
      flowOutputs: { total: 3 },
    });
  });
});

describe('outputsTree', () => {
  // Nested ForEach (values a/b, then x), a Sequential carrying the value, and a plain task.
  const runs: KestraTaskRun[] = [
    run('outer', 'outer', ['SUCCESS'], { outputs: {} }),
    run('inner-a', 'inner', ['SUCCESS'], { parentTaskRunId: 'outer', value: 'a', outputs: {} }),
    run('t-a-x', 't', ['SUCCESS'], { parentTaskRunId: 'inner-a', value: 'x', outputs: { value: 'ax' } }),
    run('inner-b', 'inner', ['SUCCESS'], { parentTaskRunId: 'outer', value: 'b', outputs: {} }),
    run('t-b-x', 't', ['SUCCESS'], {
      parentTaskRunId: 'inner-b',
      value: 'x',
      outputs: { value: 'bx', list: [1] },
    }),
    run('seq', 'seq', ['SUCCESS'], { parentTaskRunId: 'outer', value: 'a', outputs: {} }),
    run('s1', 's1', ['SUCCESS'], { parentTaskRunId: 'seq', outputs: { value: 'in seq' } }),
    run('plain', 'plain', ['SUCCESS'], { outputs: { code: 200 } }),
    run('pending', 'pending', ['RUNNING']),
  ];

  it('keys children by the values of their ancestors then their own (§6.3)', () => {
    assert.deepEqual(outputsTree(runs), {
      outer: {},
      inner: { a: {}, b: {} },
      t: { a: { x: { value: 'ax' } }, b: { x: { value: 'bx', list: [1] } } },
      seq: { a: {} },
      s1: { a: { value: 'in seq' } },
      plain: { code: 200 },
    });
  });

  it('agrees with the embedded engine on the same task runs', () => {
    const taskRuns: TaskRun[] = runs.map((r) => ({
      id: r.id,
      executionId: 'exec1',
      taskId: r.taskId,
      ...(r.parentTaskRunId ? { parentTaskRunId: r.parentTaskRunId } : {}),
      ...(r.value !== undefined ? { value: r.value } : {}),
      attempts: [],
      ...(r.outputs ? { outputs: r.outputs } : {}),
      state: { current: r.state.current, histories: r.state.histories },
    }));
    const engineExecution: Execution = {
      id: 'exec1',
      namespace: 'company.team',
      flowId: 'f',
      state: { current: 'SUCCESS', histories: [] },
      taskRuns,
      inputs: {},
      labels: [],
      metadata: { attemptNumber: 1, originalCreatedDate: T(0) },
    };
    assert.deepEqual(outputsTree(runs), JSON.parse(JSON.stringify(engineOutputsTree(engineExecution))));
  });
});
