import assert from 'node:assert/strict';
import { createDecipheriv } from 'node:crypto';
import { describe, it } from 'node:test';
import { callFunction, errorOf } from '../lib/registry-test-kit';

const key = Buffer.alloc(32, 7).toString('base64');

describe('encrypt and decrypt', () => {
  it('round-trip a text', () => {
    const encrypted = callFunction('encrypt', { key, plaintext: 'toto' }) as string;
    assert.notEqual(encrypted, 'toto');
    assert.equal(callFunction('decrypt', { key, encrypted }), 'toto');
  });

  it('produce base64(IV ‖ AES-GCM ciphertext ‖ tag)', () => {
    const bytes = Buffer.from(callFunction('encrypt', { key, plaintext: 'hello' }) as string, 'base64');
    assert.equal(bytes.length, 12 + 5 + 16);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    assert.equal(
      Buffer.concat([decipher.update(bytes.subarray(12, -16)), decipher.final()]).toString(),
      'hello',
    );
  });

  it('return empty and null texts unchanged', () => {
    assert.equal(callFunction('encrypt', { key, plaintext: '' }), '');
    assert.equal(callFunction('decrypt', { key, encrypted: null }), null);
  });

  it('report missing arguments, bad keys and tampered texts', () => {
    assert.equal(
      errorOf(() => callFunction('encrypt', { key: 'toto' })),
      "The 'encrypt' function expects two arguments 'key' and 'plaintext'.",
    );
    assert.equal(
      errorOf(() => callFunction('decrypt', { key: 'toto' })),
      "The 'decrypt' function expects two arguments 'key' and 'encrypted'.",
    );
    assert.equal(
      errorOf(() => callFunction('encrypt', { key: 'dG90bw==', plaintext: 'x' })),
      'Invalid AES key length: 4 bytes',
    );
    const other = Buffer.alloc(32, 8).toString('base64');
    const encrypted = callFunction('encrypt', { key, plaintext: 'toto' });
    assert.match(
      errorOf(() => callFunction('decrypt', { key: other, encrypted })),
      /^Tag mismatch/,
    );
  });
});

describe('uuid and id', () => {
  it('uuid returns a random version-4 UUID', () => {
    const first = callFunction('uuid') as string;
    assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(callFunction('uuid'), first);
  });

  it('id returns a base-62 id of at most 22 characters', () => {
    const id = callFunction('id') as string;
    assert.match(id, /^[0-9A-Za-z]{1,22}$/);
    assert.notEqual(callFunction('id'), id);
  });
});

describe('randomInt', () => {
  it('returns lower when both bounds are equal and stays in [lower, upper)', () => {
    assert.equal(callFunction('randomInt', { lower: 10, upper: 10 }), 10);
    for (let i = 0; i < 50; i++) {
      const value = callFunction('randomInt', { lower: -10, upper: -1 }) as number;
      assert.ok(Number.isInteger(value) && value >= -10 && value < -1, String(value));
    }
  });

  it('rejects strings, missing bounds and reversed bounds', () => {
    assert.equal(
      errorOf(() => callFunction('randomInt', { lower: '1', upper: '10' })),
      "The 'GenerateRandomNumber' function expects an argument lower with type Integer.",
    );
    assert.equal(
      errorOf(() => callFunction('randomInt', { lower: 10 })),
      "The 'GenerateRandomNumber' function expects an argument upper",
    );
    assert.equal(
      errorOf(() => callFunction('randomInt', { lower: 10, upper: 1 })),
      "In 'GenerateRandomNumber' upper is less than lower",
    );
  });
});
