import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFilter, errorOf } from '../lib/registry-test-kit';

describe('digest filters', () => {
  it('sha256 gives the lower-case hex digest', () => {
    assert.equal(
      applyFilter('sha256', 'test'),
      '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    );
  });

  it('sha1, sha512 and md5 give their digests', () => {
    assert.equal(applyFilter('sha1', 'hello'), 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
    assert.equal(
      applyFilter('sha512', 'hello'),
      '9b71d224bd62f3785d96d46ad3ea3d73319bfbc2890caadae2dff72519673ca72323c3d99ba5c11d7c7acc6e14b8c5da0c4663475c2e5c3adef46f73bcdec043',
    );
    assert.equal(applyFilter('md5', 'hello'), '5d41402abc4b2a76b9719d911017c592');
  });

  it('keep null and reject non-strings', () => {
    assert.equal(applyFilter('md5', null), null);
    assert.match(
      errorOf(() => applyFilter('sha1', 12)),
      /^Need a string to hash/,
    );
  });
});
