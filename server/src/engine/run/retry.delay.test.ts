import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextRetryAt, readRetry, retryDelay, type RetryPolicy } from './retry';

function policy(value: Record<string, unknown>): RetryPolicy {
  const read = readRetry(value);
  if (!read || 'error' in read) assert.fail(JSON.stringify(read));
  return read;
}

describe('retry policies', () => {
  it('constant waits the interval', () => {
    const constant = policy({ type: 'constant', interval: 'PT2S' });
    assert.equal(retryDelay(constant, 1), 2000);
    assert.equal(retryDelay(constant, 5), 2000);
  });

  it('exponential: interval × factor × (attempts − 1), capped; the first retry has no delay', () => {
    const exponential = policy({ type: 'exponential', interval: 'PT1S', maxInterval: 'PT5S' });
    assert.deepEqual(
      [1, 2, 3, 4].map((n) => retryDelay(exponential, n)),
      [0, 2000, 4000, 5000],
    );
    const factor3 = policy({ type: 'exponential', interval: 'PT1S', maxInterval: 'PT1M', delayFactor: 3.7 });
    assert.equal(retryDelay(factor3, 3), 6000);
  });

  it('random stays in [min, max)', () => {
    const random = policy({ type: 'random', minInterval: 'PT1S', maxInterval: 'PT2S' });
    assert.equal(
      retryDelay(random, 1, () => 0),
      1000,
    );
    assert.equal(
      retryDelay(random, 1, () => 0.999),
      1999,
    );
  });

  it('maxAttempt counts the first attempt; maxDuration counts from the first start', () => {
    const constant = policy({ type: 'constant', interval: 'PT1S', maxAttempt: 3, maxDuration: 'PT2.5S' });
    assert.equal(nextRetryAt(constant, { count: 1, firstStart: 0, lastEnd: 100 }), 1100);
    assert.equal(nextRetryAt(constant, { count: 2, firstStart: 0, lastEnd: 1200 }), 2200);
    assert.equal(nextRetryAt(constant, { count: 2, firstStart: 0, lastEnd: 1600 }), undefined);
    assert.equal(nextRetryAt(constant, { count: 3, firstStart: 0, lastEnd: 100 }), undefined);
  });

  it('explains what is missing', () => {
    assert.deepEqual(readRetry({ type: 'exponential', interval: 'PT1S' }), {
      error: 'a exponential retry needs `maxInterval`',
    });
    assert.deepEqual(readRetry({ type: 'linear' }), {
      error: 'retry `type` must be constant, exponential or random, not `linear`',
    });
  });
});
