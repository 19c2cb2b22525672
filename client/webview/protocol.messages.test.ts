import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWebviewMessage } from './protocol';

describe('parseWebviewMessage', () => {
  it('accepts every message type with its fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'cancelRun', extra: 1 }), { type: 'cancelRun' });
    assert.deepEqual(
      parseWebviewMessage({ type: 'submitInputs', values: { a: 'x', b: true, c: ['1', '2'] } }),
      {
        type: 'submitInputs',
        values: { a: 'x', b: true, c: ['1', '2'] },
      },
    );
    assert.deepEqual(parseWebviewMessage({ type: 'evaluate', requestId: 3, expression: '{{ outputs.t }}' }), {
      type: 'evaluate',
      requestId: 3,
      expression: '{{ outputs.t }}',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'copy', text: 'v', what: 'value' }), {
      type: 'copy',
      text: 'v',
      what: 'value',
    });
    assert.deepEqual(parseWebviewMessage({ type: 'pickFile', inputId: 'f' }), {
      type: 'pickFile',
      inputId: 'f',
    });
  });

  it('rejects unknown types and malformed fields', () => {
    assert.equal(parseWebviewMessage(null), undefined);
    assert.equal(parseWebviewMessage('ready'), undefined);
    assert.equal(parseWebviewMessage({ type: 'runFlow' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'submitInputs', values: { a: 1 } }), undefined);
    assert.equal(parseWebviewMessage({ type: 'submitInputs', values: { a: ['x', 2] } }), undefined);
    assert.equal(parseWebviewMessage({ type: 'submitInputs', values: [] }), undefined);
    assert.equal(parseWebviewMessage({ type: 'evaluate', requestId: '3', expression: 'x' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'copy', text: 'v' }), undefined);
    assert.equal(parseWebviewMessage({ type: 'pickFile' }), undefined);
  });
});
