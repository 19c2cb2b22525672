// Cancelling a run the way the panel's Cancel does (FlowRunner's `cancelRun` calls RunProcess.cancel),
// on the real CLI (dist/cli.js) spawned by the code Run Flow uses: the launch plan, then RunProcess.
// FlowRunner itself needs `vscode`; what it adds (panel messages) is not exercised here. The panel's
// state comes from the same reducer FlowRunner feeds (applyRunEvent, then applyProcessExit).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuiltCli } from '../../../test/cli/support/built-cli';
import { descendants, isAlive, processesMentioning } from '../../../test/cli/support/processes';
import { applyProcessExit, applyRunEvent, initialRunState } from '../../webview/model/run-state';
import { launchCommand } from './launch-plan';
import { RunProcess } from './run-process';

const SLEEPING = `id: sleeping
namespace: company.team
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: started
  - id: nap
    type: io.kestra.plugin.core.flow.Sleep
    duration: PT1M
  - id: last
    type: io.kestra.plugin.core.log.Log
    message: not reached
`;

describe('RunProcess: Cancel from the run panel', () => {
  let dir: string;
  let cliPath: string;
  before(() => {
    cliPath = ensureBuiltCli();
    dir = mkdtempSync(join(tmpdir(), 'run-process-cancel-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stops a run stalled in a Sleep: KILLED, exit 1, no process left', { timeout: 20_000 }, async () => {
    const filePath = join(dir, 'sleeping.yaml');
    writeFileSync(filePath, SLEEPING);
    const planned = await launchCommand({
      filePath,
      inputs: [],
      values: {},
      settings: { target: 'embedded', serverUrl: '', tenant: '' },
      cwd: dir,
      credentials: () => assert.fail('no credentials for an embedded run'),
      writeTempFile: () => assert.fail('no temporary file for this run'),
    });
    assert.ok(planned.ok);
    const state = initialRunState(Date.now());
    let sleeping: () => void = () => undefined;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    const other: string[] = [];
    const run = new RunProcess({
      node: process.execPath,
      cliPath,
      args: planned.command.args,
      cwd: planned.command.cwd,
      env: { ...planned.command.env, KESTRA_FLOW_STATE_DIR: join(dir, '.state') },
      onEvents: (events) => {
        for (const event of events) {
          applyRunEvent(state, event);
          if (event.event === 'log' && event.message === 'Waiting for PT1M') sleeping();
        }
      },
      onOtherOutput: (line) => other.push(line),
    });
    await asleep;
    const pid = run.pid as number;
    assert.deepEqual(processesMentioning(filePath), [pid], 'the run is the one process naming the flow');
    const grandchildren = descendants(pid);

    run.cancel();
    const exit = await run.exited;
    applyProcessExit(state, Date.now(), undefined, exit.cancelled);

    assert.deepEqual(exit, { code: 1, signal: null, stderr: '', cancelled: true });
    assert.equal(state.phase, 'ended');
    assert.equal(state.state, 'KILLED');
    assert.equal(state.error, 'The execution was killed');
    assert.deepEqual(
      Object.values(state.taskRuns).map((r) => [r.taskId, r.state]),
      [
        ['first', 'SUCCESS'],
        ['nap', 'KILLED'],
      ],
    );
    assert.deepEqual(other, []);
    assert.equal(run.running, false);
    assert.equal(isAlive(pid), false);
    assert.deepEqual(grandchildren.filter(isAlive), []);
    assert.deepEqual(processesMentioning(filePath), []);
  });
});
