import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withPlainEnv } from './plain-env';

describe('withPlainEnv', () => {
  it('runs with the same variables and puts the real environment back', () => {
    const original = process.env;
    process.env.KESTRA_PLAIN_ENV_TEST = 'visible';
    try {
      const seen = withPlainEnv(() => process.env.KESTRA_PLAIN_ENV_TEST);
      assert.equal(seen, 'visible');
      assert.equal(process.env, original);
    } finally {
      delete process.env.KESTRA_PLAIN_ENV_TEST;
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
