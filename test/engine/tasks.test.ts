// Runnable tasks with side effects: cancellation during Sleep, Pause, KV store, Download and
// internal storage, TemplatedTask, Subflow, secrets and log masking.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { useDummyServer } from './support/dummy-server';
import { settledResourceCounts } from './support/resources';
import { FIXTURES } from './support/run-cli';
import { runText } from './support/run-flow';

describe('cancellation and Pause', () => {
  it('aborting during a Sleep ends KILLED, leaving no timer', async () => {
    const before = await settledResourceCounts();
    const controller = new AbortController();
    const pending = runText(
      `id: sleeper
namespace: company.team
tasks:
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT60S
  - id: never
    type: io.kestra.plugin.core.log.Log
    message: never
`,
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 50);
    const run = await pending;
    assert.equal(run.execution.state.current, 'KILLED');
    assert.equal(run.stateOf('nap'), 'KILLED');
    assert.deepEqual(
      run.execution.taskRuns.map((r) => r.taskId),
      ['nap'],
    );
    assert.deepEqual(run.logs(), ['Waiting for PT1M']);
    assert.deepEqual(await settledResourceCounts(), before);
  });

  it('a Pause with delay resumes by itself', async () => {
    const run = await runText(`id: pause_delay
namespace: company.team
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
    delay: PT0.02S
  - id: next
    type: io.kestra.plugin.core.log.Log
    message: resumed
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.deepEqual(
      run.execution.taskRuns[0].state.histories.map((h) => h.state),
      ['CREATED', 'RUNNING', 'PAUSED', 'RUNNING', 'SUCCESS'],
    );
    assert.deepEqual(run.logs('next'), ['resumed']);
  });

  it('a Pause without delay fails when nobody can answer, and is resumed when the terminal says yes', async () => {
    const flow = `id: pause_manual
namespace: company.team
tasks:
  - id: wait
    type: io.kestra.plugin.core.flow.Pause
  - id: next
    type: io.kestra.plugin.core.log.Log
    message: resumed
`;
    const unattended = await runText(flow);
    assert.equal(unattended.execution.state.current, 'FAILED');
    assert.match(
      unattended.endedRuns('wait')[0].error ?? '',
      /waits for a manual resume, which a local run can only get from a terminal/,
    );
    const questions: string[] = [];
    const answered = await runText(flow, { confirm: async (question) => (questions.push(question), true) });
    assert.equal(answered.execution.state.current, 'SUCCESS');
    assert.deepEqual(questions, ["Task 'wait' paused the execution. Resume? [y/N] "]);
    const declined = await runText(flow, { confirm: async () => false });
    assert.equal(declined.endedRuns('wait')[0].error, "Pause 'wait' was not resumed");
  });
});

describe('KV store', () => {
  it('Set, Get, GetKeys, Delete share a store across runs', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'kestra-flow-kv-'));
    after(() => rmSync(stateDir, { recursive: true, force: true }));
    const first = await runText(
      `id: kv_writer
namespace: company.team
tasks:
  - id: set_number
    type: io.kestra.plugin.core.kv.Set
    key: my_number
    value: "{{ 40 + 2 }}"
  - id: set_text
    type: io.kestra.plugin.core.kv.Set
    key: my_text
    value: hello
  - id: no_overwrite
    type: io.kestra.plugin.core.kv.Set
    key: my_text
    value: again
    overwrite: false
    allowFailure: true
`,
      { stateDir },
    );
    assert.equal(first.execution.state.current, 'WARNING');
    assert.equal(
      first.endedRuns('no_overwrite')[0].error,
      "Cannot set value for key 'my_text'. Key already exists and `overwrite` is set to `false`.",
    );
    const second = await runText(
      `id: kv_reader
namespace: company.team
tasks:
  - id: get
    type: io.kestra.plugin.core.kv.Get
    key: my_number
  - id: keys
    type: io.kestra.plugin.core.kv.GetKeys
    prefix: my_
  - id: delete
    type: io.kestra.plugin.core.kv.Delete
    key: my_text
  - id: missing
    type: io.kestra.plugin.core.kv.Get
    key: my_text
    errorOnMissing: true
`,
      { stateDir },
    );
    assert.deepEqual(second.endedRuns('get')[0].outputs, { value: 42 });
    assert.deepEqual(second.endedRuns('keys')[0].outputs, { keys: ['my_number', 'my_text'] });
    assert.deepEqual(second.endedRuns('delete')[0].outputs, { deleted: true });
    assert.equal(
      second.endedRuns('missing')[0].error,
      "No value found for key 'my_text' in namespace 'company.team' and `errorOnMissing` is set to true",
    );
  });
});

describe('Download, TemplatedTask, Subflow', () => {
  const server = useDummyServer();

  it('Download stores the body under the run and outputs a kestra:/// URI', async () => {
    const run = await runText(`id: download
namespace: company.team
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: ${server.url}/file.csv
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    const outputs = run.endedRuns('fetch')[0].outputs as Record<string, unknown>;
    assert.equal(outputs.code, 200);
    assert.equal(outputs.length, 8);
    assert.match(
      String(outputs.uri),
      new RegExp(
        `^kestra:///company/team/download/executions/${run.execution.id}/tasks/fetch/[0-9A-Za-z]{22}/data\\.csv$`,
      ),
    );
    assert.deepEqual((outputs.headers as Record<string, string[]>)['content-type'], ['text/csv']);
  });

  it('Download fails on an empty body unless told otherwise', async () => {
    const run = await runText(`id: download_empty
namespace: company.team
tasks:
  - id: fetch
    type: io.kestra.plugin.core.http.Download
    uri: ${server.url}/empty
`);
    assert.equal(
      run.endedRuns('fetch')[0].error,
      `No response from server: ${server.url}/empty returned an empty body`,
    );
  });

  it('TemplatedTask runs the rendered task in place', async () => {
    const run = await runText(`id: templated
namespace: company.team
tasks:
  - id: tpl
    type: io.kestra.plugin.core.templating.TemplatedTask
    spec: |
      type: io.kestra.plugin.core.debug.Return
      format: "{{ task.id }} rendered"
`);
    assert.deepEqual(run.endedRuns('tpl')[0].outputs, { value: 'tpl rendered' });
  });

  it('Subflow runs a flow found next to the file, with inputs, and exposes its outputs', async () => {
    const path = join(FIXTURES, 'subflows', 'parent.yaml');
    const run = await runText(readFileSync(path, 'utf8'), { filePath: path });
    assert.equal(run.execution.state.current, 'SUCCESS');
    const call = run.endedRuns('call')[0].outputs as Record<string, unknown>;
    assert.equal(call.state, 'SUCCESS');
    assert.match(String(call.executionId), /^[0-9A-Za-z]{22}$/);
    assert.deepEqual(call.outputs, { greeting: 'Hello parent_flow from parent_flow, debug=true' });
    assert.deepEqual(run.logs('show'), ['Subflow: Hello parent_flow from parent_flow, debug=true (SUCCESS)']);
  });

  it('Subflow transmits a child failure, and says when the flow is not found', async () => {
    const path = join(FIXTURES, 'subflows', 'failing-parent.yaml');
    const run = await runText(readFileSync(path, 'utf8'), { filePath: path });
    assert.equal(run.execution.state.current, 'FAILED');
    assert.equal(run.endedRuns('call')[0].state, 'FAILED');
    assert.deepEqual(run.logs('call'), ['[company.team.failing_child] child failure']);
    assert.equal(run.execution.taskRuns.length, 1);
  });
});
