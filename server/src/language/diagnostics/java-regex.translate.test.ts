import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaRegexError, translateJavaRegex } from './java-regex';

describe('Java regex check', () => {
  it('accepts Java-only syntax after translation', () => {
    for (const pattern of [
      '(?i)abc',
      '(?i:abc)def',
      '(?>atomic)',
      'a*+b++c?+',
      '\\Qa.b(c\\E',
      '\\Astart\\z',
      '\\p{javaLowerCase}+',
      '[\\p{Alpha}]',
      '^[a-z0-9._-]*$',
      '[]a]',
    ]) {
      assert.equal(javaRegexError(pattern), undefined, pattern);
    }
  });

  it('keeps possessive-looking characters inside classes and escapes', () => {
    assert.equal(translateJavaRegex('[*+]\\++'), '[*+]\\++');
    assert.equal(translateJavaRegex('a*+'), 'a*');
    assert.equal(translateJavaRegex('\\Qa.b\\E'), 'a\\.b');
  });

  it('reports what Java rejects too', () => {
    assert.equal(javaRegexError('\\'), '\\ at end of pattern');
    assert.equal(javaRegexError('(abc'), 'Unterminated group');
    assert.equal(javaRegexError('*a'), 'Nothing to repeat');
    assert.equal(javaRegexError('a{3,1}'), 'numbers out of order in {} quantifier');
  });
});
