// What the engine refuses before running (validator errors, unsupported types, disabled flows) and
// what it runs with a warning (expression problems Kestra only meets at run time).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runText } from './support/run-flow';

describe('flow checks before a run', () => {
  it('refuses validator errors, located, and every unsupported task type', async () => {
    const run = await runText(`id: checks
namespace: company.team
tasks:
  - id: typo
    type: io.kestra.plugin.core.log.Log
    mesage: hello
  - id: py
    type: io.kestra.plugin.scripts.python.Script
    script: print(1)
`);
    assert.ok(run.result.status === 'invalid-flow');
    assert.deepEqual(
      run.result.problems.map((p) => `${p.position.line + 1}:${p.code}`),
      ['5:missing-property', '6:unknown-property', '8:unsupported-task-type'],
    );
  });

  it('refuses a disabled flow and a flow without tasks', async () => {
    const disabled = await runText(
      'id: d\nnamespace: company.team\ndisabled: true\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: x\n',
    );
    assert.ok(disabled.result.status === 'invalid-flow');
    assert.equal(disabled.result.problems[0].code, 'flow-disabled');
    const empty = await runText('id: e\nnamespace: company.team\ntasks: []\n');
    assert.ok(empty.result.status === 'invalid-flow');
    assert.ok(empty.result.problems.length > 0);
  });

  it('runs a flow whose expression refers to an unknown task, warns, and fails that task as Kestra does', async () => {
    const run = await runText(`id: runtime_only
namespace: company.team
tasks:
  - id: bad_ref
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.nope.value }}"
`);
    assert.equal(run.execution.state.current, 'FAILED');
    const logs = run.logs();
    assert.match(logs[0], /^line 6: .*nope.* \(unknown-task-reference; Kestra meets this when rendering\)$/);
    assert.match(
      logs[1],
      /^Unable to find `nope` used in the expression `\{\{ outputs\.nope\.value \}\}` at line 1$/,
    );
  });
});
