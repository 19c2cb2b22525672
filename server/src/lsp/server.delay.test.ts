import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_DIAGNOSTICS_DELAY_MS, diagnosticsDelay } from './server';

describe('initializationOptions.diagnosticsDelayMs', () => {
  it('sets the wait before validating a change, from 0 to 2000 ms', () => {
    assert.equal(diagnosticsDelay({ diagnosticsDelayMs: 0 }), 0);
    assert.equal(diagnosticsDelay({ diagnosticsDelayMs: 400 }), 400);
  });

  it('keeps 150 ms when absent or not a usable number', () => {
    assert.equal(DEFAULT_DIAGNOSTICS_DELAY_MS, 150);
    for (const options of [
      undefined,
      null,
      {},
      { diagnosticsDelayMs: '0' },
      { diagnosticsDelayMs: -1 },
      { diagnosticsDelayMs: 1e9 },
      { diagnosticsDelayMs: Number.NaN },
    ])
      assert.equal(diagnosticsDelay(options), 150);
  });
});
