import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttemptAbort } from './attempt';

describe('AttemptAbort', () => {
  it('gives a live signal that a later abort aborts, first reason kept', () => {
    const abort = new AttemptAbort();
    const signal = abort.signal;
    assert.equal(signal.aborted, false);
    assert.equal(abort.aborted, false);
    const first = new Error('timeout');
    abort.abort(first);
    abort.abort(new Error('killed'));
    assert.equal(signal.aborted, true);
    assert.equal(signal.reason, first);
    assert.equal(abort.reason, first);
    assert.equal(abort.signal, signal);
  });

  it('remembers an abort made before anyone asked for the signal', () => {
    const abort = new AttemptAbort();
    const reason = new Error('killed');
    abort.abort(reason);
    assert.equal(abort.aborted, true);
    assert.equal(abort.signal.aborted, true);
    assert.equal(abort.signal.reason, reason);
  });
});
