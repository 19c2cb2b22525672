// Large and repetitive executions: the executor's run indexes, the incrementally kept `outputs` /
// `tasks` variables and the per-run Subflow cache must give what Kestra gives at any size (each task
// once, in order, seeing every earlier output), also when ForEach children finish out of order.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runText } from './support/run-flow';

describe('large executions', () => {
  it('runs 2,000 sequential tasks once each, in order, each seeing all earlier outputs', async () => {
    const lines = ['id: large', 'namespace: company.team', 'tasks:'];
    for (let i = 0; i < 2000; i++) {
      lines.push(
        `  - id: t${i}`,
        '    type: io.kestra.plugin.core.debug.Return',
        i === 0
          ? '    format: "0"'
          : `    format: "{{ outputs.t${i - 1}.value | split('/') | first }}+/{{ outputs | length }}/{{ tasks.t0.state }}"`,
      );
    }
    const run = await runText(`${lines.join('\n')}\n`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.equal(run.execution.taskRuns.length, 2000);
    assert.deepEqual(
      run.execution.taskRuns.slice(0, 3).map((r) => r.taskId),
      ['t0', 't1', 't2'],
    );
    // Task i sees the i earlier outputs, the previous one's included.
    assert.equal(run.execution.taskRuns[1].outputs?.value, '0+/1/SUCCESS');
    assert.equal(run.execution.taskRuns[2].outputs?.value, '0++/2/SUCCESS');
    assert.equal(run.execution.taskRuns[1999].outputs?.value, `0${'+'.repeat(1999)}/1999/SUCCESS`);
    const ended = run.events.at(-1);
    assert.ok(ended?.event === 'execution.ended');
    assert.equal(Object.keys(ended.outputs).length, 2000);
    assert.deepEqual(Object.keys(ended.outputs).slice(0, 3), ['t0', 't1', 't2']);
  });

  it('keys ForEach outputs in creation order when children finish out of order', async () => {
    // Answers after `?ms=` milliseconds: the first value's request ends last.
    const server = createServer((request, response) => {
      const ms = Number(new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('ms'));
      setTimeout(() => response.end('ok'), ms);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const run = await runText(`id: out_of_order
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["slow", "fast", "mid"]
    concurrencyLimit: 0
    tasks:
      - id: get
        type: io.kestra.plugin.core.http.Request
        uri: "http://127.0.0.1:${port}/?ms={{ taskrun.value == 'slow' ? 300 : (taskrun.value == 'mid' ? 100 : 0) }}"
  - id: after
    type: io.kestra.plugin.core.debug.Return
    format: "{{ outputs.get | keys | join(',') }} {{ outputs.get.fast.body }} {{ tasks.get.slow.state }}"
`);
      assert.equal(run.execution.state.current, 'SUCCESS');
      const after = run.execution.taskRuns.find((r) => r.taskId === 'after');
      assert.equal(after?.outputs?.value, 'slow,fast,mid ok SUCCESS');
      const ended = run.events.at(-1);
      assert.ok(ended?.event === 'execution.ended');
      assert.deepEqual(Object.keys(ended.outputs.get as object), ['slow', 'fast', 'mid']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('runs the same Subflow from every ForEach iteration, each child with its own inputs', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kestra-flow-subflows-'));
    try {
      writeFileSync(
        join(folder, 'child.yaml'),
        `id: child_flow
namespace: company.team
inputs:
  - id: name
    type: STRING
tasks:
  - id: hello
    type: io.kestra.plugin.core.debug.Return
    format: "hello {{ inputs.name }}"
outputs:
  - id: greeting
    type: STRING
    value: "{{ outputs.hello.value }}"
`,
      );
      const parent = join(folder, 'parent.yaml');
      const text = `id: parent_flow
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b", "c"]
    tasks:
      - id: call
        type: io.kestra.plugin.core.flow.Subflow
        namespace: company.team
        flowId: child_flow
        inputs:
          name: "{{ taskrun.value }}"
`;
      writeFileSync(parent, text);
      const run = await runText(text, { filePath: parent, stateDir: folder });
      assert.equal(run.execution.state.current, 'SUCCESS');
      assert.deepEqual(
        run.endedRuns('call').map((e) => (e.outputs?.outputs as Record<string, string>).greeting),
        ['hello a', 'hello b', 'hello c'],
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
