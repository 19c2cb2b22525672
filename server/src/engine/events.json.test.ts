import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleDouble } from '../expr/values';
import { taskOutputsJson, toJsonMap, toJsonValue } from './events';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

describe('toJsonValue', () => {
  it('gives what a JSON round trip gives, key order included', () => {
    const withProto = JSON.parse('{"__proto__": {"x": 1}, "b": 2}') as Record<string, unknown>;
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    const samples: unknown[] = [
      'text',
      0,
      -0,
      1.5,
      NaN,
      Infinity,
      true,
      null,
      new PebbleDouble(2),
      new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      [1, undefined, () => 1, Symbol('s'), [2, [3]]],
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      { z: 1, a: undefined, f: () => 1, n: { '2': 'two', '1': 'one', k: [new PebbleDouble(3)] } },
      { toJSON: () => ({ replaced: true }) },
      { nested: { toJSON: () => 'custom' } },
      withProto,
      nullProto,
    ];
    for (const sample of samples) {
      const copy = toJsonValue(sample);
      assert.deepEqual(copy, roundTrip(sample));
      assert.equal(JSON.stringify(copy), JSON.stringify(roundTrip(sample)));
    }
    assert.equal(Object.is(toJsonValue(-0), 0), true);
    assert.equal(Object.getPrototypeOf(toJsonValue(withProto)), Object.prototype);
  });

  it('passes JSON data as is, and copies anything a JSON round trip would change, however deep', () => {
    const plain = { list: [1, { a: 'x', e: [] }], map: { b: 2.5, c: null, d: true }, s: '' };
    assert.equal(toJsonMap(plain), plain);
    const changed: unknown[] = [
      { deep: { list: [1, new PebbleDouble(2)] } },
      { deep: [[-0]] },
      { deep: { gone: undefined } },
      { deep: [NaN] },
      { deep: { date: new Date(0) } },
      { deep: JSON.parse('{"__proto__": 1}') as unknown },
    ];
    for (const sample of changed) {
      const copy = toJsonValue(sample);
      assert.notEqual(copy, sample);
      assert.equal(JSON.stringify(copy), JSON.stringify(roundTrip(sample)));
      assert.deepEqual(copy, roundTrip(sample));
    }
  });

  it('passes task outputs that are JSON as is, in their event and in a tree holding them', () => {
    const outputs = { code: 200, headers: { 'content-type': ['application/json'] }, body: '{}' };
    const known = new Set<object>();
    assert.equal(taskOutputsJson(outputs, known), outputs);
    assert.deepEqual([...known], [outputs]);
    const tree = { get: { '0': outputs, '1': { value: 'x' } } };
    assert.equal(toJsonMap(tree, known), tree);
    const typed = { value: new PebbleDouble(1.5) };
    const copy = taskOutputsJson(typed, known);
    assert.equal(known.has(typed), false);
    assert.notEqual(copy, typed);
    assert.deepEqual(copy, { value: 1.5 });
    const withTyped = toJsonMap({ get: { '0': typed } }, known);
    assert.deepEqual(withTyped, { get: { '0': { value: 1.5 } } });
  });

  it('maps undefined and non-objects to null or an empty map', () => {
    assert.equal(toJsonValue(undefined), null);
    assert.deepEqual(toJsonMap([1]), {});
    assert.deepEqual(toJsonMap('x'), {});
  });
});
