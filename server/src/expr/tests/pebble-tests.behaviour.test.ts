import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleDouble } from '../values';
import { errorOf, runTest } from '../lib/registry-test-kit';

describe('defined and null', () => {
  it('defined is false for undefined and null values', () => {
    assert.equal(runTest('defined', 'x'), true);
    assert.equal(runTest('defined', false), true);
    assert.equal(runTest('defined', null), false);
    assert.equal(runTest('defined', undefined), false);
  });

  it('null is true only for null', () => {
    assert.equal(runTest('null', null), true);
    assert.equal(runTest('null', ''), false);
  });
});

describe('empty', () => {
  it('is true for null, blank strings and empty collections', () => {
    assert.equal(runTest('empty', null), true);
    assert.equal(runTest('empty', ' \t'), true);
    assert.equal(runTest('empty', []), true);
    assert.equal(runTest('empty', {}), true);
    assert.equal(runTest('empty', 'x'), false);
    assert.equal(runTest('empty', 0), false);
  });
});

describe('even and odd', () => {
  it('test the parity of integers', () => {
    assert.equal(runTest('even', 4), true);
    assert.equal(runTest('even', -3), false);
    assert.equal(runTest('odd', 3), true);
    assert.equal(runTest('odd', 0), false);
  });

  it('reject null and non-integers', () => {
    assert.equal(
      errorOf(() => runTest('even', null)),
      'Can not pass null value to "even" test.',
    );
    assert.equal(
      errorOf(() => runTest('odd', null)),
      'Can not pass null value to "odd" test.',
    );
    assert.match(
      errorOf(() => runTest('even', new PebbleDouble(2))),
      /cannot be cast to class java.lang.Long/,
    );
  });
});

describe('iterable and map', () => {
  it('iterable is true for lists only', () => {
    assert.equal(runTest('iterable', [1]), true);
    assert.equal(runTest('iterable', { a: 1 }), false);
    assert.equal(runTest('iterable', 'abc'), false);
  });

  it('map is true for maps only', () => {
    assert.equal(runTest('map', { a: 1 }), true);
    assert.equal(runTest('map', [1]), false);
  });
});

describe('json', () => {
  it('is true when the string parses as JSON', () => {
    assert.equal(runTest('json', '{"a": [1, 2]}'), true);
    assert.equal(runTest('json', '"text"'), true);
    assert.equal(runTest('json', '{not: json}'), false);
    assert.equal(runTest('json', 'plain text'), false);
  });

  it('needs a string', () => {
    assert.match(
      errorOf(() => runTest('json', 1)),
      /cannot be cast to class java.lang.String/,
    );
  });
});
