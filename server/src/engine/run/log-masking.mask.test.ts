import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SecretMasker } from './log-masking';

describe('secret masking', () => {
  it('replaces each occurrence by asterisks, then the first nine by **masked*', () => {
    const masker = new SecretMasker();
    masker.add('supersecretvalue');
    assert.equal(masker.mask('token=supersecretvalue;'), 'token=**masked********;');
    assert.equal(
      masker.mask('a supersecretvalue b supersecretvalue'),
      'a **masked******** b ****************',
    );
  });

  it('short secrets are only starred', () => {
    const masker = new SecretMasker();
    masker.add('abc');
    assert.equal(masker.mask('abc-abc'), '***-***');
    assert.equal(masker.mask('nothing here'), 'nothing here');
  });
});
