import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFilter, errorOf } from '../lib/registry-test-kit';

describe('URL encoding', () => {
  it('urlencode follows java.net.URLEncoder', () => {
    assert.equal(applyFilter('urlencode', 'The string ü@foo-bar'), 'The+string+%C3%BC%40foo-bar');
    assert.equal(applyFilter('urlencode', 'a.b-c*d_e~f'), 'a.b-c*d_e%7Ef');
    assert.equal(applyFilter('urlencode', null), null);
  });

  it('urldecode follows java.net.URLDecoder', () => {
    assert.equal(applyFilter('urldecode', 'The+string+%C3%BC%40foo-bar'), 'The string ü@foo-bar');
    assert.equal(applyFilter('urldecode', applyFilter('urlencode', 'Kestra rulez !')), 'Kestra rulez !');
  });

  it('urldecode rejects malformed escapes with the URLDecoder message', () => {
    assert.equal(
      errorOf(() => applyFilter('urldecode', '100%')),
      'URLDecoder: Incomplete trailing escape (%) pattern',
    );
    assert.equal(
      errorOf(() => applyFilter('urldecode', '%zz')),
      'URLDecoder: Illegal hex characters in escape (%) pattern - zz',
    );
  });
});

describe('Base64', () => {
  it('base64encode encodes the UTF-8 text of the input', () => {
    assert.equal(applyFilter('base64encode', 'test'), 'dGVzdA==');
    assert.equal(applyFilter('base64encode', 12), 'MTI=');
  });

  it('base64decode decodes padded and unpadded text', () => {
    assert.equal(applyFilter('base64decode', 'dGVzdA=='), 'test');
    assert.equal(applyFilter('base64decode', 'dGVzdA'), 'test');
    assert.equal(applyFilter('base64decode', 'w7w='), 'ü');
  });

  it('base64decode rejects invalid input and non-strings', () => {
    assert.equal(
      errorOf(() => applyFilter('base64decode', 'not base64!')),
      'Please provide a correctly Base64 encoded string containing an UTF-8 string',
    );
    assert.equal(
      errorOf(() => applyFilter('base64decode', 1)),
      'The base64decode filter applies to String',
    );
  });
});
