import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withPlainEnv } from './plain-env';

describe('withPlainEnv', () => {
  it('runs with the same variables and puts the real environment back', () => {
    const original = process.env;
    process.env.KESTRA_PLAIN_ENV_TEST = 'visible';
    try {
      const seen = withPlainEnv(() => [process.env.KESTRA_PLAIN_ENV_TEST, process.env.PATH]);
      assert.deepEqual(seen, ['visible', original.PATH]);
      assert.equal(process.env, original);
    } finally {
      delete process.env.KESTRA_PLAIN_ENV_TEST;
    }
  });

  it('gives the parser its two switches as plain properties of the same value', () => {
    process.env.LOG_TOKENS = '';
    try {
      // Own properties even when unset (the real environment has no LOG_STREAM key).
      const own = withPlainEnv(() =>
        ['LOG_TOKENS', 'LOG_STREAM'].map((key) => [key, Object.hasOwn(process.env, key), process.env[key]]),
      );
      assert.deepEqual(own, [
        ['LOG_TOKENS', true, ''],
        ['LOG_STREAM', true, undefined],
      ]);
      assert.equal(Object.hasOwn(process.env, 'LOG_STREAM'), false);
    } finally {
      delete process.env.LOG_TOKENS;
    }
  });

  it('puts the real environment back when the function throws', () => {
    const original = process.env;
    assert.throws(
      () =>
        withPlainEnv(() => {
          throw new Error('boom');
        }),
      /boom/,
    );
    assert.equal(process.env, original);
  });
});
