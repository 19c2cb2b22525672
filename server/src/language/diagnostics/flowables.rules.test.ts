import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dagDependencies } from './dag-dependencies';
import { recursiveSubflow } from './recursive-subflow';
import { requiredTaskLists } from './required-task-lists';
import { at, runRule } from './rule-test-support';
import { switchCases } from './switch-cases';
import { workerGroup } from './worker-group';
import { workingDirectoryChildren } from './working-directory';

describe('Switch', () => {
  it('needs tasks in cases or defaults (alias and any case accepted)', () => {
    const text = `id: s
namespace: company.team
tasks:
  - id: empty
    type: io.kestra.core.tasks.flows.switch
    value: "{{ inputs.x }}"
    cases:
      A: []
    defaults: null
  - id: fine
    type: io.kestra.plugin.core.flow.Switch
    value: x
    defaults:
      - id: d
        type: io.kestra.plugin.core.log.Log
        message: d
`;
    assert.deepEqual(runRule(switchCases, text), [
      {
        range: at(3, 8, 13),
        severity: 'error',
        code: 'switch-without-tasks',
        message:
          "Switch 'empty' has no task to run: neither `cases` nor `defaults` holds any task. Add tasks under a case value or under `defaults`.",
      },
    ]);
  });
});

describe('Dag', () => {
  const text = `id: d
namespace: company.team
tasks:
  - id: dag
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: a
          type: io.kestra.plugin.core.log.Log
          message: a
        dependsOn: [b]
      - task:
          id: b
          type: io.kestra.plugin.core.log.Log
          message: b
        dependsOn: [a, nope]
      - task:
          id: c
          type: io.kestra.plugin.core.log.Log
          message: c
        dependsOn: [a]
`;

  it('reports unknown dependencies and each edge of a cycle', () => {
    assert.deepEqual(runRule(dagDependencies, text), [
      {
        range: at(15, 23, 27),
        severity: 'error',
        code: 'unknown-dependency',
        message: "'nope' is not a task of Dag 'dag': `dependsOn` names tasks of the same Dag (a, b, c).",
      },
      {
        range: at(10, 20, 21),
        severity: 'error',
        code: 'dependency-cycle',
        message:
          "Cyclic dependency detected in Dag 'dag' between a, b: remove one of these `dependsOn` entries.",
      },
      {
        range: at(15, 20, 21),
        severity: 'error',
        code: 'dependency-cycle',
        message:
          "Cyclic dependency detected in Dag 'dag' between a, b: remove one of these `dependsOn` entries.",
      },
    ]);
  });
});

describe('WorkingDirectory', () => {
  it('accepts runnable children only, and no worker group on them', () => {
    const text = `id: w
namespace: company.team
tasks:
  - id: wd
    type: io.kestra.plugin.core.flow.WorkingDirectory
    tasks:
      - id: log
        type: io.kestra.plugin.core.log.Log
        message: ok
        workerGroup:
          key: gpu
      - id: seq
        type: io.kestra.plugin.core.flow.Sequential
        tasks:
          - id: inner
            type: io.kestra.plugin.core.log.Log
            message: inner
`;
    assert.deepEqual(runRule(workingDirectoryChildren, text), [
      {
        range: at(9, 8, 19),
        severity: 'error',
        code: 'worker-group-in-working-directory',
        message:
          "Cannot set a worker group on a task inside a WorkingDirectory: set `workerGroup` on 'wd' instead.",
      },
      {
        range: at(12, 14, 51),
        severity: 'error',
        code: 'non-runnable-in-working-directory',
        message:
          "Only runnable tasks are allowed as children of a WorkingDirectory task: io.kestra.plugin.core.flow.Sequential is a flowable task. Move it out of 'wd'.",
      },
    ]);
    assert.deepEqual(runRule(workerGroup, text), [
      {
        range: at(10, 15, 18),
        severity: 'warning',
        code: 'enterprise-only',
        message:
          'Worker groups are an Enterprise Edition feature: an open-source Kestra server rejects a `workerGroup.key`. Remove it unless this flow runs on Kestra Enterprise.',
      },
    ]);
  });
});

describe('required task lists', () => {
  it('reports a missing, null or empty list where Kestra requires tasks', () => {
    const text = `id: r
namespace: company.team
tasks:
  - id: p
    type: io.kestra.plugin.core.flow.Parallel
  - id: i
    type: io.kestra.plugin.core.flow.If
    condition: "{{ true }}"
    then: []
  - id: wd
    type: io.kestra.plugin.core.flow.WorkingDirectory
    tasks: null
listeners:
  - tasks: []
`;
    assert.deepEqual(runRule(requiredTaskLists, text), [
      {
        range: at(13, 4, 9),
        severity: 'error',
        code: 'empty-task-list',
        message: 'The `tasks` list of a listener must not be empty: add at least one task.',
      },
      {
        range: at(3, 8, 9),
        severity: 'error',
        code: 'empty-task-list',
        message: "Parallel 'p' needs a `tasks` list with at least one task.",
      },
      {
        range: at(8, 4, 8),
        severity: 'error',
        code: 'empty-task-list',
        message: "The `then` list of If 'i' must not be empty: add at least one task.",
      },
      {
        range: at(11, 4, 9),
        severity: 'error',
        code: 'empty-task-list',
        message: "The `tasks` list of WorkingDirectory 'wd' must not be empty: add at least one task.",
      },
    ]);
  });

  it('reports a flow without tasks on its id', () => {
    assert.deepEqual(runRule(requiredTaskLists, 'id: empty\nnamespace: company.team\n'), [
      {
        range: at(0, 4, 9),
        severity: 'error',
        code: 'empty-task-list',
        message: 'The flow needs a `tasks` list with at least one task.',
      },
    ]);
  });
});

describe('recursive subflow', () => {
  it('flags a Subflow that starts its own flow', () => {
    const text = `id: me
namespace: company.team
tasks:
  - id: again
    type: io.kestra.core.tasks.flows.Flow
    namespace: company.team
    flowId: me
`;
    assert.deepEqual(runRule(recursiveSubflow, text), [
      {
        range: at(6, 12, 14),
        severity: 'error',
        code: 'recursive-subflow',
        message:
          'Recursive call to flow [company.team.me]: a flow cannot start itself as a subflow. Point `flowId` at another flow.',
      },
    ]);
  });
});
