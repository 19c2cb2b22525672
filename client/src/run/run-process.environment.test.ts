// A real child process (a stand-in for dist/cli.js that reports what it received): credentials planned
// for a server run arrive in its environment and nowhere on its command line.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { RunEvent } from '../../../server/src/engine/events';
import { credentialEnvironment } from '../credential-env';
import { launchCommand } from './launch-plan';
import { RunProcess } from './run-process';

const TOKEN = 'tok-4c1d-only-in-the-environment';

// Prints one log event whose message is what the process got: its arguments and credential variables.
const REPORTER = `
const seen = {
  argv: process.argv.slice(2),
  token: process.env.KESTRA_API_TOKEN,
  username: process.env.KESTRA_USERNAME,
  password: process.env.KESTRA_PASSWORD,
};
console.log(JSON.stringify({ event: 'log', time: new Date().toISOString(), level: 'INFO', message: JSON.stringify(seen) }));
`;

describe('RunProcess: what reaches the child', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'run-process-env-'));
    writeFileSync(join(dir, 'cli.js'), REPORTER);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('gets the server token in KESTRA_API_TOKEN and not in its arguments', async () => {
    const planned = await launchCommand({
      filePath: join(dir, 'flow.yaml'),
      inputs: [],
      values: {},
      settings: { target: 'server', serverUrl: 'http://127.0.0.1:9', tenant: '' },
      cwd: dir,
      credentials: () => Promise.resolve(credentialEnvironment({ kind: 'token', token: TOKEN })),
      writeTempFile: () => assert.fail('no temporary file for this run'),
    });
    assert.ok(planned.ok);
    const events: RunEvent[] = [];
    const other: string[] = [];
    const child = new RunProcess({
      node: process.execPath,
      cliPath: join(dir, 'cli.js'),
      args: planned.command.args,
      cwd: planned.command.cwd,
      env: planned.command.env,
      onEvents: (received) => events.push(...received),
      onOtherOutput: (line) => other.push(line),
    });
    const exit = await child.exited;
    assert.equal(exit.code, 0, exit.stderr);
    assert.deepEqual(other, []);
    assert.equal(events.length, 1);
    const event = events[0];
    assert.ok(event.event === 'log');
    assert.deepEqual(JSON.parse(event.message), {
      argv: ['run', join(dir, 'flow.yaml'), '--server', 'http://127.0.0.1:9', '--format', 'ndjson'],
      token: TOKEN,
      username: '',
      password: '',
    });
  });
});
