import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from '../../flow/catalog';
import { parseFlowDocument } from '../../flow/flow-document';
import type { TaskModel } from '../../flow/model';
import { FlowableKinds } from './flowable-kinds';
import { TaskOrder, type OrderMode } from './task-order';

const catalog = PluginCatalog.bundled();

const FLOW = `id: order
namespace: company.team
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: hi
  - id: branch
    type: io.kestra.plugin.core.flow.If
    condition: "{{ true }}"
    then:
      - id: in_then
        type: io.kestra.plugin.core.log.Log
        message: then
      - id: then_second
        type: io.kestra.plugin.core.log.Log
        message: then 2
    else:
      - id: in_else
        type: io.kestra.plugin.core.log.Log
        message: else
    errors:
      - id: branch_error
        type: io.kestra.plugin.core.log.Log
        message: error
  - id: fan
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - id: left
        type: io.kestra.plugin.core.log.Log
        message: l
      - id: right
        type: io.kestra.plugin.core.log.Log
        message: r
    errors:
      - id: fan_error_1
        type: io.kestra.plugin.core.log.Log
        message: e1
      - id: fan_error_2
        type: io.kestra.plugin.core.log.Log
        message: e2
  - id: graph
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: a
          type: io.kestra.plugin.core.log.Log
          message: a
      - task:
          id: b
          type: io.kestra.plugin.core.log.Log
          message: b
        dependsOn: [a]
      - task:
          id: c
          type: io.kestra.plugin.core.log.Log
          message: c
        dependsOn: [b]
      - task:
          id: d
          type: io.kestra.plugin.core.log.Log
          message: d
  - id: loop
    type: io.kestra.plugin.core.flow.ForEach
    values: [1, 2]
    tasks:
      - id: each_first
        type: io.kestra.plugin.core.log.Log
        message: x
      - id: each_second
        type: io.kestra.plugin.core.log.Log
        message: y
  - id: wait
    type: io.kestra.plugin.core.flow.WaitFor
    condition: "{{ outputs.probe.value == 'ok' }}"
    tasks:
      - id: probe
        type: io.kestra.plugin.core.debug.Return
        format: ok
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: bye
errors:
  - id: flow_error
    type: io.kestra.plugin.core.log.Log
    message: failed
  - id: flow_error_2
    type: io.kestra.plugin.core.log.Log
    message: failed again
`;

const doc = parseFlowDocument(FLOW);
const tasks = doc.model?.allTasks ?? [];
const order = new TaskOrder(new FlowableKinds(catalog));

function task(id: string): TaskModel {
  const found = tasks.find((t) => t.id?.value === id);
  assert.ok(found, id);
  return found;
}

function before(id: string, mode: OrderMode = 'strict'): string[] {
  return order.before(tasks, task(id), mode).map((t) => t.id?.value ?? '');
}

describe('task order: which tasks can have run before another', () => {
  it('sees earlier top-level tasks with their descendants, never itself or later ones', () => {
    assert.deepEqual(before('fan'), ['first', 'branch', 'in_then', 'then_second', 'in_else', 'branch_error']);
    assert.deepEqual(before('first'), []);
  });

  it('inside If: the If itself and earlier tasks of the same branch, not the other branch', () => {
    assert.deepEqual(before('then_second'), ['first', 'branch', 'in_then']);
    assert.deepEqual(before('in_else'), ['first', 'branch']);
  });

  it('in an errors branch: every normal child of the same parent', () => {
    assert.deepEqual(before('branch_error'), ['first', 'branch', 'in_then', 'then_second', 'in_else']);
  });

  it('treats Parallel siblings as not before; their errors tasks run together', () => {
    assert.deepEqual(before('right').slice(-2), ['branch_error', 'fan']);
    assert.ok(!before('right').includes('left'));
    assert.ok(before('fan_error_2').includes('left'));
    assert.ok(!before('fan_error_2').includes('fan_error_1'));
  });

  it('follows Dag dependsOn transitively, nothing else of the Dag', () => {
    const dag = (id: string) => before(id).filter((t) => ['a', 'b', 'c', 'd'].includes(t));
    assert.deepEqual(dag('c'), ['a', 'b']);
    assert.deepEqual(dag('b'), ['a']);
    assert.deepEqual(dag('d'), []);
  });

  it('inside ForEach: earlier siblings strictly, every sibling (itself too) relaxed', () => {
    assert.ok(before('each_second').includes('each_first'));
    assert.ok(!before('each_first').includes('each_second'));
    assert.ok(before('each_first', 'relaxed').includes('each_second'));
    assert.ok(before('each_first', 'relaxed').includes('each_first'));
    assert.ok(!before('first', 'relaxed').includes('first'));
  });

  it('WaitFor sees its own body (its condition is rendered after each iteration)', () => {
    assert.ok(before('wait').includes('probe'));
    assert.ok(before('probe').includes('wait'));
  });

  it('flow errors see every task; a later flow error sees the earlier one', () => {
    const seen = before('flow_error_2');
    assert.equal(seen.length, tasks.length - 1);
    assert.ok(seen.includes('last') && seen.includes('flow_error'));
  });
});
