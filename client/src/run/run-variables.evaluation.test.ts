import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyRunEvent, initialRunState, type RunState } from '../../webview/model/run-state';
import { evaluateInRun, runVariables } from './run-variables';

function finishedRun(): RunState {
  const state = initialRunState();
  const time = '2024-01-01T00:00:00.000Z';
  applyRunEvent(state, {
    event: 'execution.started',
    time,
    executionId: 'exec1',
    namespace: 'example',
    flowId: 'http_get',
    inputs: { product_id: 2 },
  });
  applyRunEvent(state, { event: 'taskrun.started', time, taskRunId: 'r1', taskId: 'send_data' });
  applyRunEvent(state, {
    event: 'taskrun.ended',
    time,
    taskRunId: 'r1',
    taskId: 'send_data',
    state: 'SUCCESS',
    outputs: { code: 200, body: '{"a":[1,2]}' },
  });
  applyRunEvent(state, {
    event: 'execution.ended',
    time,
    executionId: 'exec1',
    state: 'SUCCESS',
    outputs: { send_data: { code: 200, body: '{"a":[1,2]}' } },
  });
  return state;
}

describe('evaluateInRun', () => {
  const variables = runVariables(finishedRun());

  it('exposes flow, execution, inputs, outputs and task states', () => {
    assert.deepEqual(variables.flow, { id: 'http_get', namespace: 'example' });
    assert.deepEqual(variables.execution, {
      id: 'exec1',
      originalId: 'exec1',
      startDate: '2024-01-01T00:00:00.000Z',
    });
    assert.deepEqual(variables.inputs, { product_id: 2 });
    assert.deepEqual(variables.tasks, { send_data: { state: 'SUCCESS' } });
  });

  it('evaluates a lone {{ }} to its typed value, a template to text, a bare expression to its value', () => {
    assert.deepEqual(evaluateInRun('{{ outputs.send_data.code }}', variables), {
      ok: true,
      value: 200,
      text: '200',
    });
    assert.deepEqual(evaluateInRun('code={{ outputs.send_data.code }}', variables), {
      ok: true,
      value: 'code=200',
      text: 'code=200',
    });
    assert.deepEqual(evaluateInRun(' outputs.send_data.body | jq(".a") ', variables).ok, false); // jq is not loaded here
    assert.deepEqual(evaluateInRun('{{ inputs.product_id + 1 }}', variables), {
      ok: true,
      value: 3,
      text: '3',
    });
    assert.deepEqual(evaluateInRun('{{ fromJson(outputs.send_data.body).a }}', variables), {
      ok: true,
      value: [1, 2],
      text: '[\n  1,\n  2\n]',
    });
    assert.deepEqual(evaluateInRun('{{ flow.namespace ~ "." ~ flow.id }}', variables), {
      ok: true,
      value: 'example.http_get',
      text: 'example.http_get',
    });
  });

  it('says what is wrong, in Kestra words', () => {
    const missing = evaluateInRun('{{ outputs.nope.code }}', variables);
    assert.equal(missing.ok, false);
    assert.match(
      missing.ok ? '' : missing.message,
      /^Unable to find `nope` used in the expression `\{\{ outputs\.nope\.code \}\}` at line 1/,
    );
    assert.deepEqual(evaluateInRun('   ', variables), {
      ok: false,
      message: 'Type an expression, e.g. {{ outputs.my_task.value }}.',
    });
    assert.equal(evaluateInRun('{{ outputs.', variables).ok, false);
  });
});
