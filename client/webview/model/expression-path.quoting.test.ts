import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateExpression } from '../../../server/src/expr/index';
import { accessPath, isPlainName, outputsExpression, quotePebbleString } from './expression-path';

describe('outputsExpression', () => {
  it('uses dots for plain names and brackets for list items', () => {
    assert.equal(outputsExpression(['send_data', 'code']), '{{ outputs.send_data.code }}');
    assert.equal(outputsExpression(['t', 'items', 0, 'id']), '{{ outputs.t.items[0].id }}');
  });

  it('quotes ForEach values, dashes, spaces, digits first and word operators', () => {
    assert.equal(outputsExpression(['each', 'value 1', 'x']), "{{ outputs.each['value 1'].x }}");
    assert.equal(outputsExpression(['my-task', '1']), "{{ outputs['my-task']['1'] }}");
    assert.equal(outputsExpression(['t', 'is']), "{{ outputs.t['is'] }}");
    assert.equal(outputsExpression(['t', "it's"]), "{{ outputs.t['it\\'s'] }}");
  });

  it('builds expressions the Pebble engine reads back to the same value', () => {
    const outputs = { 'my-task': { "it's": 1, 'a b': [{ is: 'deep' }] }, each: { 'x.y': { value: true } } };
    const cases: [(string | number)[], unknown][] = [
      [['my-task', "it's"], 1],
      [['my-task', 'a b', 0, 'is'], 'deep'],
      [['each', 'x.y', 'value'], true],
    ];
    for (const [path, expected] of cases) {
      assert.equal(
        evaluateExpression(accessPath('outputs', path), { outputs }),
        expected,
        accessPath('outputs', path),
      );
    }
  });

  it('recognises plain names', () => {
    assert.equal(isPlainName('body'), true);
    assert.equal(isPlainName('_x1'), true);
    assert.equal(isPlainName('été'), true);
    assert.equal(isPlainName('1x'), false);
    assert.equal(isPlainName('a-b'), false);
    assert.equal(isPlainName('and'), false);
    assert.equal(quotePebbleString("a'b"), "'a\\'b'");
  });
});
