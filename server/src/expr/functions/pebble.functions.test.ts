import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callFunction, errorOf } from '../lib/registry-test-kit';

describe('max and min', () => {
  it('pick the largest or smallest number', () => {
    assert.equal(callFunction('max', { values: 1, _rest: [1, 5, 3] }), 5);
    assert.equal(callFunction('min', { values: 4, _rest: [4, 2.5, 3] }), 2.5);
    assert.equal(callFunction('max', { _rest: [] }), null);
  });

  it('skip nulls and reject non-numbers', () => {
    assert.equal(callFunction('max', { _rest: [null, 2, null] }), 2);
    assert.equal(
      errorOf(() => callFunction('min', { _rest: [1, 'a'] })),
      'invalid operands for mathematical comparison [LESS_THAN]',
    );
  });
});

describe('range', () => {
  it('lists numbers inclusively with an increment', () => {
    assert.deepEqual(callFunction('range', { start: 1, end: 5 }), [1, 2, 3, 4, 5]);
    assert.deepEqual(callFunction('range', { start: 0, end: 10, increment: 3 }), [0, 3, 6, 9]);
    assert.deepEqual(callFunction('range', { start: 3, end: 1, increment: -1 }), [3, 2, 1]);
    assert.deepEqual(callFunction('range', { start: 5, end: 1 }), []);
  });

  it('lists characters', () => {
    assert.deepEqual(callFunction('range', { start: 'a', end: 'e', increment: 2 }), ['a', 'c', 'e']);
  });

  it('rejects a zero increment and mixed bounds', () => {
    assert.equal(
      errorOf(() => callFunction('range', { start: 1, end: 2, increment: 0 })),
      'The increment of the range function must be different than 0',
    );
    assert.equal(
      errorOf(() => callFunction('range', { start: 1, end: 'b' })),
      'Arguments of range function must be of type Number or String with a length of 1',
    );
  });
});

describe('i18n', () => {
  it('fails like Java when the bundle does not exist', () => {
    assert.equal(
      errorOf(() => callFunction('i18n', { bundle: 'messages', key: 'greeting' })),
      "Can't find bundle for base name messages, locale en_US",
    );
  });
});
