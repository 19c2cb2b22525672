import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentialsFromEnv, signInAdvice } from './credentials';
import { describeNetworkError, maybeDelivered } from './remote-error';
import { apiUrl, executionLink, parseServerTarget } from './server-target';

describe('parseServerTarget and apiUrl', () => {
  it('keeps a path prefix, drops a trailing slash, /api/v1 or /ui pasted from a browser', () => {
    assert.deepEqual(parseServerTarget('http://localhost:8080/'), { base: 'http://localhost:8080' });
    assert.deepEqual(parseServerTarget('https://example.com/kestra/api/v1/'), {
      base: 'https://example.com/kestra',
    });
    assert.deepEqual(parseServerTarget('https://example.com/kestra/ui', 'main'), {
      base: 'https://example.com/kestra',
      tenant: 'main',
    });
  });

  it('inserts the tenant right after /api/v1/ and encodes every segment', () => {
    const target = parseServerTarget('http://h:1', 'main');
    assert.equal(
      apiUrl(target, ['flows', 'company.team', 'a b']),
      'http://h:1/api/v1/main/flows/company.team/a%20b',
    );
    assert.equal(
      apiUrl(parseServerTarget('http://h:1'), ['logs', 'X', 'follow'], { minLevel: 'INFO' }),
      'http://h:1/api/v1/logs/X/follow?minLevel=INFO',
    );
  });

  it('rejects a tenant that is not an id', () => {
    assert.throws(() => parseServerTarget('http://h:1', 'a/b'), {
      message: "--tenant 'a/b' is not a tenant id (letters, digits, '_', '.', '-').",
    });
  });

  it('builds the UI link when the server gives none or a relative one', () => {
    const target = parseServerTarget('https://example.com/kestra', 'main');
    assert.equal(
      executionLink(target, undefined, 'ns', 'f', 'E'),
      'https://example.com/kestra/ui/main/executions/ns/f/E',
    );
    assert.equal(
      executionLink(target, '/ui/main/executions/ns/f/E', 'ns', 'f', 'E'),
      'https://example.com/kestra/ui/main/executions/ns/f/E',
    );
    assert.equal(
      executionLink(target, 'https://kestra.example/ui/x', 'ns', 'f', 'E'),
      'https://kestra.example/ui/x',
    );
  });
});

describe('credentialsFromEnv', () => {
  it('bearer from KESTRA_API_TOKEN, basic from KESTRA_USERNAME + KESTRA_PASSWORD, none otherwise', () => {
    assert.deepEqual(credentialsFromEnv({ KESTRA_API_TOKEN: 'abc' }), {
      authorization: 'Bearer abc',
      source: 'KESTRA_API_TOKEN',
    });
    assert.deepEqual(credentialsFromEnv({ KESTRA_USERNAME: 'ü@x', KESTRA_PASSWORD: 'p:w' }), {
      authorization: `Basic ${Buffer.from('ü@x:p:w', 'utf8').toString('base64')}`,
      source: 'KESTRA_USERNAME/KESTRA_PASSWORD',
    });
    assert.deepEqual(credentialsFromEnv({ KESTRA_API_TOKEN: '' }), {});
  });

  it('explains without repeating any value', () => {
    assert.throws(() => credentialsFromEnv({ KESTRA_PASSWORD: 'hunter2' }), {
      message: 'KESTRA_PASSWORD is set but KESTRA_USERNAME is not; set both for basic auth.',
    });
    assert.match(signInAdvice({}), /^the server requires authentication: set KESTRA_API_TOKEN/);
  });
});

describe('describeNetworkError', () => {
  const request = {
    server: 'http://kestra.example:8080',
    method: 'POST',
    path: '/api/v1/flows',
    timeoutMs: 30_000,
  };
  const failure = (code: string) => Object.assign(new Error(`failed ${code}`), { code });

  it('names the server and the kind of failure', () => {
    assert.equal(
      describeNetworkError(failure('ENOTFOUND'), request),
      'cannot reach the Kestra server at http://kestra.example:8080: host kestra.example not found',
    );
    assert.equal(
      describeNetworkError(failure('UND_ERR_CONNECT_TIMEOUT'), request),
      'cannot reach the Kestra server at http://kestra.example:8080: the connection timed out',
    );
    assert.equal(
      describeNetworkError(failure('UND_ERR_HEADERS_TIMEOUT'), request),
      'the Kestra server at http://kestra.example:8080 did not answer POST /api/v1/flows within 30 s',
    );
    assert.equal(
      describeNetworkError(new Error('fetch failed', { cause: failure('ECONNRESET') }), request),
      'the Kestra server at http://kestra.example:8080 closed the connection during POST /api/v1/flows',
    );
  });

  it('knows which failures prove the request never left', () => {
    assert.equal(maybeDelivered(failure('ECONNREFUSED')), false);
    assert.equal(maybeDelivered(failure('UND_ERR_HEADERS_TIMEOUT')), true);
  });
});
