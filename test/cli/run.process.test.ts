// `kestra-flow run` as a user runs it: the built CLI (dist/cli.js), exit codes, output formats, Ctrl-C
// and SIGTERM (the process exits by itself, leaving no process behind).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { cliPath, ensureBuiltCli } from './support/built-cli';
import { descendants, isAlive, processesMentioning } from './support/processes';

const work = mkdtempSync(join(tmpdir(), 'kestra-flow-run-cli-'));
const env = { ...process.env, KESTRA_FLOW_STATE_DIR: join(work, '.state') };

function flow(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** A run of the built CLI in a child process, its stdout followed as it comes. */
function startRun(path: string) {
  const child = spawn(process.execPath, [cliPath, 'run', path, '--format', 'ndjson'], { cwd: work, env });
  let stdout = '';
  const waiting: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const wait of waiting.filter((w) => stdout.includes(w.text))) {
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve();
    }
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveClosed) =>
    child.on('close', (code, signal) => resolveClosed({ code, signal })),
  );
  return {
    child,
    pid: child.pid as number,
    closed,
    /** Resolves once stdout contains `text`. */
    printed: (text: string) =>
      new Promise<void>((resolvePrinted) =>
        stdout.includes(text) ? resolvePrinted() : waiting.push({ text, resolve: resolvePrinted }),
      ),
    lastEvent: () => {
      const last = JSON.parse(stdout.trim().split('\n').pop() as string) as { event: string; state: string };
      return { event: last.event, state: last.state };
    },
  };
}

/** A killed run: it exited by itself with exit code 1, reported KILLED, and left no process behind. */
async function endedKilledAndGone(
  run: ReturnType<typeof startRun>,
  grandchildren: number[],
  path: string,
): Promise<void> {
  const exit = await run.closed;
  assert.deepEqual(exit, { code: 1, signal: null }, 'exited by itself, with the code of a killed run');
  assert.deepEqual(run.lastEvent(), { event: 'execution.ended', state: 'KILLED' });
  assert.equal(isAlive(run.pid), false);
  assert.deepEqual(grandchildren.filter(isAlive), []);
  assert.deepEqual(processesMentioning(path), []);
}

function cli(...args: string[]) {
  return spawnSync(process.execPath, [cliPath, 'run', ...args], { encoding: 'utf8', cwd: work, env });
}

const HELLO = `id: hello
namespace: company.team
inputs:
  - id: name
    type: STRING
    defaults: world
tasks:
  - id: greet
    type: io.kestra.plugin.core.log.Log
    message: "Hello {{ inputs.name }}"
  - id: ret
    type: io.kestra.plugin.core.debug.Return
    format: "{{ inputs.name | upper }}"
`;

