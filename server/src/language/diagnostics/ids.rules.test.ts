import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { duplicateInputIds } from './duplicate-input-ids';
import { duplicateOutputIds } from './duplicate-output-ids';
import { duplicateTaskIds } from './duplicate-task-ids';
import { duplicateTriggerIds } from './duplicate-trigger-ids';
import { idPatterns } from './id-patterns';
import { at, runRule } from './rule-test-support';

describe('duplicate ids', () => {
  it('flags each occurrence of a task id used twice, across depths and errors branches', () => {
    const text = `id: dup
namespace: company.team
tasks:
  - id: a
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: a
        type: io.kestra.plugin.core.log.Log
        message: x
errors:
  - id: b
    type: io.kestra.plugin.core.log.Log
    message: y
`;
    assert.deepEqual(runRule(duplicateTaskIds, text), [
      {
        range: at(3, 8, 9),
        severity: 'error',
        code: 'duplicate-id',
        message:
          "Task id 'a' is also used on line 7: task ids must be unique across the whole flow, at every depth. Rename one of them.",
      },
      {
        range: at(6, 12, 13),
        severity: 'error',
        code: 'duplicate-id',
        message:
          "Task id 'a' is also used on line 4: task ids must be unique across the whole flow, at every depth. Rename one of them.",
      },
    ]);
  });

  it('flags duplicate trigger, input and output ids', () => {
    const text = `id: dup
namespace: company.team
inputs:
  - id: x
    type: STRING
  - id: x
    type: INT
tasks:
  - id: t
    type: io.kestra.plugin.core.log.Log
    message: m
triggers:
  - id: s
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "* * * * *"
  - id: s
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "* * * * *"
outputs:
  - id: o
    type: STRING
    value: a
  - id: o
    type: STRING
    value: b
`;
    assert.deepEqual(
      runRule(duplicateTriggerIds, text).map((d) => [d.code, d.range.start.line, d.message]),
      [
        ['duplicate-trigger-id', 12, "Trigger id 's' is also used on line 16: rename one of the triggers."],
        ['duplicate-trigger-id', 15, "Trigger id 's' is also used on line 13: rename one of the triggers."],
      ],
    );
    assert.deepEqual(
      runRule(duplicateInputIds, text).map((d) => [d.code, d.range, d.message]),
      [
        ['duplicate-input-id', at(3, 8, 9), "Input id 'x' is also used on line 6: rename one of the inputs."],
        ['duplicate-input-id', at(5, 8, 9), "Input id 'x' is also used on line 4: rename one of the inputs."],
      ],
    );
    assert.deepEqual(
      runRule(duplicateOutputIds, text).map((d) => [d.code, d.range.start.line]),
      [
        ['duplicate-output-id', 19],
        ['duplicate-output-id', 22],
      ],
    );
  });
});

describe('id patterns', () => {
  it('reports the flow id, a lower-case namespace and dotted task ids on the offending value', () => {
    const text = `id: my#flow
namespace: Company.Team
tasks:
  - id: say.hello
    type: io.kestra.plugin.core.log.Log
    message: hi
  - type: io.kestra.plugin.core.debug.MissingType
inputs:
  - id: nested.input_ok
    type: STRING
`;
    assert.deepEqual(runRule(idPatterns, text), [
      {
        range: at(0, 4, 11),
        severity: 'error',
        code: 'invalid-id',
        message:
          "Flow id 'my#flow' contains '#': use only letters, digits, '.', '_' and '-', starting with a letter or a digit. For example 'my_flow'.",
        data: { suggestion: 'my_flow' },
      },
      {
        range: at(1, 11, 23),
        severity: 'error',
        code: 'invalid-namespace',
        message:
          "Namespace 'Company.Team' must be lower-case: use only lower-case letters, digits, '.', '_' and '-', starting with a lower-case letter or a digit. For example 'company.team'.",
        data: { suggestion: 'company.team' },
      },
      {
        range: at(3, 8, 17),
        severity: 'error',
        code: 'invalid-id',
        message:
          "Task id 'say.hello' contains '.': use only letters, digits, '_' and '-' (no dots), starting with a letter or a digit. For example 'say_hello'.",
        data: { suggestion: 'say_hello' },
      },
      {
        range: at(6, 10, 49),
        severity: 'error',
        code: 'missing-id',
        message: 'This task has no `id`: add one, unique in the flow.',
      },
    ]);
  });

  it('says when an id is empty or too long', () => {
    const text = `id: ""
namespace: ${'a'.repeat(151)}
tasks: []
`;
    assert.deepEqual(
      runRule(idPatterns, text).map((d) => d.message),
      ['Flow id must not be empty.', 'Namespace is 151 characters long: the maximum is 150.'],
    );
  });
});
