import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Argument, Expression } from './ast';
import { bindArguments, bindMacroArguments } from './arguments';
import type { ParamSpec } from './registry-types';

/** Arguments whose values are their own labels: `['a', 'x=b']` is `(a, x=b)`. */
function items(labels: string[]): Argument[] {
  return labels.map((label) => {
    const [name, value] = label.includes('=') ? label.split('=') : [null, label];
    const literal: Expression = { type: 'Literal', kind: 'string', value, span: [0, 0] };
    return {
      type: 'Argument',
      name: name ? { type: 'Identifier', name, span: [0, 0] } : null,
      value: literal,
      span: [0, 0],
    };
  });
}
const evaluate = (argument: Argument) => (argument.value.type === 'Literal' ? argument.value.value : null);
const params: ParamSpec[] = [
  { name: 'format', type: 'string' },
  { name: 'timeZone', type: 'string', optional: true },
];

describe('bindArguments', () => {
  it('names positional arguments in order and takes named ones', () => {
    assert.deepEqual(bindArguments(params, items(['iso', 'timeZone=UTC']), evaluate, 'filter "date"'), {
      format: 'iso',
      timeZone: 'UTC',
    });
    assert.deepEqual(
      bindArguments(params, items(['timeZone=UTC', 'format=iso']), evaluate, 'filter "date"'),
      { format: 'iso', timeZone: 'UTC' },
    );
  });

  it('gives a variadic parameter its argument and the further ones in _rest', () => {
    const variadic: ParamSpec[] = [{ name: 'values', type: 'number', variadic: true }];
    assert.deepEqual(bindArguments(variadic, items(['1', '2', '3']), evaluate, 'function "max"'), {
      values: '1',
      _rest: ['2', '3'],
    });
    assert.deepEqual(bindArguments(variadic, [], evaluate, 'function "max"'), { _rest: [] });
  });

  it('refuses extra, unknown and missing arguments with Pebble wording', () => {
    assert.throws(() => bindArguments(params, items(['a', 'b', 'c']), evaluate, 'filter "date"'), {
      message: 'The argument at position 3 is not allowed. Only 2 argument(s) are allowed.',
    });
    assert.throws(() => bindArguments(params, items(['a', 'zone=b']), evaluate, 'filter "date"'), {
      message: 'The following named argument does not exist: zone',
    });
    assert.throws(() => bindArguments(params, items(['timeZone=UTC']), evaluate, 'filter "date"'), {
      message: 'Missing required argument "format" of filter "date".',
    });
  });
});

describe('bindMacroArguments', () => {
  it('binds only what is given; defaults come later', () => {
    assert.deepEqual(
      [...bindMacroArguments(['a', 'b'], items(['1', 'b=2']), evaluate)],
      [
        ['a', '1'],
        ['b', '2'],
      ],
    );
    assert.deepEqual([...bindMacroArguments(['a', 'b'], items(['b=2']), evaluate)], [['b', '2']]);
    assert.throws(() => bindMacroArguments(['a'], items(['1', '2']), evaluate), {
      message: 'The argument at position 2 is not allowed. Only 1 argument(s) are allowed.',
    });
  });
});
