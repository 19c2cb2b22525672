import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleError } from '../errors';
import { javaReplaceAll, javaSplit } from './java-regex';

describe('Java regular expressions', () => {
  it('translate Java-only syntax', () => {
    assert.equal(javaReplaceAll('a.b*c', '\\Q.b*\\E', '-'), 'a-c');
    assert.equal(javaReplaceAll('aaa', 'a++', 'x'), 'x');
    assert.equal(javaReplaceAll('abc', '\\Aa', 'X'), 'Xbc');
    assert.equal(javaReplaceAll('abc', 'c\\z', 'X'), 'abX');
    assert.equal(javaReplaceAll('ABC', '(?i)b', 'x'), 'AxC');
  });

  it('expand Java replacement syntax', () => {
    assert.equal(javaReplaceAll('john smith', '(\\w+) (\\w+)', '$2, $1'), 'smith, john');
    assert.equal(javaReplaceAll('2024-01', '(?<y>\\d+)-(?<m>\\d+)', '${m}/${y}'), '01/2024');
    assert.equal(javaReplaceAll('a', 'a', '\\$1'), '$1');
    assert.throws(() => javaReplaceAll('a', 'a', '$'), PebbleError);
    assert.throws(() => javaReplaceAll('a', 'a', '$2'), /No group 2/);
  });

  it('report invalid patterns', () => {
    assert.throws(() => javaReplaceAll('a', '(', 'x'), /Invalid regular expression '\('/);
  });

  it('split like String.split', () => {
    assert.deepEqual(javaSplit(',a,,b,,', ',', 0), ['', 'a', '', 'b']);
    assert.deepEqual(javaSplit('a b  c', ' ', 2), ['a', 'b  c']);
    assert.deepEqual(javaSplit('', ',', 0), ['']);
    assert.deepEqual(javaSplit('abc', 'x', 0), ['abc']);
  });
});
