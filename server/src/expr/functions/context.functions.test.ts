import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleError } from '../errors';
import { callFunction, errorOf, makeContext } from '../lib/registry-test-kit';

const flow = { id: 'my-flow', namespace: 'my.namespace' };
const execution = { id: 'exec1' };
const ownFile = 'kestra:///my/namespace/my-flow/executions/exec1/tasks/t/run/file.txt';

describe('now', () => {
  const ctx = makeContext({ services: { now: () => new Date('2024-01-31T10:00:00.123Z'), timeZone: 'UTC' } });

  it('formats the services clock like the date filter', () => {
    assert.equal(callFunction('now', {}, ctx), '2024-01-31T10:00:00.123000Z');
    assert.equal(callFunction('now', { format: 'iso_local_date' }, ctx), '2024-01-31');
    assert.equal(callFunction('now', { timeZone: 'Europe/Lisbon', format: 'HH:mm' }, ctx), '10:00');
    assert.equal(
      callFunction('now', { timeZone: 'Asia/Tokyo', format: 'yyyy-MM-dd HH:mm XXX' }, ctx),
      '2024-01-31 19:00 +09:00',
    );
  });
});

describe('secret', () => {
  it('returns the value and reports it for masking', () => {
    const seen: string[] = [];
    const ctx = makeContext({
      services: { secret: (name) => `value-of-${name}`, onSecret: (value) => seen.push(value) },
    });
    assert.equal(callFunction('secret', { key: 'API_KEY' }, ctx), 'value-of-API_KEY');
    assert.deepEqual(seen, ['value-of-API_KEY']);
  });

  it("propagates the store's error and needs a key", () => {
    const ctx = makeContext({
      services: {
        secret: (name) => {
          throw new PebbleError(`Cannot find secret for key '${name}'.`, 'runtime');
        },
      },
    });
    assert.equal(
      errorOf(() => callFunction('secret', { key: 'X' }, ctx)),
      "Cannot find secret for key 'X'.",
    );
    assert.equal(
      errorOf(() => callFunction('secret', { key: 'X' }, makeContext({ services: {} }))),
      "Cannot find secret for key 'X'.",
    );
    assert.equal(
      errorOf(() => callFunction('secret', {})),
      "The 'secret' function expects an argument 'key'.",
    );
  });
});

describe('kv', () => {
  const store: Record<string, number> = { 'my.namespace/answer': 42 };
  const ctx = makeContext({
    variables: { flow },
    services: {
      kv: (namespace, key) => {
        const id = `${namespace}/${key}`;
        return id in store ? { found: true, value: store[id] } : { found: false, value: null };
      },
    },
  });

  it("reads from the flow's namespace by default", () => {
    assert.equal(callFunction('kv', { key: 'answer' }, ctx), 42);
    assert.equal(callFunction('kv', { key: 'missing' }, ctx), null);
    assert.equal(callFunction('kv', { key: 'answer', namespace: 'other' }, ctx), null);
  });

  it('fails on a missing key when asked to', () => {
    assert.equal(
      errorOf(() => callFunction('kv', { key: 'missing', errorOnMissing: true }, ctx)),
      "The key 'missing' does not exist in the namespace 'my.namespace'.",
    );
  });
});

describe('read and fileSize', () => {
  const ctx = makeContext({
    variables: { flow, execution },
    services: { read: (path) => `content of ${path}`, fileSize: () => 12 },
  });

  it('read returns namespace files and files of the execution', () => {
    assert.equal(callFunction('read', { path: 'file.txt' }, ctx), 'content of file.txt');
    assert.equal(callFunction('read', { path: ownFile }, ctx), `content of ${ownFile}`);
  });

  it("read refuses another execution's file", () => {
    const other = 'kestra:///my/namespace/my-flow/executions/exec2/file.txt';
    assert.equal(
      errorOf(() => callFunction('read', { path: other }, ctx)),
      `Unable to read the file '${other}' as it didn't belong to the current execution`,
    );
  });

  it("read accepts the triggering execution's file", () => {
    const trigger = { namespace: 'parent.ns', flowId: 'Parent Flow', executionId: 'e9' };
    const withTrigger = makeContext({
      variables: { flow, execution, trigger },
      services: { read: () => 'ok' },
    });
    assert.equal(
      callFunction('read', { path: 'kestra:///parent/ns/parent-flow/executions/e9/x' }, withTrigger),
      'ok',
    );
  });

  it('fileSize returns the size of an internal-storage file', () => {
    assert.equal(callFunction('fileSize', { path: ownFile }, ctx), 12);
    assert.equal(
      errorOf(() => callFunction('fileSize', { path: 'file.txt' }, ctx)),
      'Unable to create the URI from the path file.txt',
    );
  });
});

describe('fileURI', () => {
  const ctx = makeContext({ variables: { flow } });

  it('builds the namespace file URI', () => {
    assert.equal(callFunction('fileURI', { path: 'test' }, ctx), 'kestra:///my/namespace/_files/test');
    assert.equal(
      callFunction('fileURI', { path: '/dir/test' }, ctx),
      'kestra:///my/namespace/_files/dir/test',
    );
  });

  it('refuses parent directories', () => {
    assert.equal(
      errorOf(() => callFunction('fileURI', { path: '../test' }, ctx)),
      "Path must not contain '../'",
    );
  });
});

describe('currentEachOutput', () => {
  it("picks the sibling's outputs for the current iterations", () => {
    const outputs = { a: { x: { value: 'a-x' }, y: { value: 'a-y' } }, b: { x: { value: 'b-x' } } };
    const ctx = makeContext({
      variables: { parents: [{ taskrun: { value: 'a' } }], taskrun: { value: 'y' } },
    });
    assert.deepEqual(callFunction('currentEachOutput', { outputs }, ctx), { value: 'a-y' });
    const single = makeContext({ variables: { taskrun: { value: 'b' } } });
    assert.deepEqual(callFunction('currentEachOutput', { outputs }, single), { x: { value: 'b-x' } });
  });

  it('needs a map', () => {
    assert.equal(
      errorOf(() => callFunction('currentEachOutput', { outputs: 'x' })),
      "The 'currentEachOutput' function expects an argument 'outputs' with type map.",
    );
  });
});

describe('printContext and fetchContext', () => {
  it('return every variable', () => {
    const ctx = makeContext({ variables: { test: 'value', array: ['a', 'b', 'c'] } });
    assert.deepEqual(callFunction('printContext', {}, ctx), { test: 'value', array: ['a', 'b', 'c'] });
    assert.deepEqual(callFunction('fetchContext', {}, ctx), { test: 'value', array: ['a', 'b', 'c'] });
  });
});

describe('errorLogs', () => {
  it('is only available on a Kestra worker', () => {
    assert.equal(
      errorOf(() => callFunction('errorLogs')),
      "The 'errorLogs' function can only be used in the Worker as it access logs from the database.",
    );
  });
});
