// Failure handling: retries (task, parent and flow policies), allowFailure/allowWarning, errors
// branches, AllowFailure.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runText } from './support/run-flow';

describe('retries', () => {
  it('retries until success; warningOnRetry gives WARNING; attemptsCount counts earlier attempts', async () => {
    const run = await runText(`id: retry_success
namespace: company.team
tasks:
  - id: failed
    type: io.kestra.plugin.core.execution.Fail
    condition: "{{ taskrun.attemptsCount < 3 }}"
    retry:
      type: constant
      interval: PT0.01S
      maxAttempt: 4
      warningOnRetry: true
errors:
  - id: never
    type: io.kestra.plugin.core.log.Log
    message: never
`);
    assert.equal(run.execution.state.current, 'WARNING');
    assert.equal(run.execution.taskRuns.length, 1);
    assert.equal(run.execution.taskRuns[0].attempts.length, 4);
    assert.deepEqual(
      run.execution.taskRuns[0].attempts.map((a) => a.state.current),
      ['FAILED', 'FAILED', 'FAILED', 'SUCCESS'],
    );
    assert.deepEqual(
      run.execution.taskRuns[0].state.histories.map((h) => h.state),
      [
        'CREATED',
        'RUNNING',
        'FAILED',
        'RETRYING',
        'CREATED',
        'RUNNING',
        'FAILED',
        'RETRYING',
        'CREATED',
        'RUNNING',
        'FAILED',
        'RETRYING',
        'CREATED',
        'RUNNING',
        'WARNING',
      ],
    );
  });

  it('stops at maxAttempt, then runs the errors branch; the execution is FAILED', async () => {
    const run = await runText(`id: retry_failed
namespace: company.team
tasks:
  - id: failed
    type: io.kestra.plugin.core.execution.Fail
    retry:
      type: constant
      interval: PT0.01S
      maxAttempt: 3
errors:
  - id: handler
    type: io.kestra.plugin.core.log.Log
    message: "failed: {{ tasks.failed.state }}"
`);
    assert.equal(run.execution.state.current, 'FAILED');
    assert.equal(run.execution.taskRuns[0].attempts.length, 3);
    assert.deepEqual(run.logs('handler'), ['failed: FAILED']);
  });

  it('a flowable parent retry applies to its failing child', async () => {
    const run = await runText(`id: retry_parent
namespace: company.team
tasks:
  - id: seq
    type: io.kestra.plugin.core.flow.Sequential
    retry:
      type: constant
      interval: PT0.01S
      maxAttempt: 2
    tasks:
      - id: child
        type: io.kestra.plugin.core.execution.Fail
`);
    assert.equal(run.execution.state.current, 'FAILED');
    assert.equal(run.execution.taskRuns.find((r) => r.taskId === 'child')?.attempts.length, 2);
  });

  it('the flow retry is the fallback', async () => {
    const run = await runText(`id: retry_flow
namespace: company.team
retry:
  type: constant
  interval: PT0.01S
  maxAttempt: 3
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
`);
    assert.equal(run.execution.taskRuns[0].attempts.length, 3);
  });
});

describe('allowFailure, allowWarning, errors', () => {
  it('allowFailure turns a failure into WARNING and the flow continues', async () => {
    const run = await runText(`id: allow
namespace: company.team
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
    allowFailure: true
  - id: next
    type: io.kestra.plugin.core.log.Log
    message: next
`);
    assert.equal(run.execution.state.current, 'WARNING');
    assert.equal(run.stateOf('fail'), 'WARNING');
    assert.deepEqual(run.logs('next'), ['next']);
  });

  it('allowFailure with allowWarning gives SUCCESS', async () => {
    const run = await runText(`id: allow
namespace: company.team
tasks:
  - id: fail
    type: io.kestra.plugin.core.execution.Fail
    allowFailure: true
    allowWarning: true
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
  });

  it('a local errors branch runs, and the parent stays FAILED', async () => {
    const run = await runText(`id: local_errors
namespace: company.team
tasks:
  - id: seq
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: ok
        type: io.kestra.plugin.core.debug.Return
        format: ok
      - id: ko
        type: io.kestra.plugin.core.execution.Fail
        errorMessage: broken
      - id: skipped_by_failure
        type: io.kestra.plugin.core.log.Log
        message: never
    errors:
      - id: e1
        type: io.kestra.plugin.core.log.Log
        message: "error 1"
      - id: e2
        type: io.kestra.plugin.core.log.Log
        message: "error 2"
  - id: after
    type: io.kestra.plugin.core.log.Log
    message: never
errors:
  - id: global
    type: io.kestra.plugin.core.log.Log
    message: global
`);
    assert.equal(run.execution.state.current, 'FAILED');
    assert.deepEqual(
      run.execution.taskRuns.map((r) => `${r.taskId}:${r.state.current}`),
      ['seq:FAILED', 'ok:SUCCESS', 'ko:FAILED', 'e1:SUCCESS', 'e2:SUCCESS', 'global:SUCCESS'],
    );
    const end = run.events.at(-1);
    assert.equal(end?.event === 'execution.ended' && end.error, 'Task ko failed: broken');
  });

  it('AllowFailure ends WARNING and the flow goes on', async () => {
    const run = await runText(`id: allow_failure_task
namespace: company.team
tasks:
  - id: allow
    type: io.kestra.plugin.core.flow.AllowFailure
    tasks:
      - id: ko
        type: io.kestra.plugin.core.execution.Fail
  - id: next
    type: io.kestra.plugin.core.log.Log
    message: continued
`);
    assert.equal(run.stateOf('allow'), 'WARNING');
    assert.equal(run.execution.state.current, 'WARNING');
    assert.deepEqual(run.logs('next'), ['continued']);
  });
});
