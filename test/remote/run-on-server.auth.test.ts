// Credentials from the environment only (bearer or basic), never printed; 401/403 explained; the
// tenant inserted right after /api/v1/ (§8.1), and a missing or wrong tenant explained.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FakeKestra } from './fake-kestra/fake-kestra';
import { runRemote } from './support';

const FLOW = `id: hello
namespace: company.team
tasks:
  - id: say
    type: io.kestra.plugin.core.log.Log
    message: Hello
`;

const BASIC = { KESTRA_USERNAME: 'admin@kestra.io', KESTRA_PASSWORD: 's3cret-Passw0rd' };
const BASIC_HEADER = `Basic ${Buffer.from('admin@kestra.io:s3cret-Passw0rd').toString('base64')}`;

describe('runOnServer: authentication', () => {
  let fake: FakeKestra;
  before(async () => {
    fake = await FakeKestra.start({
      auth: {
        basic: { username: 'admin@kestra.io', password: 's3cret-Passw0rd' },
        tokens: { 'tok-write': 'write', 'tok-read': 'read' },
      },
    });
  });
  after(() => fake.close());

  it('sends Authorization: Bearer <KESTRA_API_TOKEN> on every request', async () => {
    const before = fake.requests.length;
    const { result } = await runRemote(fake.url, FLOW, { env: { KESTRA_API_TOKEN: 'tok-write' } });
    assert.equal(result.exitCode, 0, result.error);
    const headers = new Set(fake.requests.slice(before).map((r) => r.headers.authorization));
    assert.deepEqual([...headers], ['Bearer tok-write']);
    assert.ok(fake.requests.slice(before).every((r) => !r.path.includes('tok-write')));
  });

  it('sends Authorization: Basic base64(user:password) from KESTRA_USERNAME and KESTRA_PASSWORD', async () => {
    const before = fake.requests.length;
    const { result, notices } = await runRemote(fake.url, FLOW, { env: BASIC });
    assert.equal(result.exitCode, 0, result.error);
    assert.deepEqual(
      [...new Set(fake.requests.slice(before).map((r) => r.headers.authorization))],
      [BASIC_HEADER],
    );
    assert.ok(!notices.join('\n').includes('s3cret'));
  });

  it('prefers the API token when both are set', async () => {
    const before = fake.requests.length;
    await runRemote(fake.url, FLOW, { env: { ...BASIC, KESTRA_API_TOKEN: 'tok-write' } });
    assert.equal(fake.requests[before].headers.authorization, 'Bearer tok-write');
  });

  it('401 without credentials: says how to authenticate', async () => {
    const { result, events } = await runRemote(fake.url, FLOW);
    assert.deepEqual(result, {
      exitCode: 2,
      error:
        `the Kestra server at ${fake.url} refused POST /api/v1/flows (401 Unauthorized): the server requires authentication: ` +
        'set KESTRA_API_TOKEN (an API token), or KESTRA_USERNAME and KESTRA_PASSWORD (basic auth); in VS Code run "Kestra: Sign In".',
    });
    assert.deepEqual(events, []);
  });

  it('401 with wrong credentials: names the variables, never their values', async () => {
    const { result } = await runRemote(fake.url, FLOW, {
      env: { KESTRA_USERNAME: 'admin@kestra.io', KESTRA_PASSWORD: 'wrong-pass' },
    });
    assert.equal(result.exitCode, 2);
    assert.match(
      result.error ?? '',
      /\(401 Unauthorized\): the credentials from KESTRA_USERNAME\/KESTRA_PASSWORD were rejected/,
    );
    assert.ok(!(result.error ?? '').includes('wrong-pass'));
    assert.ok(!(result.error ?? '').includes('admin@kestra.io'));
  });

  it('403 for a token without the permission', async () => {
    const { result } = await runRemote(fake.url, FLOW, { env: { KESTRA_API_TOKEN: 'tok-read' } });
    assert.deepEqual(result, {
      exitCode: 2,
      error: `the Kestra server at ${fake.url} denied POST /api/v1/flows (403 Forbidden): the account of KESTRA_API_TOKEN lacks the permission; ask an administrator for it.`,
    });
  });

  it('refuses half-configured basic auth and credentials in the URL before sending anything', async () => {
    const before = fake.requests.length;
    const half = await runRemote(fake.url, FLOW, { env: { KESTRA_USERNAME: 'admin@kestra.io' } });
    assert.deepEqual(half.result, {
      exitCode: 2,
      error: 'KESTRA_USERNAME is set but KESTRA_PASSWORD is not; set both for basic auth.',
    });
    const inUrl = await runRemote(fake.url.replace('http://', 'http://admin:s3cret-Passw0rd@'), FLOW);
    assert.equal(inUrl.result.exitCode, 2);
    assert.match(inUrl.result.error ?? '', /^--server must not contain credentials/);
    assert.ok(!(inUrl.result.error ?? '').includes('s3cret'));
    assert.equal(fake.requests.length, before);
  });
});

describe('runOnServer: tenants', () => {
  let fake: FakeKestra;
  before(async () => {
    fake = await FakeKestra.start({ tenants: ['main'] });
  });
  after(() => fake.close());

  it('inserts the tenant right after /api/v1/ in every path, and in the execution link', async () => {
    const { result } = await runRemote(fake.url, FLOW, { tenant: 'main' });
    assert.equal(result.exitCode, 0, result.error);
    assert.ok(fake.requests.length >= 5);
    for (const request of fake.requests)
      assert.match(request.path, /^\/api\/v1\/main\/(flows|executions|logs)(\/|$)/);
    assert.equal(
      result.executionUrl,
      `${fake.url}/ui/main/executions/company.team/hello/${result.executionId}`,
    );
  });

  it('a server with tenants, called without one: 404 with a hint about --tenant', async () => {
    const { result } = await runRemote(fake.url, FLOW);
    assert.deepEqual(result, {
      exitCode: 2,
      error:
        `POST /api/v1/flows answered 404 Not Found on ${fake.url}; check the server URL. ` +
        'Servers with tenants (Enterprise, newer releases) need --tenant, usually --tenant main.',
    });
  });

  it('an unknown tenant: 404 naming the tenant', async () => {
    const { result } = await runRemote(`${fake.url}/api/v1/`, FLOW, { tenant: 'acme' });
    assert.deepEqual(result, {
      exitCode: 2,
      error: `POST /api/v1/acme/flows answered 404 Not Found on ${fake.url}; check the tenant 'acme' and the server URL.`,
    });
  });
});
