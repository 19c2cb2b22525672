import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFilter, errorOf } from '../lib/registry-test-kit';

describe('escapeChar', () => {
  it('escapes quotes for single, double and shell strings', () => {
    assert.equal(
      applyFilter('escapeChar', "L'eau c'est la vie", { type: 'single' }),
      "L\\'eau c\\'est la vie",
    );
    assert.equal(applyFilter('escapeChar', '"Hello"', { type: 'double' }), '\\"Hello\\"');
    assert.equal(
      applyFilter('escapeChar', "L'eau c'est la vie", { type: 'shell' }),
      "L'\\''eau c'\\''est la vie",
    );
    assert.equal(applyFilter('escapeChar', "Can't", { type: 'SINGLE' }), "Can\\'t");
    assert.equal(applyFilter('escapeChar', '', { type: 'single' }), '');
  });

  it('escapes every leaf of maps and lists, turning other leaves into text', () => {
    assert.deepEqual(applyFilter('escapeChar', { a: "it's", b: ["x'y", 1] }, { type: 'single' }), {
      a: "it\\'s",
      b: ["x\\'y", '1'],
    });
  });

  it('rejects an unknown or missing type', () => {
    const message =
      "The 'escapeChar' filter expects the value of 'type' to be either 'single', 'double', or 'shell'.";
    assert.equal(
      errorOf(() => applyFilter('escapeChar', 'Hello', { type: 'foo' })),
      message,
    );
    assert.equal(
      errorOf(() => applyFilter('escapeChar', 'Hello', { type: '' })),
      message,
    );
    assert.equal(
      errorOf(() => applyFilter('escapeChar', 'Hello', {})),
      "The 'escapeChar' filter expects an argument 'type'.",
    );
  });
});

describe('replace (Kestra)', () => {
  it('replaces every key by its value', () => {
    assert.equal(
      applyFilter('replace', 'john doe is john doe', { replace_pairs: { john: 'jane' } }),
      'jane doe is jane doe',
    );
    assert.equal(
      applyFilter('replace', 'I like %this% and %that%.', {
        replace_pairs: { '%this%': 'foo', '%that%': 'bar' },
      }),
      'I like foo and bar.',
    );
  });

  it('supports Java regular expressions with group references', () => {
    assert.equal(
      applyFilter('replace', 'aa1bb2cc3dd4ee5', { replace_pairs: { '(\\d)': '-$1-' }, regexp: true }),
      'aa-1-bb-2-cc-3-dd-4-ee-5-',
    );
    assert.equal(applyFilter('replace', 'a.b', { replace_pairs: { '.': 'x' }, regexp: false }), 'axb');
    assert.equal(applyFilter('replace', 'a.b', { replace_pairs: { '.': 'x' }, regexp: true }), 'xxx');
  });

  it('applies recursively to maps and lists', () => {
    assert.deepEqual(applyFilter('replace', { k: ['ab', 2] }, { replace_pairs: { a: 'z' } }), {
      k: ['zb', '2'],
    });
  });

  it('requires the replace_pairs map', () => {
    assert.equal(
      errorOf(() => applyFilter('replace', 'x', {})),
      "The argument 'replace_pairs' is required.",
    );
  });
});

describe('split', () => {
  it('splits on a regular expression and drops trailing empty parts', () => {
    assert.deepEqual(applyFilter('split', 'apple,banana,cherry', { delimiter: ',' }), [
      'apple',
      'banana',
      'cherry',
    ]);
    assert.deepEqual(applyFilter('split', 'a1b22c', { delimiter: '\\d+' }), ['a', 'b', 'c']);
    assert.deepEqual(applyFilter('split', 'a,b,,', { delimiter: ',' }), ['a', 'b']);
    assert.deepEqual(applyFilter('split', 'abc', { delimiter: '' }), ['a', 'b', 'c']);
  });

  it('honours the limit like String.split', () => {
    assert.deepEqual(applyFilter('split', 'apple,banana,cherry,grape', { delimiter: ',', limit: 2 }), [
      'apple',
      'banana,cherry,grape',
    ]);
    assert.deepEqual(applyFilter('split', 'a,b,,', { delimiter: ',', limit: -1 }), ['a', 'b', '', '']);
  });

  it('requires a delimiter', () => {
    assert.equal(
      errorOf(() => applyFilter('split', 'a', { delimiter: null })),
      'missing delimiter parameter in split filter',
    );
  });
});

describe('indent and nindent', () => {
  it('indent prefixes every line but the first', () => {
    assert.equal(
      applyFilter('indent', 'first line\nsecond line', { amount: 2 }),
      'first line\n  second line',
    );
    assert.equal(
      applyFilter('indent', 'first line\r\nsecond line', { amount: 2 }),
      'first line\r\n  second line',
    );
    assert.equal(
      applyFilter('indent', 'first line\rsecond line', { amount: 2 }),
      'first line\r  second line',
    );
    assert.equal(applyFilter('indent', '\n\n', { amount: 2 }), '\n  \n  ');
    assert.equal(
      applyFilter('indent', 'first line\nsecond line', { amount: 2, prefix: '\t' }),
      'first line\n\t\tsecond line',
    );
    assert.equal(applyFilter('indent', 1, { amount: 2 }), '1');
    assert.equal(applyFilter('indent', '', { amount: 2 }), '');
    assert.equal(applyFilter('indent', null, { amount: 2 }), null);
  });

  it('nindent starts with a line break and indents every line', () => {
    assert.equal(applyFilter('nindent', 'string', { amount: 2 }), '\n  string');
    assert.equal(applyFilter('nindent', '\n\n', { amount: 2 }), '\n  \n  \n  ');
    assert.equal(
      applyFilter('nindent', 'first line\r\nsecond line', { amount: 2 }),
      '\r\n  first line\r\n  second line',
    );
    assert.equal(
      applyFilter('nindent', 'first line\nsecond line', { amount: 2, prefix: '\t' }),
      '\n\t\tfirst line\n\t\tsecond line',
    );
    assert.equal(applyFilter('nindent', '', { amount: 2 }), '');
  });

  it('reject a missing or negative amount', () => {
    assert.equal(
      errorOf(() => applyFilter('indent', 'x', {})),
      "The 'indent' filter expects an integer as argument 'amount'.",
    );
    assert.equal(
      errorOf(() => applyFilter('nindent', 'x', { amount: -1 })),
      "The 'nindent' filter expects a positive integer >=0 as argument 'amount'.",
    );
  });
});
