import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newState, transition, type StateType } from '../state';
import { newExecution, type TaskRun } from './execution';
import { StepTracker, TOP_LEVEL } from './step-tracker';
import { appendTaskRun, runIndex } from './task-run-index';

function setup() {
  const ex = newExecution({ id: 'e', namespace: 'n', flowId: 'f', inputs: {}, labels: [] }, new Date(0));
  const flowables = new Set(['seq', 'sw']);
  const tracker = new StepTracker(ex, {
    isFlowable: (run) => flowables.has(run.taskId),
    isChildDriven: (run) => run.taskId === 'seq',
  });
  const add = (id: string, taskId: string, parent?: string): TaskRun => {
    const run: TaskRun = {
      id,
      executionId: 'e',
      taskId,
      attempts: [],
      state: newState('CREATED', new Date(0)),
    };
    if (parent) run.parentTaskRunId = parent;
    appendTaskRun(ex, run);
    tracker.track(run);
    return run;
  };
  const move = (run: TaskRun, state: StateType) => {
    const from = run.state.current;
    transition(run.state, state, new Date(0));
    runIndex(ex).stateChanged(run, from);
    tracker.track(run);
  };
  return { ex, tracker, add, move };
}

describe('StepTracker', () => {
  it('lists created runs and running flowables in creation order', () => {
    const { tracker, add, move } = setup();
    const seq = add('a', 'seq');
    const log = add('b', 'log');
    const sw = add('c', 'sw');
    assert.deepEqual(tracker.dispatchable(), [seq, log, sw]);
    move(sw, 'RUNNING');
    move(seq, 'RUNNING');
    move(log, 'RUNNING');
    assert.deepEqual(tracker.dispatchable(), []);
    assert.deepEqual(tracker.runningFlowables(), [seq, sw]);
    move(seq, 'SUCCESS');
    assert.deepEqual(tracker.runningFlowables(), [sw]);
    move(log, 'RETRYING');
    move(log, 'CREATED');
    assert.deepEqual(tracker.dispatchable(), [log]);
  });

  it('asks a child-driven scope again only after its children or the execution changed', () => {
    const { ex, tracker, add, move } = setup();
    const seq = add('a', 'seq');
    move(seq, 'RUNNING');
    assert.equal(tracker.mustAsk('nexts', seq), true);
    assert.equal(tracker.mustAsk('nexts', seq), false);
    const child = add('b', 'log', 'a');
    assert.equal(tracker.mustAsk('nexts', seq), true);
    assert.equal(tracker.mustAsk('end', seq), true);
    assert.equal(tracker.mustAsk('end', seq), false);
    move(child, 'RUNNING');
    assert.equal(tracker.mustAsk('end', seq), true);
    // A grandchild is not a child: the scope is not asked again for it.
    add('c', 'log', 'b');
    assert.equal(tracker.mustAsk('end', seq), false);
    transition(ex.state, 'KILLING', new Date(0));
    assert.equal(tracker.mustAsk('end', seq), true);
    // The top level follows the top-level runs.
    assert.equal(tracker.mustAsk('nexts', TOP_LEVEL), true);
    assert.equal(tracker.mustAsk('nexts', TOP_LEVEL), false);
    add('d', 'log');
    assert.equal(tracker.mustAsk('nexts', TOP_LEVEL), true);
  });

  it('always asks flowables that are not child-driven, and every scope after removals', () => {
    const { tracker, add, move } = setup();
    const sw = add('a', 'sw');
    move(sw, 'RUNNING');
    assert.equal(tracker.mustAsk('nexts', sw), true);
    assert.equal(tracker.mustAsk('nexts', sw), true);
    const seq = add('b', 'seq');
    move(seq, 'RUNNING');
    assert.equal(tracker.mustAsk('end', seq), true);
    assert.equal(tracker.mustAsk('end', seq), false);
    tracker.removed(new Set([seq]));
    assert.deepEqual(tracker.runningFlowables(), [seq]);
    assert.equal(tracker.mustAsk('end', seq), true);
  });
});
