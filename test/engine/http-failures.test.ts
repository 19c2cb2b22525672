// HTTP failure paths: each ends in the right state with a clear message and leaves no timer or socket.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { after, describe, it } from 'node:test';
import { useDummyServer } from './support/dummy-server';
import { settledResourceCounts } from './support/resources';
import { ended, logMessages, runCli, tempWorkspace } from './support/run-cli';

function requestFlow(uri: string, extra = ''): string {
  return `id: http_failure
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: "${uri}"
${extra}
`;
}

describe('http.Request failures', () => {
  const server = useDummyServer();
  const workspace = tempWorkspace();
  after(() => workspace.cleanup());

  async function run(flow: string) {
    const path = workspace.write('flow.yaml', flow);
    const before = await settledResourceCounts();
    const result = await runCli(['run', path, '--format', 'ndjson'], { cwd: workspace.dir });
    const afterCounts = await settledResourceCounts();
    assert.deepEqual(afterCounts, before, 'no timer or socket left behind');
    return result;
  }

  it('connection refused: FAILED, naming the URL', async () => {
    // A port that was just free: bind then close it.
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const result = await run(requestFlow(`http://127.0.0.1:${port}/products`));
    assert.equal(result.code, 1);
    const end = ended(result.events);
    assert.equal(end.state, 'FAILED');
    assert.equal(end.error, `Task call failed: Connection refused: http://127.0.0.1:${port}/products`);
  });

  it('read timeout: FAILED after options.readTimeout', async () => {
    const result = await run(requestFlow(`${server.url}/slow`, '    options:\n      readTimeout: PT0.2S'));
    assert.equal(result.code, 1);
    assert.equal(
      ended(result.events).error,
      `Task call failed: Read timeout after PT0.2S while waiting for the response of ${server.url}/slow (options.readTimeout)`,
    );
  });

  // Kestra's client (Micronaut 4) applies readTimeout between two reads while a request is live, so a
  // body that stops arriving fails, and one that keeps arriving does not.
  it('a body that stalls after the headers: FAILED after options.readTimeout', async () => {
    const result = await run(
      requestFlow(`${server.url}/stall-mid-body`, '    options:\n      readTimeout: PT0.2S'),
    );
    assert.equal(result.code, 1);
    const end = ended(result.events);
    assert.equal(end.state, 'FAILED');
    assert.equal(
      end.error,
      `Task call failed: Read timeout after PT0.2S while reading the response body of ${server.url}/stall-mid-body (options.readTimeout)`,
    );
    assert.equal(server.openConnections(), 0, 'the stalled connection is closed');
  });

  it('a body trickling for longer than readTimeout, never idle that long: SUCCESS', async () => {
    // 8 chunks 100 ms apart: about 0.8 s in all, never 0.5 s without data.
    const result = await run(
      requestFlow(`${server.url}/trickle?count=8&every=100`, '    options:\n      readTimeout: PT0.5S'),
    );
    assert.equal(result.code, 0, result.stdout);
    assert.equal((ended(result.events).outputs.call as Record<string, unknown>).body, 'xxxxxxxx');
  });

  it('a body trickling past readTimeout + 1 s: FAILED, as Micronaut caps the whole exchange', async () => {
    // 20 chunks 100 ms apart: about 2 s, past the 1.3 s cap, never 0.3 s without data.
    const result = await run(
      requestFlow(`${server.url}/trickle?count=20&every=100`, '    options:\n      readTimeout: PT0.3S'),
    );
    assert.equal(result.code, 1);
    assert.equal(
      ended(result.events).error,
      `Task call failed: Read timeout after PT1.3S while reading the response body of ${server.url}/trickle?count=20&every=100 (the whole response must arrive within options.readTimeout + 1 s)`,
    );
  });

  it('a 500: FAILED with the status', async () => {
    const result = await run(requestFlow(`${server.url}/status/500`));
    assert.equal(result.code, 1);
    assert.equal(
      ended(result.events).error,
      `Task call failed: Request to ${server.url}/status/500 failed with status 500 Internal Server Error (set \`allowFailed: true\` to accept error statuses)`,
    );
  });

  it('a 404 with allowFailed: SUCCESS with code and body', async () => {
    const result = await run(requestFlow(`${server.url}/status/404`, '    allowFailed: true'));
    assert.equal(result.code, 0);
    const call = ended(result.events).outputs.call as Record<string, unknown>;
    assert.equal(call.code, 404);
    assert.equal(call.body, '{"message":"Product not found"}');
  });

  it('a reset in the middle of the body: FAILED', async () => {
    const result = await run(requestFlow(`${server.url}/reset-mid-body`));
    assert.equal(result.code, 1);
    assert.equal(
      ended(result.events).error,
      `Task call failed: Connection reset by the server while reading the response body of ${server.url}/reset-mid-body`,
    );
  });

  it('a body larger than maxContentLength: FAILED', async () => {
    const result = await run(
      requestFlow(`${server.url}/products`, '    options:\n      maxContentLength: 10'),
    );
    assert.equal(
      ended(result.events).error,
      `Task call failed: The response of ${server.url}/products is larger than options.maxContentLength (10 bytes)`,
    );
  });

  it('killing the run during a request: KILLED, the socket closed', async () => {
    const path = workspace.write('flow.yaml', requestFlow(`${server.url}/slow`));
    const before = await settledResourceCounts();
    const controller = new AbortController();
    const pending = runCli(['run', path, '--format', 'ndjson'], {
      cwd: workspace.dir,
      signal: controller.signal,
    });
    while (!server.requests.some((r) => r.url === '/slow'))
      await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const result = await pending;
    assert.equal(result.code, 1);
    assert.equal(ended(result.events).state, 'KILLED');
    assert.deepEqual(await settledResourceCounts(), before);
  });

  // Kestra's message (PebbleException "Unable to parse jq value …") with the JSON reader's cause.
  for (const [route, body, cause] of [
    [
      'html',
      '<html><body>Maintenance</body></html>',
      "Unexpected character ('<' (code 60)): expected JSON String, Number, Array, Object or token 'null', 'true' or 'false' at line 1, column 1",
    ],
    [
      'broken-json',
      '{"broken":',
      "Unexpected end-of-input: expected JSON String, Number, Array, Object or token 'null', 'true' or 'false' at line 1, column 11",
    ],
  ] as const) {
    it(`a body that is not JSON (${route}) given to jq: the task using it FAILED, saying so`, async () => {
      const flow = `${requestFlow(`${server.url}/${route}`)}  - id: show
    type: io.kestra.plugin.core.log.Log
    message: "{{ outputs.call.body | jq('.x') | first }}"
  - id: never
    type: io.kestra.plugin.core.log.Log
    message: not reached
`;
      const result = await run(flow);
      assert.equal(result.code, 1);
      const states = result.events.flatMap((e) => (e.event === 'taskrun.ended' ? [[e.taskId, e.state]] : []));
      assert.deepEqual(states, [
        ['call', 'SUCCESS'],
        ['show', 'FAILED'],
      ]);
      assert.equal((ended(result.events).outputs.call as Record<string, unknown>).body, body);
      const message = `Unable to parse jq value '${body}' with type 'java.lang.String': not valid JSON: ${cause} ({{ outputs.call.body | jq('.x') | first }}:1)`;
      assert.deepEqual(logMessages(result.events, 'show'), [message]);
      assert.equal(ended(result.events).error, `Task show failed: ${message}`);
      assert.equal(result.stderr, '');
      assert.doesNotMatch(result.stdout, /\n\s+at /, 'no stack trace');
    });
  }

  it('the task timeout: FAILED with Kestra’s message', async () => {
    const result = await run(requestFlow(`${server.url}/slow`, '    timeout: PT0.1S'));
    assert.equal(result.code, 1);
    assert.equal(ended(result.events).error, 'Task call failed: Timeout after 00:00:00.100');
  });
});
