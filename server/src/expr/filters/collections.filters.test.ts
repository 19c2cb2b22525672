import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleDouble } from '../values';
import { applyFilter, errorOf } from '../lib/registry-test-kit';

describe('first and last', () => {
  it('return the first/last item of a list or character of a string', () => {
    assert.equal(applyFilter('first', ['apple', 'banana']), 'apple');
    assert.equal(applyFilter('first', 'Mitch'), 'M');
    assert.equal(applyFilter('first', []), null);
    assert.equal(applyFilter('last', ['apple', 'banana']), 'banana');
    assert.equal(applyFilter('last', 'Mitch'), 'h');
  });

  it('fail on an empty string or a map', () => {
    assert.equal(
      errorOf(() => applyFilter('first', '')),
      'Index 0 out of bounds for length 0',
    );
    assert.match(
      errorOf(() => applyFilter('last', { a: 1 })),
      /cannot be cast to class java.util.List/,
    );
  });
});

describe('length', () => {
  it('counts characters, items and entries, and is 0 for null and scalars', () => {
    assert.equal(applyFilter('length', 'Mitch'), 5);
    assert.equal(applyFilter('length', [1, 2, 3]), 3);
    assert.equal(applyFilter('length', { a: 1, b: 2 }), 2);
    assert.equal(applyFilter('length', null), 0);
    assert.equal(applyFilter('length', 42), 0);
  });
});

describe('join', () => {
  it('joins the Java text of items', () => {
    assert.equal(applyFilter('join', ['apple', 'banana'], { separator: ', ' }), 'apple, banana');
    assert.equal(
      applyFilter('join', [1, null, new PebbleDouble(2), { a: 1 }], { separator: '|' }),
      '1|null|2.0|{a=1}',
    );
    assert.equal(applyFilter('join', ['a', 'b']), 'ab');
  });

  it('rejects inputs that are not lists', () => {
    assert.equal(
      errorOf(() => applyFilter('join', 'abc', { separator: ',' })),
      "The 'join' filter expects that the input is either a collection or an array.",
    );
  });
});

describe('merge', () => {
  it('concatenates lists and merges maps', () => {
    assert.deepEqual(applyFilter('merge', [1, 2], { items: [3, 4] }), [1, 2, 3, 4]);
    assert.deepEqual(applyFilter('merge', { a: 1, b: 2 }, { items: { b: 3, c: 4 } }), { a: 1, b: 3, c: 4 });
    assert.deepEqual(applyFilter('merge', { a: 1 }, { items: ['x'] }), { a: 1, x: 'x' });
    assert.deepEqual(applyFilter('merge', null, { items: [1] }), [1]);
    assert.deepEqual(applyFilter('merge', [1], {}), [1]);
  });

  it('rejects scalars and two nulls', () => {
    assert.equal(
      errorOf(() => applyFilter('merge', 'a', { items: [1] })),
      'The object being filtered is not a Map/List/Array',
    );
    assert.equal(
      errorOf(() => applyFilter('merge', null, { items: null })),
      'The two arguments to be merged are null',
    );
    assert.equal(
      errorOf(() => applyFilter('merge', [1], { items: 2 })),
      'Currently, only Maps and Lists can be merged with a List. Arg2: java.lang.Integer',
    );
  });
});

describe('reverse, sort and rsort', () => {
  it('reverse returns the items in the opposite order without changing the input', () => {
    const input = ['apple', 'banana'];
    assert.deepEqual(applyFilter('reverse', input), ['banana', 'apple']);
    assert.deepEqual(input, ['apple', 'banana']);
  });

  it('sort orders numbers and strings naturally', () => {
    assert.deepEqual(applyFilter('sort', [3, 1, 2]), [1, 2, 3]);
    assert.deepEqual(applyFilter('sort', ['b', 'B', 'a']), ['B', 'a', 'b']);
    assert.deepEqual(applyFilter('sort', [2, 1.5, 1]), [1, 1.5, 2]);
  });

  it('rsort orders in descending order', () => {
    assert.deepEqual(applyFilter('rsort', [3, 1, 2]), [3, 2, 1]);
  });

  it('sort rejects mixed types and non-lists', () => {
    assert.match(
      errorOf(() => applyFilter('sort', [1, 'a'])),
      /cannot be cast/,
    );
    assert.equal(
      errorOf(() => applyFilter('sort', 'abc')),
      'Unsupported input type for sort filter',
    );
  });
});

describe('slice', () => {
  it('extracts part of a list or a string', () => {
    assert.deepEqual(applyFilter('slice', ['apple', 'banana', 'cherry'], { fromIndex: 1, toIndex: 2 }), [
      'banana',
    ]);
    assert.equal(applyFilter('slice', 'Mitch', { fromIndex: 1, toIndex: 3 }), 'it');
    assert.equal(applyFilter('slice', 'Mitch', { fromIndex: 2 }), 'tch');
  });

  it('checks its bounds', () => {
    assert.equal(
      errorOf(() => applyFilter('slice', 'abc', { fromIndex: 0, toIndex: 5 })),
      'toIndex must be smaller than input size: 3',
    );
    assert.equal(
      errorOf(() => applyFilter('slice', 'abc', { fromIndex: 2, toIndex: 1 })),
      'toIndex must be greater than fromIndex',
    );
    assert.equal(
      errorOf(() => applyFilter('slice', 'abc', { fromIndex: -1 })),
      'fromIndex must be greater than 0',
    );
    assert.equal(
      errorOf(() => applyFilter('slice', 5, { fromIndex: 0 })),
      'Slice filter can only be applied to String, List and array inputs. Actual type was: java.lang.Integer',
    );
  });
});

describe('default', () => {
  it('replaces undefined, null, blank strings and empty collections', () => {
    assert.equal(applyFilter('default', undefined, { default: 'No phone number' }), 'No phone number');
    assert.equal(applyFilter('default', null, { default: 'x' }), 'x');
    assert.equal(applyFilter('default', '  ', { default: 'x' }), 'x');
    assert.equal(applyFilter('default', [], { default: 'x' }), 'x');
    assert.equal(applyFilter('default', {}, { default: 'x' }), 'x');
    assert.equal(applyFilter('default', undefined, {}), null);
  });

  it('keeps other values, including false and 0', () => {
    assert.equal(applyFilter('default', 'value', { default: 'x' }), 'value');
    assert.equal(applyFilter('default', false, { default: 'x' }), false);
    assert.equal(applyFilter('default', 0, { default: 'x' }), 0);
  });
});
