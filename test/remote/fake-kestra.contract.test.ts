// The fake server against the reference (kestra.md §8), with raw HTTP and none of the client's code:
// what the client is tested against must itself be checked against what Kestra does.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import { FakeKestra } from './fake-kestra/fake-kestra';

const FLOW = `id: hello
namespace: company.team
tasks:
  - id: say
    type: io.kestra.plugin.core.log.Log
    message: Hello
`;

const BASIC = `Basic ${Buffer.from('admin:pw').toString('base64')}`;

describe('fake Kestra: the §8 contract', () => {
  let fake: FakeKestra;
  before(async () => {
    fake = await FakeKestra.start({ auth: { basic: { username: 'admin', password: 'pw' } } });
  });
  after(() => fake.close());

  const call = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: string,
    headers: Record<string, string> = {},
  ) => {
    const response = await request(`${fake.url}${path}`, {
      method,
      body,
      headers: { authorization: BASIC, ...headers },
    });
    const text = await response.body.text();
    return {
      status: response.statusCode,
      headers: response.headers,
      text,
      json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  };

  it('401 with WWW-Authenticate: Basic realm=Kestra and no body; /ping stays open (§8.1)', async () => {
    const refused = await request(`${fake.url}/api/v1/flows`, {
      method: 'POST',
      body: FLOW,
      headers: { 'content-type': 'application/x-yaml' },
    });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.headers['www-authenticate'], 'Basic realm=Kestra');
    assert.equal(await refused.body.text(), '');
    const ping = await request(`${fake.url}/ping`);
    assert.equal(ping.statusCode, 200);
    await ping.body.dump();
  });

  it('POST /api/v1/flows: 200 FlowWithSource, then 422 "Flow id already exists"; PUT updates (§8.2)', async () => {
    const yaml = { 'content-type': 'application/x-yaml' };
    const created = await call('POST', '/api/v1/flows', FLOW, yaml);
    assert.equal(created.status, 200);
    assert.deepEqual(created.json, {
      id: 'hello',
      namespace: 'company.team',
      revision: 1,
      disabled: false,
      deleted: false,
      source: FLOW,
    });
    const again = await call('POST', '/api/v1/flows', FLOW, yaml);
    assert.equal(again.status, 422);
    assert.deepEqual(again.json, {
      message: 'Invalid entity: flow.id: Flow id already exists',
      _links: { self: { href: '/api/v1/flows', templated: false } },
      _embedded: { errors: [{ message: 'Flow id already exists', path: 'flow.id' }] },
    });
    const updated = await call('PUT', '/api/v1/flows/company.team/hello', FLOW.replace('Hello', 'Hi'), yaml);
    assert.equal(updated.json?.revision, 2);
    assert.equal((await call('PUT', '/api/v1/flows/company.team/nope', FLOW, yaml)).status, 404);
  });

  it('422 for a YAML error: path yaml, a SnakeYAML-style message naming line and column (§8.9)', async () => {
    const broken = await call('POST', '/api/v1/flows', `${FLOW}   - id: two\n`, {
      'content-type': 'application/x-yaml',
    });
    assert.equal(broken.status, 422);
    const errors = (broken.json?._embedded as { errors: { message: string; path: string }[] }).errors;
    assert.equal(errors[0].path, 'yaml');
    assert.match(
      errors[0].message,
      /^all sequence items must start at the same column\n in 'reader', line 7, column 4:\n/,
    );
    assert.match(String(broken.json?.message), /^Invalid entity: Illegal flow yaml: /);
  });

  it('executions: 404 "Requested Flow is not found.", follow ends with id: end, logs never end (§8.3, §8.4)', async () => {
    const missing = await call('POST', '/api/v1/executions/company.team/ghost');
    assert.deepEqual(
      [missing.status, missing.json?.message],
      [404, 'Not Found: Requested Flow is not found.'],
    );
    const started = await call('POST', '/api/v1/executions/company.team/hello');
    assert.equal(started.status, 200);
    const id = String(started.json?.id);
    assert.equal(started.json?.url, `${fake.url}/ui/executions/company.team/hello/${id}`);
    const logs = await request(`${fake.url}/api/v1/logs/${id}/follow`, { headers: { authorization: BASIC } });
    const follow = await request(`${fake.url}/api/v1/executions/${id}/follow`, {
      headers: { authorization: BASIC },
    });
    assert.equal(follow.headers['content-type'], 'text/event-stream');
    const text = await follow.body.text();
    const ids = [...text.matchAll(/^id: (\w+)$/gm)].map((m) => m[1]);
    assert.equal(ids.at(-1), 'end');
    assert.ok(ids.slice(0, -1).every((eventId) => eventId === 'progress'));
    // The execution is over and its stream closed; the log stream is still open.
    let logText = '';
    logs.body.on('data', (chunk: Buffer) => (logText += chunk.toString()));
    const logsEnded = new Promise<string>((resolve) => logs.body.on('close', () => resolve('closed')));
    const stillOpen = await Promise.race([
      logsEnded,
      new Promise<string>((resolve) => setImmediate(() => resolve('open'))),
    ]);
    assert.equal(stillOpen, 'open');
    logs.body.destroy();
    assert.match(logText, /^id: progress\ndata: {.*"message":"Hi".*}\n\n$/);
    const kill = await call('DELETE', `/api/v1/executions/${id}/kill`);
    assert.equal(kill.status, 202);
    const finished = await call('GET', `/api/v1/executions/${id}`);
    assert.equal((finished.json?.state as { current: string }).current, 'SUCCESS');
  });
});
