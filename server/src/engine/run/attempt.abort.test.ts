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

  it('calls its abort listeners once, in order, with the listeners of that moment', () => {
    const abort = new AttemptAbort();
    const calls: string[] = [];
    const second = () => calls.push('second');
    abort.on('abort', () => {
      calls.push('first');
      abort.removeListener('abort', second);
      abort.on('abort', () => calls.push('added during the abort'));
    });
    abort.once('abort', second);
    const removed = () => calls.push('removed');
    abort.on('abort', removed);
    abort.off('abort', removed);
    assert.equal(abort.listenerCount('abort'), 2);
    abort.abort(new Error('killed'));
    abort.abort(new Error('again'));
    assert.deepEqual(calls, ['first', 'second']);
    assert.equal(abort.listenerCount('abort'), 0);
  });

  it('refuses any other event than abort', () => {
    assert.throws(() => new AttemptAbort().on('error' as 'abort', () => undefined), {
      message: "An attempt's abort emits only 'abort', not 'error'",
    });
  });
});
