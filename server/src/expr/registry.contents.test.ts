import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { filters, functions, tests } from './registry';
import type { ParamSpec } from './registry-types';

const FILTERS = [
  'abbreviate',
  'abs',
  'base64decode',
  'base64encode',
  'capitalize',
  'chunk',
  'className',
  'date',
  'dateAdd',
  'default',
  'endsWith',
  'escapeChar',
  'first',
  'flatten',
  'indent',
  'join',
  'jq',
  'json',
  'keys',
  'last',
  'length',
  'lower',
  'md5',
  'merge',
  'nindent',
  'number',
  'numberFormat',
  'replace',
  'reverse',
  'rsort',
  'sha1',
  'sha256',
  'sha512',
  'slice',
  'slugify',
  'sort',
  'split',
  'startsWith',
  'substringAfter',
  'substringAfterLast',
  'substringBefore',
  'substringBeforeLast',
  'timestamp',
  'timestampMicro',
  'timestampNano',
  'title',
  'toIon',
  'toJson',
  'trim',
  'upper',
  'urldecode',
  'urlencode',
  'values',
  'yaml',
];

const FUNCTIONS = [
  'currentEachOutput',
  'decrypt',
  'encrypt',
  'errorLogs',
  'fetchContext',
  'fileSize',
  'fileURI',
  'fromIon',
  'fromJson',
  'i18n',
  'id',
  'json',
  'kv',
  'max',
  'min',
  'now',
  'printContext',
  'randomInt',
  'range',
  'read',
  'render',
  'renderOnce',
  'secret',
  'uuid',
  'yaml',
];

const TESTS = ['defined', 'empty', 'even', 'iterable', 'json', 'map', 'null', 'odd'];

interface Described {
  name: string;
  description: string;
  params: ParamSpec[];
  kestra: boolean;
  deprecated?: string;
}

function checkEntries(entries: Described[]): void {
  for (const entry of entries) {
    assert.ok(entry.description.trim().length > 10, `${entry.name} has a description`);
    assert.ok(!entry.description.includes('\n'), `${entry.name}'s description is one line`);
    assert.ok(Array.isArray(entry.params), `${entry.name} lists its params`);
    for (const param of entry.params) {
      assert.match(param.name, /^[A-Za-z_]+$/, `${entry.name} has named params`);
      assert.ok(param.type.length > 0, `${entry.name}.${param.name} has a type`);
    }
    assert.equal(typeof entry.kestra, 'boolean');
  }
}

describe('registry contents', () => {
  it('has exactly the expected filters', () => {
    assert.deepEqual([...filters.keys()].sort(), [...FILTERS].sort());
  });

  it('has exactly the expected functions', () => {
    assert.deepEqual([...functions.keys()].sort(), [...FUNCTIONS].sort());
  });

  it('has exactly the expected tests', () => {
    assert.deepEqual([...tests.keys()].sort(), [...TESTS].sort());
  });

  it('describes every entry and its parameters', () => {
    checkEntries([...filters.values()]);
    checkEntries([...functions.values()]);
    checkEntries([...tests.values()]);
  });

  it('marks the deprecated json aliases and who defines each entry', () => {
    assert.match(filters.get('json')?.deprecated ?? '', /toJson/);
    assert.match(functions.get('json')?.deprecated ?? '', /fromJson/);
    assert.equal(filters.get('upper')?.kestra, false);
    assert.equal(filters.get('date')?.kestra, true);
    assert.equal(functions.get('range')?.kestra, false);
    assert.equal(tests.get('json')?.kestra, true);
  });

  it('lets only default and defined accept undefined input', () => {
    const lenient = [...filters.values(), ...tests.values()]
      .filter((spec) => spec.acceptsUndefined)
      .map((spec) => spec.name);
    assert.deepEqual(lenient.sort(), ['default', 'defined']);
  });
});
