import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { base62Id, newId } from './ids';

describe('ids', () => {
  it('writes 128-bit numbers in base62, left-padded to 22 characters', () => {
    const hex = (text: string) => Buffer.from(text, 'hex');
    assert.equal(base62Id(hex('ffffffffffffffffffffffffffffffff')), '7n42DGM5Tflk9n8mt7Fhc7');
    assert.equal(base62Id(hex('0123456789abcdef0123456789abcdef')), '0296tiiBb3U904RIpygpjj');
    assert.equal(base62Id(hex('0000000000000000000000000000003e')), '0000000000000000000010');
    assert.equal(base62Id(Buffer.alloc(16)), '0000000000000000000000');
    assert.equal(base62Id(hex('aa0000000000000000000000000000003e'), 1), '0000000000000000000010');
  });

  it('gives distinct ids of base62 characters, across refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newId()));
    assert.equal(ids.size, 2000);
    for (const id of ids) assert.match(id, /^[0-9A-Za-z]{22}$/);
  });
});
