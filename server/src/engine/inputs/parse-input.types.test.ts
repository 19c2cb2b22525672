import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleDouble } from '../../expr/values';
import type { InputDefinition } from './input-definition';
import { parseInputValue } from './parse-input';

function input(type: InputDefinition['type'], extra: Partial<InputDefinition> = {}): InputDefinition {
  return { id: 'x', type, required: true, ...extra };
}

function value(definition: InputDefinition, raw: unknown): unknown {
  const result = parseInputValue(definition, raw);
  if (!result.ok) assert.fail(result.message);
  return result.value;
}

function error(definition: InputDefinition, raw: unknown): string {
  const result = parseInputValue(definition, raw);
  if (result.ok) assert.fail(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.message;
}

describe('parseInputValue: required and strings', () => {
  it('missing required input', () => {
    assert.equal(
      error(input('STRING'), undefined),
      'Invalid input for `x`, missing required input, but received `null`',
    );
    assert.equal(value(input('STRING', { required: false }), null), null);
  });

  it('STRING keeps the text; validator must match the whole value', () => {
    assert.equal(value(input('STRING'), ' hi '), ' hi ');
    assert.equal(value(input('STRING'), 5), '5');
    assert.equal(value(input('STRING', { validator: '[a-z]+' }), 'abc'), 'abc');
    assert.equal(
      error(input('STRING', { validator: '[a-z]+' }), 'abc1'),
      'Invalid input for `x`, it must match the pattern `[a-z]+`, but received `abc1`',
    );
  });

  it('EMAIL and URI', () => {
    assert.equal(value(input('EMAIL'), 'a.b@example.com'), 'a.b@example.com');
    assert.equal(value(input('EMAIL'), ''), '');
    assert.equal(
      error(input('EMAIL'), 'nope'),
      'Invalid input for `x`, The input must be a valid email, but received `nope`',
    );
    assert.equal(value(input('URI'), 'https://kestra.io/docs'), 'https://kestra.io/docs');
    assert.equal(
      error(input('URI'), 'kestra'),
      'Invalid input for `x`, Expected `URI` but received `kestra`, but received `kestra`',
    );
  });

  it('SELECT membership only when required; allowCustomValue; ENUM', () => {
    const select = input('SELECT', { values: ['a', 'b'] });
    assert.equal(value(select, 'a'), 'a');
    assert.equal(
      error(select, 'c'),
      'Invalid input for `x`, it must match the values `[a, b]`, but received `c`',
    );
    assert.equal(value({ ...select, required: false }, 'c'), 'c');
    assert.equal(value({ ...select, allowCustomValue: true }, 'c'), 'c');
    assert.equal(
      error(input('ENUM', { values: ['a'] }), 'z'),
      'Invalid input for `x`, it must match the values `[a]`, but received `z`',
    );
  });

  it('MULTISELECT: JSON list text or a list, each element allowed', () => {
    const multi = input('MULTISELECT', { values: ['a', 'b'], itemType: 'STRING' });
    assert.deepEqual(value(multi, '["a","b"]'), ['a', 'b']);
    assert.deepEqual(value(multi, ['b']), ['b']);
    assert.equal(
      error(multi, '["a","c"]'),
      'Invalid input for `x`, it must match the values `[a, b]`, but received `["a","c"]`',
    );
    assert.equal(
      error({ ...multi, options: ['a'] }, '["a"]'),
      'Invalid input for `x`, you can\'t define both `values` and `options`, but received `["a"]`',
    );
  });
});

describe('parseInputValue: numbers and booleans', () => {
  it('INT: decimal 32-bit, bounds inclusive', () => {
    assert.equal(value(input('INT'), '42'), 42);
    assert.equal(value(input('INT'), '-7'), -7);
    assert.equal(value(input('INT'), 12), 12);
    assert.equal(
      error(input('INT'), '1.0'),
      'Invalid input for `x`, For input string: "1.0", but received `1.0`',
    );
    assert.equal(
      error(input('INT'), 'abc'),
      'Invalid input for `x`, For input string: "abc", but received `abc`',
    );
    assert.equal(
      error(input('INT'), '2147483648'),
      'Invalid input for `x`, For input string: "2147483648", but received `2147483648`',
    );
    assert.equal(value(input('INT', { min: 10 }), '10'), 10);
    assert.equal(
      error(input('INT', { min: 10 }), '9'),
      'Invalid input for `x`, it must be more than `10`, but received `9`',
    );
    assert.equal(
      error(input('INT', { max: 3 }), '4'),
      'Invalid input for `x`, it must be less than `3`, but received `4`',
    );
  });

  it('FLOAT: a double, Java float precision; bounds print as floats', () => {
    assert.equal(value(input('FLOAT'), '1.5'), 1.5);
    assert.deepEqual(value(input('FLOAT'), '2'), new PebbleDouble(2));
    assert.equal(value(input('FLOAT'), '0.123456789'), 0.12345679);
    assert.equal(
      error(input('FLOAT'), 'x1'),
      'Invalid input for `x`, For input string: "x1", but received `x1`',
    );
    assert.equal(error(input('FLOAT'), ''), 'Invalid input for `x`, empty String, but received ``');
    assert.equal(
      error(input('FLOAT', { min: 10 }), '9.5'),
      'Invalid input for `x`, it must be more than `10.0`, but received `9.5`',
    );
  });

  it('BOOLEAN never fails', () => {
    assert.equal(value(input('BOOLEAN'), 'TRUE'), true);
    assert.equal(value(input('BOOLEAN'), 'yes'), false);
    assert.equal(value(input('BOOLEAN'), ''), false);
    assert.equal(value(input('BOOLEAN'), true), true);
  });
});

describe('parseInputValue: dates, times, durations', () => {
  it('DATETIME: ISO instants (offsets allowed) stored with milliseconds', () => {
    assert.equal(value(input('DATETIME'), '2019-10-06T18:27:49Z'), '2019-10-06T18:27:49.000Z');
    assert.equal(value(input('DATETIME'), '2019-10-06T20:27:49.5+02:00'), '2019-10-06T18:27:49.500Z');
    assert.equal(
      error(input('DATETIME'), '2019-10-06'),
      "Invalid input for `x`, java.lang.Exception: Expected `DATETIME` but received `2019-10-06` with errors:\n```\nText '2019-10-06' could not be parsed at index 10\n```, but received `2019-10-06`",
    );
    assert.equal(
      error(input('DATETIME', { after: '2020-01-01T00:00:00Z' }), '2019-10-06T18:27:49Z'),
      'Invalid input for `x`, it must be after `2020-01-01T00:00:00Z`, but received `2019-10-06T18:27:49Z`',
    );
  });

  it('DATE and TIME', () => {
    assert.equal(value(input('DATE'), '2024-02-29'), '2024-02-29');
    assert.match(
      error(input('DATE'), '2023-02-29'),
      /Invalid date 'February 29' as '2023' is not a leap year/,
    );
    assert.match(
      error(input('DATE'), '2023-13-01'),
      /Invalid value for MonthOfYear \(valid values 1 - 12\): 13/,
    );
    assert.equal(value(input('TIME'), '10:15'), '10:15:00');
    assert.equal(value(input('TIME'), '10:15:30.25'), '10:15:30.250');
    assert.equal(
      error(input('TIME', { before: '09:00' }), '10:15'),
      'Invalid input for `x`, it must be before `09:00`, but received `10:15`',
    );
  });

  it('DURATION: ISO text, stored as seconds; bounds say "It must"', () => {
    assert.deepEqual(value(input('DURATION'), 'PT5M6S'), new PebbleDouble(306));
    assert.equal(value(input('DURATION'), 'PT0.5S'), 0.5);
    assert.match(error(input('DURATION'), '5m'), /Text cannot be parsed to a Duration/);
    assert.equal(
      error(input('DURATION', { max: 'PT1M' }), 'PT2M'),
      'Invalid input for `x`, It must be less than `PT1M`, but received `PT2M`',
    );
  });
});

describe('parseInputValue: structured and files', () => {
  it('JSON and YAML parse strings; a non-string default is refused', () => {
    assert.deepEqual(value(input('JSON'), '{"a": [1, "b"]}'), { a: [1, 'b'] });
    assert.deepEqual(value(input('YAML'), 'a: 1\nb: [x]'), { a: 1, b: ['x'] });
    assert.match(
      error(input('JSON'), '{nope'),
      /^Invalid input for `x`, java\.lang\.Exception: Expected `JSON` but received `\{nope` with errors:/,
    );
    assert.match(
      error(input('JSON'), { a: 1 }),
      /class java\.util\.LinkedHashMap cannot be cast to class java\.lang\.String/,
    );
  });

  it('ARRAY parses elements with itemType', () => {
    assert.deepEqual(value(input('ARRAY', { itemType: 'INT' }), '["1", 2]'), [1, 2]);
    assert.equal(
      error(input('ARRAY', { itemType: 'INT' }), '["a"]'),
      'Invalid input for `x`, Unable to parse array element as `INT` on `a`, but received `["a"]`',
    );
  });

  it('FILE keeps the path or kestra:// URI (the engine uploads paths)', () => {
    assert.equal(value(input('FILE'), '/tmp/data.csv'), '/tmp/data.csv');
    assert.equal(value(input('FILE'), 'kestra:///a/b.csv'), 'kestra:///a/b.csv');
  });
});
