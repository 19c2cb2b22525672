import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PebbleMap } from '../../expr/values';
import type { FlowDef } from '../flow/flow-definition';
import { newState, transition, type StateType } from '../state';
import { newExecution, type Execution, type TaskRun } from './execution';
import { SharedVariablesCache } from './shared-variables';
import { appendTaskRun, dropIndex } from './task-run-index';
import { outputsTree, tasksVariable } from './variables';
import { Prng } from '../../../../test/robustness/fuzz/prng';

const FLOW = { id: 'f', namespace: 'n', inputs: [] } as unknown as FlowDef;

/** Seeded floats in [0, 1): the same cases on every run. */
function random(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

function setup(): { ex: Execution; cache: SharedVariablesCache; add: (run: Partial<TaskRun>) => TaskRun } {
  const ex = newExecution({ id: 'e', namespace: 'n', flowId: 'f', inputs: {}, labels: [] }, new Date(0));
  const cache = new SharedVariablesCache(ex, FLOW, {});
  let count = 0;
  const add = (fields: Partial<TaskRun>): TaskRun => {
    const run: TaskRun = {
      id: `r${count++}`,
      executionId: 'e',
      taskId: 't',
      attempts: [],
      state: newState('CREATED', new Date(0)),
      ...fields,
    };
    appendTaskRun(ex, run);
    cache.touch(run);
    return run;
  };
  return { ex, cache, add };
}

/** The cache must give exactly the full rebuild's result, key order included. */
function assertMatchesRebuild(ex: Execution, cache: SharedVariablesCache): void {
  const shared = cache.get();
  assert.equal(JSON.stringify(shared.outputs), JSON.stringify(outputsTree(ex)));
  assert.equal(JSON.stringify(shared.tasks), JSON.stringify(tasksVariable(ex)));
}

describe('SharedVariablesCache', () => {
  it('matches a full rebuild through random creations, outputs, replacements and state changes', () => {
    const next = random(11);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const { ex, cache, add } = setup();
    const states: StateType[] = ['RUNNING', 'SUCCESS', 'FAILED', 'WARNING'];
    for (let step = 0; step < 600; step++) {
      const roll = next();
      if (ex.taskRuns.length < 3 || roll < 0.35) {
        // Top-level runs, ForEach-like children with values, grandchildren under valued parents.
        const parents = ex.taskRuns.filter((r) => r.taskId === 'each' || r.taskId === 'seq');
        const shape = pick(['top', 'child', 'grandchild'] as const);
        if (shape === 'top' || parents.length === 0) {
          add({ taskId: pick(['each', 'seq', 'log', 'ret']) });
        } else if (shape === 'child') {
          const parent = pick(parents);
          add({ taskId: pick(['t', 'u']), parentTaskRunId: parent.id, value: pick(['a', 'b', 'c', 'd']) });
        } else {
          const valued = ex.taskRuns.filter((r) => r.value !== undefined);
          const parent = valued.length > 0 ? pick(valued) : pick(parents);
          add({
            taskId: 'deep',
            parentTaskRunId: parent.id,
            value: next() < 0.5 ? undefined : pick(['x', 'y']),
          });
        }
      } else if (roll < 0.75) {
        const run = pick(ex.taskRuns);
        run.outputs = { value: step, ...(next() < 0.3 ? { nested: { step } } : {}) } as PebbleMap;
        cache.touch(run);
      } else {
        const run = pick(ex.taskRuns);
        transition(run.state, pick(states), new Date(0));
        cache.touch(run);
      }
      if (next() < 0.5) assertMatchesRebuild(ex, cache);
    }
    assertMatchesRebuild(ex, cache);
  });

  it('keeps creation order when children finish out of order', () => {
    const { ex, cache, add } = setup();
    const each = add({ taskId: 'each' });
    const children = ['1', '2', '3'].map((value) => add({ taskId: 'get', parentTaskRunId: each.id, value }));
    assertMatchesRebuild(ex, cache);
    for (const child of [children[2], children[0], children[1]]) {
      child.outputs = { code: 200 };
      cache.touch(child);
      assertMatchesRebuild(ex, cache);
    }
    assert.deepEqual(Object.keys(cache.get().outputs.get as PebbleMap), ['1', '2', '3']);
  });

  it('puts a flowable’s outputs that come after its children’s first, as a full rebuild does', () => {
    const { ex, cache, add } = setup();
    const each = add({ taskId: 'each' });
    for (const value of ['1', '2']) {
      const child = add({ taskId: 'get', parentTaskRunId: each.id, value });
      child.outputs = { code: 200 };
      cache.touch(child);
      assertMatchesRebuild(ex, cache);
    }
    each.outputs = {};
    cache.touch(each);
    assertMatchesRebuild(ex, cache);
    assert.deepEqual(Object.keys(cache.get().outputs), ['each', 'get']);
  });

  it('follows a run whose deeper key was merged with an earlier run’s outputs', () => {
    // `deep.b.y` (run y) is created first; `deep.b` (run x) later merges its outputs over that map.
    const { ex, cache, add } = setup();
    const each = add({ taskId: 'each' });
    const parent = add({ taskId: 't', parentTaskRunId: each.id, value: 'b' });
    const y = add({ taskId: 'deep', parentTaskRunId: parent.id, value: 'y' });
    const x = add({ taskId: 'deep', parentTaskRunId: parent.id });
    y.outputs = { v: 1 };
    cache.touch(y);
    assertMatchesRebuild(ex, cache);
    x.outputs = { w: 1 };
    cache.touch(x);
    assertMatchesRebuild(ex, cache);
    y.outputs = { v: 2 };
    cache.touch(y);
    assertMatchesRebuild(ex, cache);
    assert.deepEqual(cache.get().outputs.deep, { b: { y: { v: 2 }, w: 1 } });
  });

  it('rebuilds after runs are removed', () => {
    const { ex, cache, add } = setup();
    const a = add({ taskId: 'a', outputs: { v: 1 } });
    add({ taskId: 'b', outputs: { v: 2 } });
    assertMatchesRebuild(ex, cache);
    ex.taskRuns.splice(ex.taskRuns.indexOf(a), 1);
    dropIndex(ex);
    cache.reset();
    assertMatchesRebuild(ex, cache);
    assert.deepEqual(Object.keys(cache.get().outputs), ['b']);
  });

  it('detaches typed results from maps it updates in place later', () => {
    const { cache, add } = setup();
    const each = add({ taskId: 'each' });
    const first = add({ taskId: 'get', parentTaskRunId: each.id, value: 'a', outputs: { code: 1 } });
    const shared = cache.get();
    const captured = shared.detach(shared.outputs.get as PebbleMap) as PebbleMap;
    const wrapped = shared.detach([shared.outputs]) as PebbleMap[];
    add({ taskId: 'get', parentTaskRunId: each.id, value: 'b', outputs: { code: 2 } });
    assert.deepEqual(Object.keys(cache.get().outputs.get as PebbleMap), ['a', 'b']);
    assert.deepEqual(captured, { a: { code: 1 } });
    assert.deepEqual(Object.keys(wrapped[0].get as PebbleMap), ['a']);
    // Run outputs are never changed in place: they are shared, not copied.
    assert.equal(captured.a, first.outputs);
  });
});