describe('dist/cli.js run', () => {
  before(() => ensureBuiltCli());
  let server: Server | undefined;
  after(async () => {
    rmSync(work, { recursive: true, force: true });
    await new Promise<void>((resolveClose) => (server ? server.close(() => resolveClose()) : resolveClose()));
  });

  it('text: log lines, then the final state and each task’s outputs; exit 0', () => {
    const result = cli(flow('hello.yaml', HELLO), '--input', 'name=Ann');
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.match(
      lines[0],
      /^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}Execution [0-9A-Za-z]{22} of company\.team\.hello started$/,
    );
    assert.match(lines[1], /^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}greet Hello Ann$/);
    assert.match(lines[2], /^\d{4}-\d\d-\d\dT[\d:.]+Z DEBUG ret ANN$/);
    assert.match(lines[4], /^Execution [0-9A-Za-z]{22} ended SUCCESS in \d+ms$/);
    assert.deepEqual(lines.slice(5), ['Tasks:', '  greet SUCCESS', '  ret SUCCESS {"value":"ANN"}', '']);
  });

  it('ndjson: one event per line, each with `event` and an ISO time', () => {
    const result = cli(flow('hello.yaml', HELLO), '--format', 'ndjson');
    assert.equal(result.status, 0, result.stderr);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; time: string });
    assert.deepEqual(
      events.map((e) => e.event),
      [
        'execution.started',
        'taskrun.started',
        'log',
        'taskrun.ended',
        'taskrun.started',
        'log',
        'taskrun.ended',
        'execution.ended',
      ],
    );
    for (const event of events) assert.equal(new Date(event.time).toISOString(), event.time);
  });

  it('exit 1 when the execution fails', () => {
    const result = cli(
      flow(
        'fail.yaml',
        'id: f\nnamespace: company.team\ntasks:\n  - id: boom\n    type: io.kestra.plugin.core.execution.Fail\n',
      ),
    );
    assert.equal(result.status, 1);
    assert.match(result.stdout, /ERROR boom Task failure/);
    assert.match(result.stdout, /ended FAILED in/);
    assert.match(result.stdout, /Error: Task boom failed: Task failure/);
  });

  it('exit 2 for unsupported task types, each listed with its line', () => {
    const path = flow(
      'scripts.yaml',
      'id: s\nnamespace: company.team\ntasks:\n  - id: py\n    type: io.kestra.plugin.scripts.python.Script\n    script: print(1)\n  - id: fetch\n    type: io.kestra.plugin.core.log.Fetch\n',
    );
    const result = cli(path);
    assert.equal(result.status, 2);
    assert.equal(result.stdout, '');
    const errors = result.stderr.trim().split('\n');
    assert.match(
      errors[0],
      /^scripts\.yaml:5:11: error unsupported-task-type: Task `py` has type `io\.kestra\.plugin\.scripts\.python\.Script`, which is not a core task/,
    );
    assert.match(errors[0], /--server URL/);
    assert.match(
      errors[1],
      /^scripts\.yaml:8:11: error unsupported-task-type: Task `fetch` uses the core task `io\.kestra\.plugin\.core\.log\.Fetch`/,
    );
    assert.equal(errors[2], 'kestra-flow run: nothing was executed.');
  });

  it('exit 2 for a YAML error, located', () => {
    const result = cli(
      flow(
        'broken.yaml',
        'id: b\nnamespace: company.team\ntasks:\n  - id: x\n    type: "io.kestra.plugin.core.log.Log\n',
      ),
    );
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^broken\.yaml:\d+:\d+: error yaml-syntax: /);
  });

  it('--tenant without --server is a usage error', () => {
    const result = cli(flow('hello.yaml', HELLO), '--tenant', 'main');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--tenant goes with --server/);
  });

  it('Ctrl-C during a Sleep kills the execution: KILLED, exit 1, no process left', async () => {
    const path = flow(
      'sleep.yaml',
      'id: s\nnamespace: company.team\ntasks:\n  - id: nap\n    type: io.kestra.plugin.core.flow.Sleep\n    duration: PT1M\n',
    );
    const run = startRun(path);
    await run.printed('Waiting for PT1M');
    // The checks below see a live run: its process names the flow and descends from this one.
    assert.deepEqual(processesMentioning(path), [run.pid]);
    assert.ok(descendants(process.pid).includes(run.pid));
    const grandchildren = descendants(run.pid);
    run.child.kill('SIGINT');
    await endedKilledAndGone(run, grandchildren, path);
  });

  it('SIGTERM during a request the server never answers: KILLED, exit 1, connection closed', async () => {
    // A server that accepts the connection and never answers: the run waits for the response headers.
    const sockets = new Set<Socket>();
    const received = new Promise<void>((resolveReceived) => {
      server = createServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.once('data', () => resolveReceived());
      });
    });
    await new Promise<void>((resolveListen) => server?.listen(0, '127.0.0.1', resolveListen));
    const port = (server?.address() as AddressInfo).port;
    const path = flow(
      'stalled.yaml',
      `id: stalled\nnamespace: company.team\ntasks:\n  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: http://127.0.0.1:${port}/never\n    options:\n      readTimeout: PT1M\n`,
    );
    const run = startRun(path);
    await received;
    const grandchildren = descendants(run.pid);
    run.child.kill('SIGTERM');
    await endedKilledAndGone(run, grandchildren, path);
    // The client's end went with the process; the server sees its end closed.
    while (sockets.size > 0) await new Promise((resolveTick) => setTimeout(resolveTick, 5));
  });
});
