import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TaskDef } from '../flow/flow-definition';
import { isTerminated, newState, transition, type StateType } from '../state';
import { newExecution, type Execution, type TaskRun } from './execution';
import { concurrentNexts, type ResolvedTask } from './flowable-utils';
import { appendTaskRun, dropIndex, runIndex } from './task-run-index';
import { Prng } from '../../../../test/robustness/fuzz/prng';

const STATES: StateType[] = ['CREATED', 'RUNNING', 'SUCCESS', 'FAILED', 'RETRYING', 'WARNING', 'KILLED'];

/** A small deterministic generator, so a failure can be replayed. */
/** Seeded floats in [0, 1): the same cases on every run. */
function random(seed: number): () => number {
  const prng = new Prng(seed);
  return () => prng.next();
}

function def(id: string): TaskDef {
  return {
    id,
    type: 't',
    declaredType: 't',
    kind: 'runnable',
    props: {},
    position: { line: 0, character: 0 },
    lists: {},
    cases: [],
  };
}

function execution(): Execution {
  return newExecution({ id: 'e', namespace: 'n', flowId: 'f', inputs: {}, labels: [] }, new Date(0));
}

let ids = 0;
function addRun(ex: Execution, taskId: string, parent: string, value?: string): TaskRun {
  const run: TaskRun = {
    id: `r${ids++}`,
    executionId: 'e',
    taskId,
    parentTaskRunId: parent,
    attempts: [],
    state: newState('CREATED', new Date(0)),
  };
  if (value !== undefined) run.value = value;
  appendTaskRun(ex, run);
  return run;
}

/** The scan of every group the maintained groups replace: the reference for what to create next. */
function scanNexts(ex: Execution, current: ResolvedTask[], parent: string, limit: number): ResolvedTask[] {
  const groups = new Map<string, ResolvedTask[]>();
  for (const task of current) {
    const group = groups.get(task.value ?? '');
    if (group) group.push(task);
    else groups.set(task.value ?? '', [task]);
  }
  const runOf = (task: ResolvedTask) => runIndex(ex).firstRun(parent, task);
  let inFlight = 0;
  const candidates: ResolvedTask[] = [];
  for (const group of groups.values()) {
    const started = group.filter((task) => runOf(task));
    const busy = started.some((task) => !isTerminated((runOf(task) as TaskRun).state.current));
    const next = group.find((task) => !runOf(task));
    if (started.length > 0 && (busy || next)) inFlight++;
    if (!busy && next) candidates.push(next);
  }
  const continuing = candidates.filter((task) => groups.get(task.value ?? '')?.some((t) => runOf(t)));
  const fresh = candidates.filter((task) => !continuing.includes(task));
  const slots = limit > 0 ? Math.max(0, limit - inFlight) : fresh.length;
  return [...continuing, ...fresh.slice(0, slots)];
}

describe('concurrentNexts (maintained groups)', () => {
  it('starts `limit` groups, continues a group once its task ended, then starts the next group', () => {
    const ex = execution();
    const [a, b] = [def('a'), def('b')];
    const current: ResolvedTask[] = ['1', '2', '3'].flatMap((value) => [
      { def: a, value },
      { def: b, value },
    ]);
    const names = (tasks: ResolvedTask[]) => tasks.map((t) => `${t.def.id}${t.value}`);
    assert.deepEqual(names(concurrentNexts(ex, current, 'p', 2)), ['a1', 'a2']);
    const a1 = addRun(ex, 'a', 'p', '1');
    addRun(ex, 'a', 'p', '2');
    assert.deepEqual(names(concurrentNexts(ex, current, 'p', 2)), []);
    transition(a1.state, 'SUCCESS', new Date(0));
    runIndex(ex).stateChanged(a1, 'CREATED');
    assert.deepEqual(names(concurrentNexts(ex, current, 'p', 2)), ['b1']);
    const b1 = addRun(ex, 'b', 'p', '1');
    transition(b1.state, 'SUCCESS', new Date(0));
    runIndex(ex).stateChanged(b1, 'CREATED');
    assert.deepEqual(names(concurrentNexts(ex, current, 'p', 2)), ['a3']);
    assert.deepEqual(names(concurrentNexts(ex, current, 'p', 0)), ['a3']);
  });

  it('gives what a scan of the runs gives, through additions, state changes and removals', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const next = random(seed);
      const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
      const ex = execution();
      const defs = [def('a'), def('b'), def('c')];
      const lists: ResolvedTask[][] = [
        ['1', '2', '3', '4', '5'].flatMap((value) => defs.slice(0, 2).map((d) => ({ def: d, value }))),
        ['1', '2', '3', '4', '5', '6', '7'].map((value) => ({ def: defs[0], value })),
        [{ def: defs[2] }, { def: defs[1], value: '2' }, { def: defs[2], value: '' }],
      ];
      for (let step = 0; step < 300; step++) {
        const roll = next();
        const runs = ex.taskRuns;
        if (runs.length === 0 || roll < 0.35) {
          const list = pick(lists);
          const suggested = concurrentNexts(ex, list, 'p', pick([0, 1, 2, 3]));
          const task = suggested.length > 0 && next() < 0.7 ? suggested[0] : pick(list);
          addRun(ex, task.def.id, pick(['p', 'p', 'q']), task.value);
        } else if (roll < 0.95) {
          const target = pick(runs);
          const from = target.state.current;
          transition(target.state, pick(STATES), new Date(0));
          runIndex(ex).stateChanged(target, from);
        } else {
          const dropped = pick(runs);
          ex.taskRuns.splice(ex.taskRuns.indexOf(dropped), 1);
          dropIndex(ex);
        }
        for (const list of lists) {
          for (const limit of [0, 1, 2, 3]) {
            assert.deepEqual(
              concurrentNexts(ex, list, 'p', limit),
              scanNexts(ex, list, 'p', limit),
              `seed ${seed}, step ${step}, limit ${limit}`,
            );
          }
        }
      }
    }
  });
});
