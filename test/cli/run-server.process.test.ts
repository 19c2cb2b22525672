// `kestra-flow run --server` through the built CLI, against the fake Kestra API on loopback: the same
// NDJSON stream as the embedded engine, credentials from the environment only, clear exit-2 errors.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FakeKestra } from '../remote/fake-kestra/fake-kestra';

const CLI = resolve(__dirname, '../../dist/cli.js');

const FLOW = `id: http_get
namespace: company.team
tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: https://dummyjson.com/products
  - id: print_status
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.send_data.body }}"
`;

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [CLI, 'run', ...args], { env: { PATH: process.env.PATH, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

describe('kestra-flow run --server', () => {
  let fake: FakeKestra;
  let dir: string;
  let file: string;

  before(async () => {
    fake = await FakeKestra.start({
      auth: { tokens: { 't0ken-value': 'write' } },
      behaviours: {
        send_data: {
          outputs: { code: 200, uri: 'https://dummyjson.com/products', headers: {}, body: '{"id":1}' },
        },
        print_status: { logs: [{ level: 'INFO', message: '{"id":1}' }] },
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'kf-run-server-'));
    file = join(dir, 'flow.yaml');
    writeFileSync(file, FLOW);
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the flow on the server and prints the event stream', async () => {
    const result = await runCli([file, '--server', fake.url, '--format', 'ndjson'], {
      KESTRA_API_TOKEN: 't0ken-value',
    });
    assert.equal(result.code, 0, result.stderr);
    const events = result.stdout
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { event: string; state?: string; outputs?: Record<string, unknown> },
      );
    assert.equal(events[0].event, 'execution.started');
    const end = events[events.length - 1];
    assert.equal(end.event, 'execution.ended');
    assert.equal(end.state, 'SUCCESS');
    assert.deepEqual((end.outputs?.send_data as { code: number }).code, 200);
    assert.ok(!result.stdout.includes('t0ken-value') && !result.stderr.includes('t0ken-value'));
    const upload = fake.requests.find((r) => r.method === 'POST' && r.path.startsWith('/api/v1/flows'));
    assert.equal(upload?.headers.authorization, 'Bearer t0ken-value');
  });

  it('says how to authenticate on 401, exit 2', async () => {
    const result = await runCli([file, '--server', fake.url], {});
    assert.equal(result.code, 2);
    assert.match(result.stderr, /KESTRA_API_TOKEN/);
  });

  it('names the server it cannot reach, exit 2', async () => {
    const result = await runCli([file, '--server', 'http://127.0.0.1:1'], {});
    assert.equal(result.code, 2);
    assert.match(result.stderr, /127\.0\.0\.1:1/);
  });
});
