import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTyped } from '../../expr';
import type { InputDefinition } from './input-definition';
import { nestInputs, resolveInputs, type InputResolverHooks } from './resolve-inputs';

const hooks: InputResolverHooks = {
  renderTyped: (expression, inputs) => renderTyped(expression, { inputs }),
  uploadFile: (definition, path) =>
    `kestra:///ns/flow/executions/e/inputs/${definition.id}/${path.split('/').pop()}`,
};

function summary(definitions: InputDefinition[], provided: Record<string, unknown>) {
  return resolveInputs(definitions, provided, hooks).map((r) => ({
    id: r.definition.id,
    enabled: r.enabled,
    value: r.value,
    error: r.error,
  }));
}

describe('resolveInputs', () => {
  it('uses defaults when no value is given; optional inputs are null', () => {
    assert.deepEqual(
      summary(
        [
          { id: 'a', type: 'INT', required: true, defaults: 5 },
          { id: 'b', type: 'STRING', required: false },
          { id: 'c', type: 'JSON', required: true, defaults: '{"k": 1}' },
        ],
        {},
      ),
      [
        { id: 'a', enabled: true, value: 5, error: undefined },
        { id: 'b', enabled: true, value: null, error: undefined },
        { id: 'c', enabled: true, value: { k: 1 }, error: undefined },
      ],
    );
  });

  it('dependsOn.condition enables an input only when it renders to boolean true', () => {
    const definitions: InputDefinition[] = [
      { id: 'cloud', type: 'SELECT', required: true, values: ['aws', 'gcp'], defaults: 'aws' },
      {
        id: 'region',
        type: 'STRING',
        required: true,
        dependsOn: { inputs: ['cloud'], condition: "{{ inputs.cloud == 'gcp' }}" },
      },
      {
        id: 'text_true',
        type: 'STRING',
        required: true,
        dependsOn: { inputs: ['cloud'], condition: 'true' },
      },
    ];
    assert.deepEqual(summary(definitions, {}), [
      { id: 'cloud', enabled: true, value: 'aws', error: undefined },
      { id: 'region', enabled: false, value: null, error: undefined },
      { id: 'text_true', enabled: false, value: null, error: undefined },
    ]);
    const gcp = summary(definitions, { cloud: 'gcp' });
    assert.equal(gcp[1].error, 'Invalid input for `region`, missing required input, but received `null`');
  });

  it('a SELECT expression replaces its values', () => {
    const [, select] = summary(
      [
        { id: 'kind', type: 'STRING', required: true, defaults: 'fruit' },
        {
          id: 'pick',
          type: 'SELECT',
          required: true,
          expression: "{{ inputs.kind == 'fruit' ? ['apple', 'pear'] : ['leek'] }}",
          dependsOn: { inputs: ['kind'] },
        },
      ],
      { pick: 'leek' },
    );
    assert.equal(
      select.error,
      'Invalid input for `pick`, it must match the values `[apple, pear]`, but received `leek`',
    );
  });

  it('FILE paths are uploaded through the hook', () => {
    const [file] = summary([{ id: 'data', type: 'FILE', required: true }], { data: '/tmp/in/data.csv' });
    assert.equal(file.value, 'kestra:///ns/flow/executions/e/inputs/data/data.csv');
  });

  it('nests dotted ids, top-level keys sorted, and refuses a leaf under a leaf', () => {
    assert.deepEqual(
      nestInputs(
        new Map<string, null | number | string>([
          ['z', 1],
          ['user.name', 'ann'],
          ['user.age', 3],
        ]),
      ),
      { user: { name: 'ann', age: 3 }, z: 1 },
    );
    assert.throws(
      () =>
        nestInputs(
          new Map([
            ['a', 1],
            ['a.b', 2],
          ]),
        ),
      /Conflict at key: 'a'/,
    );
  });
});
