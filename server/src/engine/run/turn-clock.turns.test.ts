import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TurnClock } from './turn-clock';

describe('TurnClock', () => {
  it('gives the same Date within a turn and reads the clock again in the next one', async () => {
    const clock = new TurnClock();
    const first = clock.now();
    assert.equal(clock.now(), first);
    await Promise.resolve();
    const next = clock.now();
    assert.notEqual(next, first);
    assert.ok(next.getTime() >= first.getTime());
    assert.equal(clock.now(), next);
  });
});
