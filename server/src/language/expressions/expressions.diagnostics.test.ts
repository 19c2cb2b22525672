import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from '../../flow/catalog';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import { parseFlowDocument, type FlowDocument } from '../../flow/flow-document';
import { rangeOf } from '../test-support/text-at';
import { expressionDiagnostics } from './diagnostics';
import { fakeRegistry } from './fake-registry';

const catalog = PluginCatalog.bundled();

function check(text: string): { doc: FlowDocument; found: FlowDiagnostic[] } {
  const doc = parseFlowDocument(text);
  return { doc, found: expressionDiagnostics(doc, catalog, fakeRegistry()) };
}

const HEAD = `id: demo
namespace: company.team
inputs:
  - id: payload
    type: JSON
  - id: user.name
    type: STRING
variables:
  greeting: hello
tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: https://example.com
`;

describe('expression diagnostics: one exact object per code', () => {
  it('expression-syntax: the parser error, on the offending place inside a block scalar', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: |
      first line
      {{ inputs.payload + }}
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, ' ', 0, '+ }}'),
        severity: 'error',
        code: 'expression-syntax',
        message: 'Expected an expression, found "}}".',
      },
    ]);
  });

  it('unknown-input names the declared inputs and suggests the closest', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.paylod }} {{ inputs.user.name }}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, 'paylod'),
        severity: 'error',
        code: 'unknown-input',
        message:
          'No input `paylod` is declared: use one of `payload`, `user.name`, or declare it under `inputs`.',
        data: { suggestion: 'payload' },
      },
    ]);
  });

  it('unknown-task-reference for outputs.X and tasks.X, inside the quotes of a bracket', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs['send_dat'].body }} {{ tasks.nope.state }}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, 'send_dat', 0, 'message'),
        severity: 'error',
        code: 'unknown-task-reference',
        message:
          'No task `send_dat` in this flow: did you mean `send_data`? Use the id of a task declared in the flow.',
        data: { suggestion: 'send_data' },
      },
      {
        range: rangeOf(doc, 'nope'),
        severity: 'error',
        code: 'unknown-task-reference',
        message: 'No task `nope` in this flow: use the id of a task declared in the flow.',
      },
    ]);
  });

  it('unknown-output lists the outputs of the type', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.send_data.bdy }}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, 'bdy'),
        severity: 'error',
        code: 'unknown-output',
        message:
          'Task `send_data` (Request) has no output `bdy`: use one of `uri`, `code`, `headers`, `body`, `encryptedBody`, `formData`.',
        data: { suggestion: 'body' },
      },
    ]);
  });

  it('unknown-output on a task type without outputs', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
  - id: again
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.log.value }}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, 'value'),
        severity: 'error',
        code: 'unknown-output',
        message: 'Task `log` (Log) has no output `value`: a Log task has no outputs.',
      },
    ]);
  });

  it('output-not-yet-available for a later task, the task itself and a parallel sibling', () => {
    const { doc, found } = check(`id: demo
namespace: company.team
tasks:
  - id: early
    type: io.kestra.plugin.core.debug.Return
    format: "{{ outputs.late.value }} {{ outputs.early.value }}"
  - id: fan
    type: io.kestra.plugin.core.flow.Parallel
    tasks:
      - id: left
        type: io.kestra.plugin.core.debug.Return
        format: "{{ outputs.right.value }}"
      - id: right
        type: io.kestra.plugin.core.debug.Return
        format: r
  - id: late
    type: io.kestra.plugin.core.debug.Return
    format: x
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, 'late', 0, 'format'),
        severity: 'warning',
        code: 'output-not-yet-available',
        message:
          'Task `late` cannot have run before `early` (it comes later), so its outputs are not available here: move `late` earlier, or read its outputs in a later task.',
      },
      {
        range: rangeOf(doc, 'early', 0, 'format'),
        severity: 'warning',
        code: 'output-not-yet-available',
        message:
          'Task `early` reads its own outputs, which exist only once it has run: read them in a later task.',
      },
      {
        range: rangeOf(doc, 'right', 0, 'format'),
        severity: 'warning',
        code: 'output-not-yet-available',
        message:
          'Task `right` cannot have run before `left` (they run in parallel), so its outputs are not available here: move `right` earlier, or read its outputs in a later task.',
      },
    ]);
  });

  it('unknown-variable suggests the closest variable', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ vars.greting }}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, 'greting'),
        severity: 'error',
        code: 'unknown-variable',
        message: 'No variable `greting` is declared: use one of `greeting`, or add it under `variables`.',
        data: { suggestion: 'greeting' },
      },
    ]);
  });

  it('unknown-function, unknown-filter, unknown-test with suggestions', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ noww() | uper }}{% if inputs.payload is defind %}x{% endif %}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, 'noww'),
        severity: 'error',
        code: 'unknown-function',
        message:
          'Kestra has no function `noww`: did you mean `now`? Check the name against the functions Kestra provides.',
        data: { suggestion: 'now' },
      },
      {
        range: rangeOf(doc, 'uper'),
        severity: 'error',
        code: 'unknown-filter',
        message:
          'Kestra has no filter `uper`: did you mean `upper`? Check the name against the filters Kestra provides.',
        data: { suggestion: 'upper' },
      },
      {
        range: rangeOf(doc, 'defind'),
        severity: 'error',
        code: 'unknown-test',
        message:
          'Kestra has no test `defind`: did you mean `defined`? Check the name against the tests Kestra provides.',
        data: { suggestion: 'defined' },
      },
    ]);
  });

  it('wrong-argument-count: too many positional arguments, a missing required one', () => {
    const { doc, found } = check(`${HEAD}  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ now('iso', 'UTC') }} {{ range(1) }} {{ [1] | chunk }} {{ max(1, 2, 3) }} {{ range(end=2, start=1) }}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, "'UTC'"),
        severity: 'error',
        code: 'wrong-argument-count',
        message: 'The function `now` takes at most 1 argument (now(format)): remove the extra ones.',
      },
      {
        range: rangeOf(doc, '(1)'),
        severity: 'error',
        code: 'wrong-argument-count',
        message: 'The function `range` needs `end` (range(start, end, increment)): add it.',
      },
      {
        range: rangeOf(doc, 'chunk'),
        severity: 'error',
        code: 'wrong-argument-count',
        message: 'The filter `chunk` needs `size` (chunk(size)): add it.',
      },
    ]);
  });

  it('dynamic-expression-in-static-property: a string property the catalog marks not dynamic', () => {
    const { doc, found } = check(`id: demo
namespace: company.team
tasks:
  - id: stats
    type: io.kestra.plugin.core.log.Fetch
    tasksId:
      - "{{ inputs.task }}"
`);
    assert.deepEqual(found, [
      {
        range: rangeOf(doc, '{{ inputs.task }}'),
        severity: 'warning',
        code: 'dynamic-expression-in-static-property',
        message:
          '`tasksId` of Fetch is not rendered: Kestra uses this text as written, expression included. Write the value itself.',
      },
    ]);
  });
});
