// Runnable core tasks with exact logs and outputs: Log, Echo, Return, OutputValues, Fail, Labels,
// Download + read(), FILE inputs in storage, CREATE_NEW_EXECUTION retries.
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { useDummyServer } from './support/dummy-server';
import { runText } from './support/run-flow';

describe('Log, Echo, Return, OutputValues, Fail, Labels', () => {
  it('Log: a string or a list (one entry each), at `level`; long messages are split', async () => {
    const run = await runText(`id: logs
namespace: company.team
tasks:
  - id: one
    type: io.kestra.plugin.core.log.Log
    message: "{{ 1 + 1 }}"
  - id: many
    type: io.kestra.plugin.core.log.Log
    level: ERROR
    message: ["a {{ task.id }}", "b"]
  - id: long
    type: io.kestra.plugin.core.log.Log
    message: "{% for i in range(1, 10241) %}x{% endfor %}"
  - id: echo
    type: io.kestra.core.tasks.debugs.Echo
    format: "echo {{ flow.id }}"
    level: WARN
`);
    const entries = run.events.flatMap((e) =>
      e.event === 'log'
        ? [`${e.taskId} ${e.level} ${e.message.length > 20 ? e.message.length : e.message}`]
        : [],
    );
    assert.deepEqual(entries, [
      'one INFO 2',
      'many ERROR a many',
      'many ERROR b',
      'long INFO 10240',
      'long INFO x',
      'echo WARN echo logs',
    ]);
    assert.deepEqual(run.endedRuns('one')[0].outputs, {});
  });

  it('Log refuses a map message', async () => {
    const run = await runText(`id: log_map
namespace: company.team
tasks:
  - id: bad
    type: io.kestra.plugin.core.log.Log
    message: {a: 1}
`);
    assert.equal(run.result.status, 'invalid-flow');
  });

  it('Return and OutputValues output typed values', async () => {
    const run = await runText(`id: values
namespace: company.team
tasks:
  - id: ret
    type: io.kestra.plugin.core.debug.Return
    format: "{{ [1, 2] }}"
  - id: out
    type: io.kestra.plugin.core.output.OutputValues
    values:
      text: "{{ outputs.ret.value }}"
      number: 3
      nested:
        "{{ 'k' ~ 1 }}": [true, "{{ 2 * 2 }}"]
`);
    assert.deepEqual(run.endedRuns('ret')[0].outputs, { value: '[1,2]' });
    assert.deepEqual(run.endedRuns('out')[0].outputs, {
      values: { text: '[1,2]', number: 3, nested: { k1: [true, '4'] } },
    });
  });

  it('Fail: always, or only on a truthy condition', async () => {
    const run = await runText(`id: fails
namespace: company.team
tasks:
  - id: no
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ 1 > 2 }}"
  - id: yes
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ 2 > 1 }}"
    errorMessage: "too big: {{ 2 }}"
`);
    assert.equal(run.stateOf('no'), 'SUCCESS');
    assert.equal(run.stateOf('yes'), 'FAILED');
    assert.deepEqual(run.logs('yes'), ['too big: 2', 'Fail on a condition']);
  });

  it('Labels: list and JSON-string forms; system labels refused', async () => {
    const run = await runText(`id: labels
namespace: company.team
tasks:
  - id: list
    type: io.kestra.plugin.core.execution.Labels
    labels:
      - key: a
        value: "{{ 1 }}"
  - id: json
    type: io.kestra.plugin.core.execution.Labels
    labels: '{"b": "2", "a": "3"}'
  - id: system
    type: io.kestra.plugin.core.execution.Labels
    labels: '{"{{ "system" }}.readOnly": "true"}'
`);
    assert.deepEqual(
      run.execution.labels.filter((l) => !l.key.startsWith('system.')),
      [
        { key: 'a', value: '3' },
        { key: 'b', value: '2' },
      ],
    );
    assert.equal(
      run.endedRuns('system')[0].error,
      'System labels can only be set by Kestra itself, offending label: system.readOnly=true',
    );
  });
});

describe('storage: Download, read(), FILE inputs', () => {
  const server = useDummyServer();
  const dir = mkdtempSync(join(tmpdir(), 'kestra-flow-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a downloaded file is readable by later tasks through its kestra:/// URI', async () => {
    const run = await runText(`id: download_read
namespace: company.team
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: ${server.url}/file.csv
  - id: show
    type: io.kestra.plugin.core.log.Log
    message: "{{ read(outputs.fetch.uri) | trim }} ({{ fileSize(outputs.fetch.uri) }} bytes)"
`);
    assert.deepEqual(run.logs('show'), ['a,b\n1,2 (8 bytes)']);
  });

  it('a FILE input is copied into the run’s storage and exposed as a kestra:/// URI', async () => {
    const local = join(dir, 'input.txt');
    writeFileSync(local, 'file content');
    const run = await runText(
      `id: file_input
namespace: company.team
inputs:
  - id: data
    type: FILE
tasks:
  - id: show
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.data }} = {{ read(inputs.data) }}"
`,
      { inputs: { data: local } },
    );
    assert.deepEqual(run.logs('show'), [
      `kestra:///company/team/file-input/executions/${run.execution.id}/inputs/data/input.txt = file content`,
    ]);
  });

  it('a missing local file is refused before the run', async () => {
    const run = await runText(
      'id: f\nnamespace: company.team\ninputs:\n  - id: data\n    type: FILE\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: x\n',
      {
        inputs: { data: join(dir, 'nope.txt') },
      },
    );
    assert.equal(run.result.status, 'invalid-inputs');
    assert.ok(run.result.status === 'invalid-inputs');
    assert.match(
      run.result.errors[0].message,
      /^Invalid input for `data`, .*nope\.txt \(No such file or directory\)/s,
    );
  });
});

describe('retry behavior CREATE_NEW_EXECUTION', () => {
  it('marks the execution RETRIED and starts a new one until maxAttempt', async () => {
    const run = await runText(`id: new_execution
namespace: company.team
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
    retry:
      type: constant
      interval: PT0.01S
      maxAttempt: 3
      behavior: CREATE_NEW_EXECUTION
`);
    const states = run.events.flatMap((e) => (e.event === 'execution.ended' ? [e.state] : []));
    assert.deepEqual(states, ['RETRIED', 'RETRIED', 'FAILED']);
    assert.equal(run.execution.metadata.attemptNumber, 3);
  });
});
