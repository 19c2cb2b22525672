// Flowable tasks: ForEach output keying and concurrency, nested iteration context, If, Parallel,
// Dag ordering, EachSequential/EachParallel, WaitFor.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runText } from './support/run-flow';

describe('ForEach', () => {
  it('keys child outputs by value, sequentially by default', async () => {
    const run = await runText(`id: foreach
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b", "a", 1, {"k": "v"}]
    tasks:
      - id: inner
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
      - id: after
        type: io.kestra.plugin.core.debug.Return
        format: "{{ outputs.inner[taskrun.value].value }}!"
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    const outputs = run.events.at(-1);
    assert.ok(outputs?.event === 'execution.ended');
    assert.deepEqual(outputs.outputs.inner, {
      a: { value: 'a' },
      b: { value: 'b' },
      '1': { value: '1' },
      '{"k":"v"}': { value: '{"k":"v"}' },
    });
    assert.deepEqual(outputs.outputs.after, {
      a: { value: 'a!' },
      b: { value: 'b!' },
      '1': { value: '1!' },
      '{"k":"v"}': { value: '{"k":"v"}!' },
    });
    // values × tasks, value after value
    assert.deepEqual(
      run.execution.taskRuns.slice(1).map((r) => `${r.taskId}[${r.value}]`),
      [
        'inner[a]',
        'after[a]',
        'inner[b]',
        'after[b]',
        'inner[1]',
        'after[1]',
        'inner[{"k":"v"}]',
        'after[{"k":"v"}]',
      ],
    );
  });

  it('rejects booleans in a YAML list, accepts a JSON string', async () => {
    const bad = await runText(`id: foreach_bad
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: [true]
    tasks:
      - id: inner
        type: io.kestra.plugin.core.log.Log
        message: x
`);
    assert.equal(bad.execution.state.current, 'FAILED');
    assert.equal(bad.endedRuns('each')[0].error, 'Unknown value element type: class java.lang.Boolean');
    const good = await runText(`id: foreach_json
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: '[true, 2.5]'
    tasks:
      - id: inner
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
`);
    assert.deepEqual(
      good.execution.taskRuns.slice(1).map((r) => r.value),
      ['true', '2.5'],
    );
  });

  it('nested ForEach keys outputs by both values; parent.taskrun.value reaches the outer value', async () => {
    const run = await runText(`id: nested
namespace: company.team
tasks:
  - id: outer
    type: io.kestra.plugin.core.flow.ForEach
    values: ["x", "y"]
    tasks:
      - id: inner_each
        type: io.kestra.plugin.core.flow.ForEach
        values: ["1", "2"]
        tasks:
          - id: leaf
            type: io.kestra.plugin.core.debug.Return
            format: "{{ parent.taskrun.value }}-{{ taskrun.value }}"
`);
    const end = run.events.at(-1);
    assert.ok(end?.event === 'execution.ended');
    assert.deepEqual(end.outputs.leaf, {
      x: { '1': { value: 'x-1' }, '2': { value: 'x-2' } },
      y: { '1': { value: 'y-1' }, '2': { value: 'y-2' } },
    });
  });

  it('concurrencyLimit 0 starts every value at once, tasks of one value stay ordered', async () => {
    const run = await runText(`id: concurrent
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b", "c"]
    concurrencyLimit: 0
    tasks:
      - id: first
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.05S
      - id: second
        type: io.kestra.plugin.core.log.Log
        message: "{{ taskrun.value }}"
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    const order = run.execution.taskRuns.slice(1).map((r) => `${r.taskId}[${r.value}]`);
    assert.deepEqual(order.slice(0, 3), ['first[a]', 'first[b]', 'first[c]']);
    for (const value of ['a', 'b', 'c']) {
      assert.ok(order.indexOf(`second[${value}]`) > order.indexOf(`first[${value}]`));
    }
    assert.equal(run.execution.taskRuns.length, 7);
  });

  it('an empty list succeeds at once', async () => {
    const run = await runText(`id: empty
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: []
    tasks:
      - id: inner
        type: io.kestra.plugin.core.log.Log
        message: x
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.equal(run.execution.taskRuns.length, 1);
  });
});

describe('If, Parallel, Dag, Each*', () => {
  it('If evaluates once and exposes evaluationResult to children via parent.outputs', async () => {
    const run = await runText(`id: if_flow
namespace: company.team
tasks:
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ 2 > 1 }}"
    then:
      - id: yes
        type: io.kestra.plugin.core.log.Log
        message: "then {{ parent.outputs.evaluationResult }}"
    else:
      - id: no
        type: io.kestra.plugin.core.log.Log
        message: else
  - id: false_without_else
    type: io.kestra.plugin.core.flow.If
    condition: "false"
    then:
      - id: never
        type: io.kestra.plugin.core.log.Log
        message: never
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.deepEqual(run.logs(), ['then true']);
    assert.deepEqual(run.endedRuns('false_without_else')[0].outputs, { evaluationResult: false });
  });

  it('Parallel starts its children together, at most `concurrent` at a time', async () => {
    const run = await runText(`id: parallel
namespace: company.team
tasks:
  - id: par
    type: io.kestra.plugin.core.flow.Parallel
    concurrent: 2
    tasks:
      - id: p1
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.03S
      - id: p2
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.03S
      - id: p3
        type: io.kestra.plugin.core.flow.Sleep
        duration: PT0.03S
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    const runs = run.execution.taskRuns;
    const startOf = (id: string) =>
      Date.parse(runs.find((r) => r.taskId === id)?.state.histories[0].date ?? '');
    const endOf = (id: string) =>
      Date.parse(runs.find((r) => r.taskId === id)?.state.histories.at(-1)?.date ?? '');
    assert.ok(startOf('p3') >= Math.min(endOf('p1'), endOf('p2')), 'p3 waits for a free slot');
  });

  it('after a failure, Parallel starts no new child and runs its errors', async () => {
    const run = await runText(`id: parallel_fail
namespace: company.team
tasks:
  - id: par
    type: io.kestra.plugin.core.flow.Parallel
    concurrent: 1
    tasks:
      - id: ko
        type: io.kestra.plugin.core.execution.Fail
      - id: never
        type: io.kestra.plugin.core.log.Log
        message: never
    errors:
      - id: handle
        type: io.kestra.plugin.core.log.Log
        message: handled
`);
    assert.equal(run.execution.state.current, 'FAILED');
    assert.deepEqual(
      run.execution.taskRuns.map((r) => `${r.taskId}:${r.state.current}`),
      ['par:FAILED', 'ko:FAILED', 'handle:SUCCESS'],
    );
  });

  it('Dag runs a task once its dependencies terminated', async () => {
    const run = await runText(`id: dag
namespace: company.team
tasks:
  - id: dag
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: last
          type: io.kestra.plugin.core.log.Log
          message: last
        dependsOn: [left, right]
      - task:
          id: left
          type: io.kestra.plugin.core.log.Log
          message: left
        dependsOn: [root]
      - task:
          id: right
          type: io.kestra.plugin.core.log.Log
          message: right
        dependsOn: [root]
      - task:
          id: root
          type: io.kestra.plugin.core.log.Log
          message: root
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    const order = run.execution.taskRuns.map((r) => r.taskId);
    assert.equal(order[1], 'root');
    assert.ok(
      order.indexOf('last') > order.indexOf('left') && order.indexOf('last') > order.indexOf('right'),
    );
  });

  it('EachParallel and EachSequential iterate over value × tasks', async () => {
    const run = await runText(`id: each_old
namespace: company.team
tasks:
  - id: seq
    type: io.kestra.core.tasks.flows.EachSequential
    value: ["1", "2"]
    tasks:
      - id: s
        type: io.kestra.plugin.core.debug.Return
        format: "s{{ taskrun.value }}"
  - id: par
    type: io.kestra.core.tasks.flows.EachParallel
    value: '["3", "4"]'
    tasks:
      - id: p
        type: io.kestra.plugin.core.debug.Return
        format: "p{{ taskrun.value }}"
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.equal(run.execution.taskRuns.length, 6);
    const end = run.events.at(-1);
    assert.ok(end?.event === 'execution.ended');
    assert.deepEqual(end.outputs.p, { '3': { value: 'p3' }, '4': { value: 'p4' } });
  });

  it('WaitFor loops until its condition holds', async () => {
    const run = await runText(`id: wait_for
namespace: company.team
tasks:
  - id: loop
    type: io.kestra.plugin.core.flow.WaitFor
    condition: "{{ outputs.loop.iterationCount >= 3 }}"
    checkFrequency:
      interval: PT0.01S
    tasks:
      - id: body
        type: io.kestra.plugin.core.debug.Return
        format: "{{ outputs.loop.iterationCount }}"
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.deepEqual(
      run.endedRuns('body').map((r) => r.outputs?.value),
      ['1', '2'],
    );
    assert.deepEqual(run.endedRuns('loop')[0].outputs, { iterationCount: 3 });
  });
});
