import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleDouble } from '../values';
import { applyFilter, errorOf } from '../lib/registry-test-kit';

describe('text case filters', () => {
  it('upper converts strings and the Java text of other values', () => {
    assert.equal(applyFilter('upper', 'quiet sentence'), 'QUIET SENTENCE');
    assert.equal(applyFilter('upper', [1, 'a']), '[1, A]');
    assert.equal(applyFilter('upper', null), null);
  });

  it('lower converts strings and numbers', () => {
    assert.equal(applyFilter('lower', 'LOUD TEXT'), 'loud text');
    assert.equal(applyFilter('lower', new PebbleDouble(2)), '2.0');
  });

  it('capitalize upper-cases the first non-blank character only', () => {
    assert.equal(applyFilter('capitalize', 'article title'), 'Article title');
    assert.equal(applyFilter('capitalize', '  hello World'), '  Hello World');
    assert.equal(applyFilter('capitalize', ''), '');
    assert.match(
      errorOf(() => applyFilter('capitalize', 12)),
      /cannot be cast to class java.lang.String/,
    );
  });

  it('title upper-cases the first letter of every word', () => {
    assert.equal(applyFilter('title', 'article title'), 'Article Title');
    assert.equal(applyFilter('title', 'a\tb\nc'), 'A\tB\nC');
  });

  it('trim removes control characters and spaces at both ends only', () => {
    assert.equal(applyFilter('trim', '   padded text   '), 'padded text');
    assert.equal(applyFilter('trim', '\t\n x y \r'), 'x y');
    assert.equal(applyFilter('trim', '\u00a0x\u00a0'), '\u00a0x\u00a0');
  });
});

describe('abbreviate', () => {
  it('keeps the length limit including the ellipsis', () => {
    assert.equal(applyFilter('abbreviate', 'this is a long sentence.', { length: 7 }), 'this...');
    assert.equal(applyFilter('abbreviate', 'LEMONS TO LEMONADE.', { length: 10 }), 'LEMONS ...');
  });

  it('returns short texts unchanged and truncates without ellipsis below 4', () => {
    assert.equal(applyFilter('abbreviate', 'short', { length: 10 }), 'short');
    assert.equal(applyFilter('abbreviate', 'abcdef', { length: 2 }), 'ab');
    assert.equal(applyFilter('abbreviate', 'abc', { length: 1 }), 'abc');
  });

  it('rejects a negative length', () => {
    assert.equal(
      errorOf(() => applyFilter('abbreviate', 'abcdef', { length: -1 })),
      'Invalid argument to abbreviate filter; must be greater than zero',
    );
  });
});

describe('startsWith and endsWith', () => {
  it('test the text form of the input', () => {
    assert.equal(applyFilter('startsWith', 'Hello World', { value: 'Hello' }), true);
    assert.equal(applyFilter('startsWith', 'Hello World', { value: 'World' }), false);
    assert.equal(applyFilter('endsWith', 'Hello World', { value: 'World' }), true);
    assert.equal(applyFilter('endsWith', 12345, { value: 45 }), true);
  });

  it('fail on a null input like the Java code', () => {
    assert.match(
      errorOf(() => applyFilter('startsWith', null, { value: 'a' })),
      /input of 'startsWith' is null/,
    );
  });
});

describe('slugify', () => {
  it('makes lower-case dash-separated slugs without accents or symbols', () => {
    assert.equal(applyFilter('slugify', 'Test\t\t\ntest*'), 'test-test');
    assert.equal(applyFilter('slugify', 'Hello World!'), 'hello-world');
    assert.equal(applyFilter('slugify', '--Test\t\t\ntest9*'), 'test-test9');
    assert.equal(applyFilter('slugify', 'Crème brûlée_au four'), 'creme-brulee-au-four');
  });
});

describe('Apache commons substring filters', () => {
  it('substringBefore keeps the text before the first separator', () => {
    assert.equal(applyFilter('substringBefore', 'a.b.c', { separator: '.' }), 'a');
    assert.equal(applyFilter('substringBefore', 'abc', { separator: '.' }), 'abc');
    assert.equal(applyFilter('substringBefore', 'abc', { separator: '' }), '');
  });

  it('substringAfter keeps the text after the first separator', () => {
    assert.equal(applyFilter('substringAfter', 'a.b.c', { separator: '.' }), 'b.c');
    assert.equal(applyFilter('substringAfter', 'abc', { separator: '.' }), '');
    assert.equal(applyFilter('substringAfter', 'abc', { separator: null }), '');
  });

  it('substringBeforeLast keeps the text before the last separator', () => {
    assert.equal(applyFilter('substringBeforeLast', 'a.b.c', { separator: '.' }), 'a.b');
    assert.equal(applyFilter('substringBeforeLast', 'abc', { separator: '.' }), 'abc');
  });

  it('substringAfterLast keeps the text after the last separator', () => {
    assert.equal(applyFilter('substringAfterLast', 'a.b.c', { separator: '.' }), 'c');
    assert.equal(applyFilter('substringAfterLast', 'a.b.', { separator: '.' }), '');
    assert.equal(applyFilter('substringAfterLast', 'abc', { separator: '.' }), '');
  });

  it('require the separator argument', () => {
    assert.equal(
      errorOf(() => applyFilter('substringAfter', 'a.b', {})),
      "The 'substringAfter' filter expects an argument 'separator'.",
    );
  });
});
