import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { PebbleDouble } from '../values';
import { PebbleFloat } from '../lib/java';
import { initJq } from '../lib/jq';
import { javaDate } from '../lib/date/value';
import { applyFilter, errorOf, printed } from '../lib/registry-test-kit';

const float = new PebbleFloat(1.123);
const second = {
  string: 'string',
  int: 1,
  float,
  list: ['string', 1, float],
  bool: true,
  map: { string: 'string', int: 1, float },
};

describe('toJson and json', () => {
  it('write compact JSON, "null" for null', () => {
    assert.equal(applyFilter('toJson', 'string'), '"string"');
    assert.equal(applyFilter('toJson', 1), '1');
    assert.equal(applyFilter('toJson', float), '1.123');
    assert.equal(applyFilter('toJson', second.list), '["string",1,1.123]');
    assert.equal(applyFilter('toJson', true), 'true');
    assert.equal(applyFilter('toJson', { empty_object: {} }), '{"empty_object":{}}');
    assert.equal(applyFilter('toJson', null), 'null');
    assert.equal(applyFilter('toJson', new PebbleDouble(2)), '2.0');
    assert.equal(
      applyFilter('toJson', javaDate('ZonedDateTime', '2013-09-08T16:19:00Z')),
      '"2013-09-08T16:19:00Z"',
    );
  });

  it('json is the deprecated alias', () => {
    assert.equal(applyFilter('json', 'string'), '"string"');
  });
});

describe('toIon', () => {
  it('writes ION text with symbols and e0 floats', () => {
    assert.equal(applyFilter('toIon', 'string'), '"string"');
    assert.equal(applyFilter('toIon', 1), '1');
    assert.equal(applyFilter('toIon', float), '1.1230000257492065e0');
    assert.equal(applyFilter('toIon', second.list), '["string",1,1.1230000257492065e0]');
    assert.equal(applyFilter('toIon', true), 'true');
    assert.equal(applyFilter('toIon', { empty_object: {} }), '{empty_object:{}}');
    assert.equal(applyFilter('toIon', null), 'null');
    assert.equal(applyFilter('toIon', second.map), '{string:"string",int:1,float:1.1230000257492065e0}');
    assert.equal(applyFilter('toIon', { 'a b': 1.5, null: new PebbleDouble(2) }), "{'a b':1.5e0,'null':2e0}");
  });
});

describe('yaml', () => {
  it('writes scalars followed by a line break', () => {
    assert.equal(applyFilter('yaml', 'string'), 'string\n');
    assert.equal(applyFilter('yaml', 1), '1\n');
    assert.equal(applyFilter('yaml', float), '1.123\n');
    assert.equal(applyFilter('yaml', true), 'true\n');
    assert.equal(applyFilter('yaml', null), 'null');
  });

  it('indents list items by one space', () => {
    assert.equal(applyFilter('yaml', second.list), ' - string\n - 1\n - 1.123\n');
  });

  it('writes nested maps and lists in block style', () => {
    assert.equal(
      applyFilter('yaml', second),
      'string: string\nint: 1\nfloat: 1.123\nlist:\n - string\n - 1\n - 1.123\nbool: true\nmap:\n  string: string\n  int: 1\n  float: 1.123\n',
    );
    assert.equal(applyFilter('yaml', [{ a: 1 }, []]), ' -\n  a: 1\n - []\n');
  });

  it('quotes only what YAML would misread', () => {
    assert.equal(
      applyFilter('yaml', { t: 'true', e: '', c: 'a: b', s: ' lead', q: "it's", n: 'x' }),
      't: "true"\ne: ""\nc: "a: b"\ns: \' lead\'\nq: it\'s\n"n": x\n',
    );
    assert.equal(applyFilter('yaml', { text: 'line1\nline2' }), 'text: |-\n  line1\n  line2\n');
  });
});

describe('jq', () => {
  before(async () => {
    await initJq();
  });

  it('always returns the list of results', () => {
    assert.deepEqual(applyFilter('jq', [1, 2, 3], { expression: '.[0]' }), [1]);
    assert.deepEqual(applyFilter('jq', { test: [1, 2, 3] }, { expression: '.test[0]' }), [1]);
    assert.deepEqual(applyFilter('jq', { second: [1, 2, 3] }, { expression: '.second[]' }), [1, 2, 3]);
    assert.deepEqual(applyFilter('jq', { a: 1 }, { expression: 'empty' }), []);
  });

  it('keeps Java number types and reads strings as JSON', () => {
    assert.equal(printed(applyFilter('jq', { second }, { expression: '.second.float' })), '[1.123]');
    assert.equal(printed(applyFilter('jq', '{"a": 1.0, "b": "x"}', { expression: '.a, .b' })), '[1.0,"x"]');
    assert.deepEqual(applyFilter('jq', { object: { key: 'value' } }, { expression: '.object' }), [
      { key: 'value' },
    ]);
  });

  it('reports invalid input and jq errors with the value and its type', () => {
    assert.match(
      errorOf(() => applyFilter('jq', 'not json', { expression: '.' })),
      /^Unable to parse jq value 'not json' with type 'java.lang.String': not valid JSON: Unexpected character/,
    );
    const page = `<html>${'<p>text</p>'.repeat(100)}</html>`;
    assert.equal(
      errorOf(() => applyFilter('jq', page, { expression: '.' })),
      `Unable to parse jq value '${page.slice(0, 300)}… (${page.length} characters)' with type 'java.lang.String': not valid JSON: Unexpected character ('<' (code 60)): expected JSON String, Number, Array, Object or token 'null', 'true' or 'false' at line 1, column 1`,
    );
    assert.match(
      errorOf(() => applyFilter('jq', { a: 1 }, { expression: '.a[]' })),
      /^Unable to parse jq value '\{a=1\}' with type 'java.util.LinkedHashMap': jq: error .*Cannot iterate over number \(1\)/,
    );
    assert.match(
      errorOf(() => applyFilter('jq', { a: 1 }, { expression: '.a[' })),
      /syntax error/,
    );
  });
});
