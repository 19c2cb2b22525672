import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessFinalState, isTerminated, newState, transition, type StateType } from '../state';
import { newExecution, type TaskRun } from './execution';
import { appendTaskRun, dropIndex, runIndex, TaskRunIndex, type KeyedTask } from './task-run-index';
import { Prng } from '../../../../test/robustness/fuzz/prng';

const STATES: StateType[] = [
  'CREATED',
  'RUNNING',
  'SUCCESS',
  'FAILED',
  'RETRYING',
  'WARNING',
  'KILLED',
  'SKIPPED',
];

/** A small deterministic generator, so a failure can be replayed. */
/** Seeded floats in [0, 1): the same cases on every run. */
function random(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

function execution() {
  return newExecution({ id: 'e', namespace: 'n', flowId: 'f', inputs: {}, labels: [] }, new Date(0));
}

function run(id: string, taskId: string, parent?: string, value?: string): TaskRun {
  const result: TaskRun = {
    id,
    executionId: 'e',
    taskId,
    attempts: [],
    state: newState('CREATED', new Date(0)),
  };
  if (parent) result.parentTaskRunId = parent;
  if (value !== undefined) result.value = value;
  return result;
}

describe('TaskRunIndex', () => {
  it('finds runs by id and lists children by parent in creation order', () => {
    const ex = execution();
    appendTaskRun(ex, run('a', 'each'));
    appendTaskRun(ex, run('b', 't', 'a', 'x'));
    appendTaskRun(ex, run('c', 'log'));
    appendTaskRun(ex, run('d', 't', 'a', 'y'));
    const index = runIndex(ex);
    assert.equal(index.get('d')?.value, 'y');
    assert.deepEqual(
      index.childrenOf('a').map((r) => r.id),
      ['b', 'd'],
    );
    assert.deepEqual(
      index.childrenOf(undefined).map((r) => r.id),
      ['a', 'c'],
    );
    assert.deepEqual(
      ex.taskRuns.map((r) => index.order(r)),
      [0, 1, 2, 3],
    );
    assert.equal(index.firstRun('a', { def: { id: 't' }, value: 'y' })?.id, 'd');
    assert.equal(index.firstRun('a', { def: { id: 't' } })?.id, 'b');
    assert.equal(index.firstRun('a', { def: { id: 't' }, value: 'z' }), undefined);
    assert.equal(index.firstRun(undefined, { def: { id: 'log' } })?.id, 'c');
  });

  it('rebuilds itself when runs were pushed without it, and after dropIndex', () => {
    const ex = execution();
    appendTaskRun(ex, run('a', 'one'));
    ex.taskRuns.push(run('b', 'two'));
    assert.equal(runIndex(ex).get('b')?.taskId, 'two');
    ex.taskRuns.splice(0, 1, run('z', 'zed'));
    dropIndex(ex);
    assert.equal(runIndex(ex).get('a'), undefined);
    assert.equal(runIndex(ex).get('z')?.taskId, 'zed');
  });

  it('keeps list summaries equal to a scan of the runs through additions and state changes', () => {
    const next = random(7);
    const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
    const ex = execution();
    const parents = [undefined, 'p1', 'p2'];
    const lists: KeyedTask[][] = [
      [{ def: { id: 'a' } }, { def: { id: 'b' } }],
      [{ def: { id: 'e' } }],
      [
        { def: { id: 'a' }, value: '1' },
        { def: { id: 'a' }, value: '2' },
        { def: { id: 'b' }, value: '1' },
      ],
    ];
    let count = 0;
    for (let step = 0; step < 400; step++) {
      const index = runIndex(ex);
      if (ex.taskRuns.length === 0 || next() < 0.4) {
        const value = next() < 0.5 ? undefined : pick(['1', '2', '3']);
        appendTaskRun(ex, run(`r${count++}`, pick(['a', 'b', 'e', 'z']), pick(parents), value));
      } else {
        const target = pick(ex.taskRuns);
        const from = target.state.current;
        transition(target.state, pick(STATES), new Date(0));
        index.stateChanged(target, from);
      }
      // Ask for summaries as the executor does, then compare every one with a scan.
      for (const parent of parents) {
        for (const list of lists) {
          const summary = runIndex(ex).summary(list, parent);
          const members = ex.taskRuns.filter(
            (r) =>
              r.parentTaskRunId === parent &&
              list.some((t) => t.def.id === r.taskId && (t.value === undefined || t.value === r.value)),
          );
          assert.equal(summary.count, members.length);
          assert.equal(summary.terminated, members.filter((r) => isTerminated(r.state.current)).length);
          assert.equal(summary.last, members[members.length - 1]);
          assert.deepEqual(
            [...summary.statesPresent()].sort(),
            [...new Set(members.map((r) => r.state.current))].sort(),
          );
          assert.equal(
            guessFinalState(summary.statesPresent()),
            guessFinalState(members.map((r) => r.state.current)),
          );
          assert.equal(
            summary.countIn('RUNNING'),
            members.filter((r) => r.state.current === 'RUNNING').length,
          );
        }
      }
    }
    assert.ok(count > 100);
  });

  it('builds a summary from runs indexed before it was first asked for', () => {
    const runs = [run('a', 'x'), run('b', 'y'), run('c', 'x', 'a')];
    transition(runs[1].state, 'SUCCESS', new Date(0));
    const index = new TaskRunIndex(runs);
    const summary = index.summary([{ def: { id: 'x' } }, { def: { id: 'y' } }], undefined);
    assert.equal(summary.count, 2);
    assert.equal(summary.terminated, 1);
    assert.equal(summary.last?.id, 'b');
  });
});
