// Failures before anything runs (exit 2): invalid flows (422 with each violation on its line, YAML
// positions kept), a disabled or missing flow, an unreachable or silent or failing server, a bad URL.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { KestraClient } from '../../server/src/remote/kestra-client';
import { parseServerTarget } from '../../server/src/remote/server-target';
import { startExecution } from '../../server/src/remote/start-execution';
import { FormData } from 'undici';
import { FakeKestra } from './fake-kestra/fake-kestra';
import { FAST, runRemote } from './support';

const GOOD = `id: hello
namespace: company.team
tasks:
  - id: say
    type: io.kestra.plugin.core.log.Log
    message: Hello
`;

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('runOnServer: errors before the execution', () => {
  let fake: FakeKestra;
  before(async () => {
    fake = await FakeKestra.start();
  });
  after(() => fake.close());

  it('422 YAML error: the server message condensed, with FILE:LINE:COLUMN', async () => {
    const text = `${GOOD}   - id: two\n`;
    const { result, events } = await runRemote(fake.url, text, { flowPath: 'flows/hello.yml' });
    assert.deepEqual(result, {
      exitCode: 2,
      error: [
        `the Kestra server at ${fake.url} rejected flow company.team.hello (422 Unprocessable Entity):`,
        '  flows/hello.yml:7:4: yaml: all sequence items must start at the same column',
      ].join('\n'),
    });
    assert.deepEqual(events, []);
  });

  it('422 constraint violations: one `path: message` line each', async () => {
    const text = GOOD.replace('namespace: company.team\n', '').replace('id: say', 'id: "say hello"');
    const { result } = await runRemote(fake.url, text, { flowPath: 'flows/hello.yml' });
    assert.deepEqual(result, {
      exitCode: 2,
      error: [
        `the Kestra server at ${fake.url} rejected the flow in flows/hello.yml (422 Unprocessable Entity):`,
        '  namespace: must not be null',
        '  tasks[0].id: must match "^[a-zA-Z0-9][a-zA-Z0-9_-]*"',
      ].join('\n'),
    });
  });

  it('422 on update of an existing flow: the violations of the PUT', async () => {
    assert.equal((await runRemote(fake.url, GOOD)).result.exitCode, 0);
    const { result } = await runRemote(
      fake.url,
      `${GOOD}  - id: say\n    type: io.kestra.plugin.core.log.Log\n`,
    );
    assert.deepEqual(result, {
      exitCode: 2,
      error: [
        `the Kestra server at ${fake.url} rejected flow company.team.hello (422 Unprocessable Entity):`,
        '  tasks: Duplicate task id with name [say]',
      ].join('\n'),
    });
  });

  it('409 for a disabled flow, in the server words', async () => {
    const { result } = await runRemote(
      fake.url,
      GOOD.replace('id: hello', 'id: off').concat('disabled: true\n'),
    );
    assert.deepEqual(result, {
      exitCode: 2,
      error: `the Kestra server at ${fake.url} answered POST /api/v1/executions/company.team/off with 409 Conflict: Illegal state: Requested Flow is disabled.`,
    });
  });

  it('404 when the flow to execute is not on the server', async () => {
    const client = new KestraClient(parseServerTarget(fake.url), {}, FAST);
    try {
      await assert.rejects(
        startExecution(
          client,
          {},
          { namespace: 'company.team', id: 'ghost', updated: false },
          new FormData(),
        ),
        {
          message:
            `flow company.team.ghost not found (POST /api/v1/executions/company.team/ghost answered 404 Not Found: Not Found: Requested Flow is not found.) on ${fake.url}; ` +
            'check the server URL. Servers with tenants (Enterprise, newer releases) need --tenant, usually --tenant main.',
          exitCode: 2,
        },
      );
    } finally {
      await client.close();
    }
  });

  it('500: the server failure and its message', async () => {
    fake.state.faults.fail500 = (method, path) => method === 'POST' && path === '/api/v1/flows';
    try {
      const { result } = await runRemote(fake.url, GOOD);
      assert.deepEqual(result, {
        exitCode: 2,
        error: `the Kestra server at ${fake.url} failed on POST /api/v1/flows (500 Internal Server Error: Internal server error: simulated failure)`,
      });
    } finally {
      fake.state.faults.fail500 = undefined;
    }
  });

  it('a server that never answers: the request and the timeout named', async () => {
    fake.state.faults.neverAnswer = (method, path) => method === 'POST' && path === '/api/v1/flows';
    try {
      const { result } = await runRemote(fake.url, GOOD, { timing: { requestTimeoutMs: 300 } });
      assert.deepEqual(result, {
        exitCode: 2,
        error: `the Kestra server at ${fake.url} did not answer POST /api/v1/flows within 0.3 s`,
      });
    } finally {
      fake.state.faults.neverAnswer = undefined;
    }
  });

  it('connection refused: names the URL', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const { result } = await runRemote(url, GOOD);
    assert.deepEqual(result, {
      exitCode: 2,
      error: `cannot reach the Kestra server at ${url}: connection refused (is the server running, and is the port right?)`,
    });
  });

  it('a --server that is not an http(s) URL', async () => {
    assert.deepEqual((await runRemote('localhost:8080', GOOD)).result, {
      exitCode: 2,
      error:
        "--server must be an http:// or https:// URL (for example http://localhost:8080), not 'localhost:8080'.",
    });
    assert.deepEqual((await runRemote('not a url', GOOD)).result, {
      exitCode: 2,
      error: "--server 'not a url' is not a URL (for example --server http://localhost:8080).",
    });
  });

  it('cancelled before the execution exists: nothing runs', async () => {
    const before = fake.requests.length;
    const { result } = await runRemote(fake.url, GOOD, { signal: AbortSignal.abort() });
    assert.deepEqual(result, { exitCode: 2, error: 'cancelled before the execution started.' });
    assert.deepEqual(
      fake.requests.slice(before).filter((r) => r.path.includes('/executions')),
      [],
    );
  });
});
