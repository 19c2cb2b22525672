import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inputDefinitionFromPlain,
  type InputDefinition,
} from '../../../server/src/engine/inputs/input-definition';
import { inputArgs, rememberedValues } from './input-args';

function input(plain: Record<string, unknown>): InputDefinition {
  const definition = inputDefinitionFromPlain(plain);
  if ('error' in definition) throw new Error(definition.error);
  return definition;
}

describe('inputArgs', () => {
  const inputs = [
    input({ id: 'name', type: 'STRING', defaults: 'World' }),
    input({ id: 'count', type: 'INT' }),
    input({ id: 'flag', type: 'BOOLEAN' }),
    input({ id: 'tags', type: 'MULTISELECT', values: ['a', 'b'] }),
    input({ id: 'upload', type: 'FILE' }),
    input({ id: 'token', type: 'SECRET' }),
    input({ id: 'handle', type: 'STRING', required: false }),
    input({ id: 'note', type: 'STRING', required: false }),
  ];

  it('passes typed text, leaves untouched defaults and empty fields to the engine', () => {
    const written: string[] = [];
    const args = inputArgs(
      inputs,
      {
        name: 'World',
        count: '3',
        flag: false,
        tags: ['a', 'b'],
        upload: '/data/in.csv',
        token: 's3cr3t',
        handle: '@me',
        note: '',
      },
      (text) => {
        written.push(text);
        return `/tmp/value-${written.length}`;
      },
    );
    assert.deepEqual(args, [
      '--input',
      'count=3',
      '--input',
      'flag=false',
      '--input',
      'tags=["a","b"]',
      '--input',
      'upload=@/data/in.csv',
      '--input',
      'token=@/tmp/value-1',
      '--input',
      'handle=@/tmp/value-2',
    ]);
    // SECRET values and values starting with @ travel through files, never on the command line.
    assert.deepEqual(written, ['s3cr3t', '@me']);
  });

  it('passes a changed default and multi-line text as is', () => {
    assert.deepEqual(
      inputArgs(inputs.slice(0, 1), { name: 'a\nb' }, () => assert.fail('no file')),
      ['--input', 'name=a\nb'],
    );
  });

  it('remembers everything but SECRET values', () => {
    assert.deepEqual(rememberedValues(inputs, { name: 'x', token: 'secret', flag: true }), {
      name: 'x',
      flag: true,
    });
  });
});
