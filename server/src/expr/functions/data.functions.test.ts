import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callFunction, errorOf, printed } from '../lib/registry-test-kit';

describe('fromJson and json', () => {
  it('parse JSON into maps, lists and scalars', () => {
    assert.deepEqual(callFunction('fromJson', { json: '{"test1": 1, "test2": 2, "test3": 3}' }), {
      test1: 1,
      test2: 2,
      test3: 3,
    });
    assert.deepEqual(callFunction('fromJson', { json: '[1, 2, 3]' }), [1, 2, 3]);
    assert.equal(printed(callFunction('fromJson', { json: '{"empty_object":{}}' })), '{"empty_object":{}}');
    assert.equal(printed(callFunction('fromJson', { json: '[1.0, 2.5e1]' })), '[1.0,25.0]');
    assert.equal(callFunction('fromJson', { json: null }), null);
    assert.deepEqual(callFunction('json', { json: '{"test1": 1}' }), { test1: 1 });
  });

  it('report invalid JSON and wrong arguments', () => {
    assert.equal(
      errorOf(() => callFunction('fromJson', { json: '{not: json}' })),
      "Invalid json: Unexpected character ('n' (code 110)): was expecting double-quote to start field name at line 1, column 2",
    );
    assert.equal(
      errorOf(() => callFunction('fromJson', {})),
      "The 'fromJson' function expects an argument 'json'.",
    );
    assert.equal(
      errorOf(() => callFunction('fromJson', { json: 1 })),
      "The 'fromJson' function expects an argument 'json' with type string.",
    );
  });
});

describe('yaml function', () => {
  const text = [
    '# comment',
    'string: string',
    'int: 123',
    'bool: true',
    'float: 1.23',
    'double: 1.0',
    'instant: "1918-02-24T00:00:00Z"',
    "'null':",
    'object: &ref',
    '  child:',
    '    key: value',
    'copy: *ref',
    'array:',
    '  - string',
  ].join('\n');

  it('parses YAML with Java number types and aliases', () => {
    const parsed = callFunction('yaml', { yaml: text });
    assert.equal(
      printed(parsed),
      '{"string":"string","int":123,"bool":true,"float":1.23,"double":1.0,"instant":"1918-02-24T00:00:00Z","null":null,' +
        '"object":{"child":{"key":"value"}},"copy":{"child":{"key":"value"}},"array":["string"]}',
    );
    assert.deepEqual(callFunction('yaml', { yaml: 'foo: [666, 1, 2]' }), { foo: [666, 1, 2] });
  });

  it('reads YAML 1.1 scalars as SnakeYAML and Jackson do', () => {
    assert.equal(
      printed(
        callFunction('yaml', { yaml: 'a: yes\nb: 0123\nc: 1:20\nd: 2001-01-01\ne: 1e3\nf: y\ng: Off\nh: ~' }),
      ),
      '{"a":true,"b":83,"c":"1:20","d":"2001-01-01","e":"1e3","f":"y","g":false,"h":null}',
    );
  });

  it('reports invalid YAML and non-string input', () => {
    assert.match(
      errorOf(() => callFunction('yaml', { yaml: 'a: [1, 2' })),
      /^Invalid yaml: /,
    );
    assert.equal(
      errorOf(() => callFunction('yaml', { yaml: null })),
      "The 'yaml' function expects an argument 'yaml' with type string.",
    );
  });
});

describe('fromIon', () => {
  it('parses ION structs, lists, symbols and timestamps', () => {
    const parsed = callFunction('fromIon', {
      ion: '{date:2024-04-21T23:00:00.000Z, title:"Main_Page",views:109787}',
    });
    assert.deepEqual(parsed, { date: '2024-04-21T23:00:00.000Z', title: 'Main_Page', views: 109787 });
    assert.equal(
      printed(
        callFunction('fromIon', {
          ion: "[1, 2.5e0, 1.5, sym, 'quoted sym', null.int, true, (a b), ann::x, {{aGVsbG8=}}]",
        }),
      ),
      '[1,2.5,1.5,"sym","quoted sym",null,true,["a","b"],"x","aGVsbG8="]',
    );
    assert.equal(callFunction('fromIon', { ion: null }), null);
  });

  it('reports invalid ION', () => {
    assert.match(
      errorOf(() => callFunction('fromIon', { ion: '{not: ion' })),
      /^Invalid ion: /,
    );
    assert.equal(
      errorOf(() => callFunction('fromIon', {})),
      "The 'fromIon' function expects an argument 'ion'.",
    );
  });
});
