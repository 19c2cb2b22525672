// Inputs travel as multipart (§8.3): a text part per input, a file part named by the input id for
// FILE inputs; the server's input errors (§2.5) come back as clear lines, and nothing runs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { remoteInputsFromArgs } from '../../server/src/remote/run-on-server';
import { FakeKestra } from './fake-kestra/fake-kestra';
import { runRemote } from './support';

const FLOW = `id: with_inputs
namespace: company.team
inputs:
  - id: name
    type: STRING
  - id: count
    type: INT
  - id: data
    type: FILE
  - id: payload
    type: JSON
    required: false
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "Hello {{ inputs.name }}"
`;

describe('runOnServer: inputs', () => {
  let fake: FakeKestra;
  const dir = mkdtempSync(join(tmpdir(), 'kestra-remote-inputs-'));
  const csv = join(dir, 'orders.csv');
  writeFileSync(csv, 'id,total\n1,9.99\n');

  before(async () => {
    fake = await FakeKestra.start();
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends text parts and a file part whose file name is the input id', async () => {
    const inputs = [
      { id: 'name', value: 'World' },
      { id: 'count', value: '3' },
      { id: 'data', value: { file: csv } },
    ];
    const { result, events } = await runRemote(fake.url, FLOW, { inputs });
    assert.equal(result.exitCode, 0, result.error);
    const start = fake.requestsTo('/executions/company.team/with_inputs', 'POST')[0];
    assert.match(String(start.headers['content-type']), /^multipart\/form-data; boundary=/);
    const parts = (start.parts ?? []).map((p) => ({
      name: p.name,
      filename: p.filename,
      contentType: p.contentType,
      data: p.data.toString(),
    }));
    assert.deepEqual(parts, [
      { name: 'name', filename: undefined, contentType: undefined, data: 'World' },
      { name: 'count', filename: undefined, contentType: undefined, data: '3' },
      { name: 'data', filename: 'data', contentType: 'application/octet-stream', data: 'id,total\n1,9.99\n' },
    ]);
    const started = events[0];
    assert.ok(started.event === 'execution.started');
    assert.deepEqual(started.inputs, {
      name: 'World',
      count: 3,
      data: `kestra:///company/team/with_inputs/executions/${result.executionId}/inputs/data/data`,
      payload: null,
    });
  });

  it('reports the server input error in Kestra words, exit 2, nothing started', async () => {
    const inputs = [
      { id: 'name', value: 'World' },
      { id: 'count', value: 'three' },
      { id: 'data', value: { file: csv } },
    ];
    const { result, events } = await runRemote(fake.url, FLOW, { inputs });
    assert.equal(result.exitCode, 2);
    assert.equal(result.state, undefined);
    assert.equal(
      result.error,
      [
        `the Kestra server at ${fake.url} rejected the inputs of flow company.team.with_inputs (422 Unprocessable Entity):`,
        '  Invalid input for `count`, For input string: "three", but received `three`',
      ].join('\n'),
    );
    assert.deepEqual(events, []);
  });

  it('names a missing required input', async () => {
    const { result } = await runRemote(fake.url, FLOW, { inputs: [{ id: 'name', value: 'World' }] });
    assert.equal(result.exitCode, 2);
    assert.match(
      result.error ?? '',
      /\n {2}Invalid input for `count`, missing required input, but received `null`$/,
    );
  });

  it('fails before any request when a file to upload cannot be read', async () => {
    const before = fake.requests.length;
    const missing = join(dir, 'missing.csv');
    const { result } = await runRemote(fake.url, FLOW, {
      inputs: [{ id: 'data', value: { file: missing } }],
    });
    assert.deepEqual(result, {
      exitCode: 2,
      error: `cannot read the file of input 'data': ${missing} (no such file).`,
    });
    assert.equal(fake.requests.length, before);
  });

  it('turns --input arguments into remote inputs: @file uploads for FILE inputs, is read as text otherwise', async () => {
    const json = join(dir, 'payload.json');
    writeFileSync(json, '{"a": 1}');
    const args = [
      { id: 'name', value: 'World' },
      { id: 'data', value: '@orders.csv' },
      { id: 'payload', value: '@payload.json' },
    ];
    assert.deepEqual(await remoteInputsFromArgs(FLOW, args, dir), [
      { id: 'name', value: 'World' },
      { id: 'data', value: { file: csv } },
      { id: 'payload', value: '{"a": 1}' },
    ]);
    await assert.rejects(remoteInputsFromArgs(FLOW, [{ id: 'payload', value: '@nope.json' }], dir), {
      message: `cannot read the file of --input payload: ${join(dir, 'nope.json')} (no such file).`,
    });
  });
});
