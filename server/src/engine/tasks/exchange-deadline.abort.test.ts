import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AttemptAbort } from '../run/attempt-abort';
import { EXCHANGE_TIMEOUT_CODE, ExchangeDeadline, ExchangeTimeoutError } from './exchange-deadline';

describe('ExchangeDeadline', () => {
  it('passes the task abort on to its listeners, with the task’s reason', () => {
    const source = new AttemptAbort();
    const deadline = new ExchangeDeadline(source, 60_000);
    let seen = 0;
    deadline.once('abort', () => seen++);
    const reason = new Error('killed');
    source.abort(reason);
    assert.equal(seen, 1);
    assert.equal(deadline.aborted, true);
    assert.equal(deadline.reason, reason);
    deadline.finish();
    assert.equal(source.listenerCount('abort'), 0);
  });

  it('follows an AbortSignal source too', () => {
    const controller = new AbortController();
    const deadline = new ExchangeDeadline(controller.signal, 60_000);
    let seen = 0;
    deadline.on('abort', () => seen++);
    controller.abort('stop');
    assert.equal(seen, 1);
    assert.equal(deadline.reason, 'stop');
    deadline.finish();
  });

  it('aborts with an ExchangeTimeoutError when the limit passes, and detaches from the source', async () => {
    const source = new AttemptAbort();
    const deadline = new ExchangeDeadline(source, 5);
    assert.equal(deadline.aborted, false);
    const calls: string[] = [];
    // The deadline's timer is unref'd (a request's socket keeps a run alive): hold the loop meanwhile.
    const keepAlive = setInterval(() => undefined, 1000);
    await new Promise<void>((resolve) => {
      deadline.on('abort', () => calls.push('first'));
      deadline.on('abort', () => {
        calls.push('second');
        resolve();
      });
    });
    clearInterval(keepAlive);
    assert.deepEqual(calls, ['first', 'second']);
    assert.equal(deadline.aborted, true);
    const reason = deadline.reason as ExchangeTimeoutError;
    assert.ok(reason instanceof ExchangeTimeoutError);
    assert.equal(reason.code, EXCHANGE_TIMEOUT_CODE);
    assert.equal(reason.limitMs, 5);
    assert.equal(source.listenerCount('abort'), 0);
    // A later task abort no longer reaches the finished exchange.
    source.abort(new Error('late'));
    assert.deepEqual(calls, ['first', 'second']);
    assert.equal(deadline.reason, reason);
  });

  it('removeListener and finish() take the listeners off the source', () => {
    const source = new AttemptAbort();
    const deadline = new ExchangeDeadline(source, 60_000);
    let seen = 0;
    const first = () => seen++;
    deadline.on('abort', first);
    deadline.on('abort', () => seen++);
    assert.equal(source.listenerCount('abort'), 2);
    deadline.removeListener('abort', first);
    assert.equal(source.listenerCount('abort'), 1);
    deadline.finish();
    deadline.finish();
    assert.equal(source.listenerCount('abort'), 0);
    source.abort(new Error('after'));
    assert.equal(seen, 0);
  });

  it('refuses any other event than abort', () => {
    const deadline = new ExchangeDeadline(new AttemptAbort(), 60_000);
    assert.throws(() => deadline.on('error', () => undefined), {
      message: "ExchangeDeadline emits only 'abort', not 'error'",
    });
    deadline.finish();
  });
});
