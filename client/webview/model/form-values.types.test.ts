import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inputDefinitionFromPlain,
  type InputDefinition,
} from '../../../server/src/engine/inputs/input-definition';
import {
  defaultFormValue,
  formValueToRaw,
  initialFormValues,
  isDefaultValue,
  validateForm,
  validateFormValue,
} from './form-values';

function input(plain: Record<string, unknown>): InputDefinition {
  const definition = inputDefinitionFromPlain(plain);
  if ('error' in definition) throw new Error(definition.error);
  return definition;
}

describe('form values', () => {
  it('starts from defaults in the shape of each control', () => {
    assert.equal(defaultFormValue(input({ id: 'b', type: 'BOOLEAN', defaults: true })), true);
    assert.equal(defaultFormValue(input({ id: 'b', type: 'BOOLEAN' })), false);
    assert.deepEqual(
      defaultFormValue(input({ id: 'm', type: 'MULTISELECT', values: ['a', 'b'], defaults: ['b'] })),
      ['b'],
    );
    assert.equal(defaultFormValue(input({ id: 'i', type: 'INT', defaults: 5 })), '5');
    assert.equal(
      defaultFormValue(input({ id: 'a', type: 'ARRAY', itemType: 'INT', defaults: [1, 2] })),
      '[1,2]',
    );
    assert.equal(defaultFormValue(input({ id: 'j', type: 'JSON', defaults: '{"a": 1}' })), '{"a": 1}');
    assert.equal(defaultFormValue(input({ id: 'y', type: 'YAML', defaults: { a: 1 } })), 'a: 1\n');
    assert.equal(defaultFormValue(input({ id: 's', type: 'STRING' })), '');
  });

  it('prefers remembered values that still fit, never for SECRET', () => {
    const inputs = [
      input({ id: 's', type: 'STRING', defaults: 'x' }),
      input({ id: 'b', type: 'BOOLEAN' }),
      input({ id: 'p', type: 'SECRET', defaults: 'default-secret' }),
    ];
    assert.deepEqual(initialFormValues(inputs, { s: 'last', b: 'not a boolean', p: 'remembered' }), {
      s: 'last',
      b: false,
      p: 'default-secret',
    });
    assert.deepEqual(initialFormValues(inputs, undefined), { s: 'x', b: false, p: 'default-secret' });
  });

  it('turns values into the raw text of --input', () => {
    assert.equal(formValueToRaw(input({ id: 'b', type: 'BOOLEAN' }), false), 'false');
    assert.equal(
      formValueToRaw(input({ id: 'm', type: 'MULTISELECT', values: ['a'] }), ['a', 'b c']),
      '["a","b c"]',
    );
    assert.equal(formValueToRaw(input({ id: 'm', type: 'MULTISELECT', values: ['a'] }), []), undefined);
    assert.equal(formValueToRaw(input({ id: 's', type: 'STRING' }), ''), undefined);
    assert.equal(isDefaultValue(input({ id: 's', type: 'STRING', defaults: 'x' }), 'x'), true);
    assert.equal(isDefaultValue(input({ id: 's', type: 'STRING' }), ''), false);
  });

  it('validates live with the engine parser and its messages', () => {
    const int = input({ id: 'n', type: 'INT', min: 1, max: 10 });
    assert.equal(validateFormValue(int, '5'), undefined);
    assert.equal(
      validateFormValue(int, '11'),
      'Invalid input for `n`, it must be less than `10`, but received `11`',
    );
    assert.equal(
      validateFormValue(int, 'x'),
      'Invalid input for `n`, For input string: "x", but received `x`',
    );
    assert.equal(
      validateFormValue(int, ''),
      'Invalid input for `n`, missing required input, but received `null`',
    );
    const json = input({ id: 'j', type: 'JSON' });
    assert.match(validateFormValue(json, '{oops') ?? '', /^Invalid input for `j`, /);
    assert.equal(validateFormValue(json, '{"ok": true}'), undefined);
    const select = input({ id: 'c', type: 'SELECT', values: ['a', 'b'] });
    assert.equal(
      validateFormValue(select, 'z'),
      'Invalid input for `c`, it must match the values `[a, b]`, but received `z`',
    );
    assert.equal(
      validateFormValue(input({ id: 's', type: 'STRING', validator: '[a-z]+' }), 'A1'),
      'Invalid input for `s`, it must match the pattern `[a-z]+`, but received `A1`',
    );
    assert.equal(validateFormValue(input({ id: 'o', type: 'STRING', required: false }), ''), undefined);
    assert.equal(validateFormValue(input({ id: 'd', type: 'STRING', defaults: 'x' }), ''), undefined);
    assert.equal(validateFormValue(input({ id: 'f', type: 'FILE' }), '/some/path'), undefined);
    assert.equal(
      validateFormValue(input({ id: 'f', type: 'FILE' }), ''),
      'Invalid input for `f`, missing required input, but received `null`',
    );
    assert.equal(
      validateFormValue(input({ id: 'x', type: 'STRING', dependsOn: { inputs: ['n'] } }), ''),
      undefined,
    );
    const problems = validateForm([int, json], { n: '0', j: '[]' });
    assert.deepEqual([...problems.keys()], ['n']);
  });
});
