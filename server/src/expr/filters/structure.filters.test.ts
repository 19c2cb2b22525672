import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFilter, errorOf } from '../lib/registry-test-kit';

describe('keys and values', () => {
  it('keys lists map keys and list indexes', () => {
    assert.deepEqual(applyFilter('keys', { foo: 'bar', baz: 'qux' }), ['foo', 'baz']);
    assert.deepEqual(applyFilter('keys', ['string', 1, 1.123]), [0, 1, 2]);
    assert.deepEqual(applyFilter('keys', []), []);
    assert.equal(
      errorOf(() => applyFilter('keys', 'abc')),
      "'keys' filter can only be applied to List, Map, Array. Actual type was: java.lang.String",
    );
  });

  it('values lists map values', () => {
    assert.deepEqual(applyFilter('values', { foo: 'bar', baz: 'qux' }), ['bar', 'qux']);
    assert.equal(
      errorOf(() => applyFilter('values', [1])),
      "'values' filter can only be applied to Map. Actual type was: java.util.ArrayList",
    );
  });
});

describe('chunk', () => {
  it('splits a list into sub-lists of the given size', () => {
    assert.deepEqual(applyFilter('chunk', [1, 2, 3, 4, 5, 6, 7, 8, 9], { size: 2 }), [
      [1, 2],
      [3, 4],
      [5, 6],
      [7, 8],
      [9],
    ]);
    assert.deepEqual(applyFilter('chunk', [], { size: 3 }), []);
  });

  it('rejects non-lists and a missing or zero size', () => {
    assert.equal(
      errorOf(() => applyFilter('chunk', 1, { size: 2 })),
      "'chunk' filter can only be applied to List. Actual type was: java.lang.Integer",
    );
    assert.equal(
      errorOf(() => applyFilter('chunk', [1], {})),
      "'chunk' filter expects an argument 'size'.",
    );
    assert.match(
      errorOf(() => applyFilter('chunk', [1], { size: 0 })),
      /greater than 0/,
    );
  });
});

describe('flatten', () => {
  it('splices nested lists one level deep', () => {
    const nested = [
      "You're doing great! Keep it up!",
      'Sending positive vibes your way!',
      ["You're awesome!", ['deep']],
    ];
    assert.deepEqual(applyFilter('flatten', nested), [
      "You're doing great! Keep it up!",
      'Sending positive vibes your way!',
      "You're awesome!",
      ['deep'],
    ]);
    assert.equal(
      errorOf(() => applyFilter('flatten', 'x')),
      "The 'flatten' filter can only be applied to lists.",
    );
  });
});
