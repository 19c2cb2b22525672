import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { Agent, interceptors, type Dispatcher } from 'undici';
import { requestFollowing, type Hop } from './http-redirects';

interface Seen {
  server: string;
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: string;
}

const KEPT_HEADERS = ['authorization', 'cookie', 'content-type', 'content-length', 'x-custom'];

/** A server answering redirects as its path asks: `/r/<status>?to=<location>`, `/chain/<n>`, … */
async function recordingServer(name: string, seen: Seen[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const headers: Record<string, string | undefined> = {};
      for (const header of KEPT_HEADERS) headers[header] = req.headers[header] as string | undefined;
      seen.push({ server: name, method: req.method ?? '', path: req.url ?? '', headers, body });
      const redirect = /^\/r\/(\d+)$/.exec(url.pathname);
      if (redirect) {
        const location = url.searchParams.get('to');
        res.writeHead(Number(redirect[1]), location === null ? {} : { location });
        return void res.end(url.searchParams.get('body') ?? '');
      }
      const chain = /^\/chain\/(\d+)$/.exec(url.pathname);
      if (chain && Number(chain[1]) > 0) {
        res.writeHead(302, { location: `/chain/${Number(chain[1]) - 1}` });
        return void res.end();
      }
      if (url.pathname === '/loop-a' || url.pathname === '/loop-b') {
        res.writeHead(302, { location: url.pathname === '/loop-a' ? '/loop-b' : '/loop-a' });
        return void res.end();
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`${name} ${req.method} ${req.url} ${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

type Outcome = { status: number; body: string } | { error: string };

async function outcome(response: Promise<Dispatcher.ResponseData>): Promise<Outcome> {
  try {
    const answer = await response;
    return { status: answer.statusCode, body: await answer.body.text() };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

describe('requestFollowing', () => {
  const seen: Seen[] = [];
  let a: { server: Server; origin: string };
  let b: { server: Server; origin: string };
  const agent = new Agent();
  const interceptor = agent.compose(interceptors.redirect({ maxRedirections: 10 }));
  before(async () => {
    a = await recordingServer('a', seen);
    b = await recordingServer('b', seen);
  });
  after(async () => {
    await agent.close();
    a.server.close();
    b.server.close();
  });

  /** Runs the hop through undici's interceptor, then through requestFollowing: same answers, same traffic. */
  async function same(hop: () => Hop): Promise<Outcome> {
    const options = { headersTimeout: 5000, bodyTimeout: 5000 };
    seen.length = 0;
    const first = hop();
    const expected = await outcome(
      interceptor.request({ ...first, body: first.body as string | undefined, ...options }),
    );
    const expectedTraffic = [...seen];
    seen.length = 0;
    const actual = await outcome(requestFollowing(agent, hop(), options, true));
    assert.deepEqual(actual, expected);
    assert.deepEqual(seen, expectedTraffic);
    return actual;
  }

  it('follows every redirect status as undici’s redirect interceptor does, method by method', async () => {
    const credentials = { authorization: 'Basic eA==', cookie: 'c=1', 'x-custom': 'kept' };
    for (const status of [300, 301, 302, 303, 307, 308]) {
      for (const method of ['GET', 'POST', 'PUT', 'HEAD'] as const) {
        for (const to of ['/final?q=1', `${b.origin}/final`, 'final#fragment']) {
          const body = method === 'GET' || method === 'HEAD' ? undefined : `payload ${status}`;
          const headers: Record<string, string> = body
            ? { ...credentials, 'content-type': 'text/plain' }
            : { ...credentials };
          const path = `/r/${status}?to=${encodeURIComponent(to)}&body=ignored`;
          await same(() => ({ origin: a.origin, path, method, headers: { ...headers }, body }));
        }
      }
    }
  });

  it('stops after 10 redirections, at a 3xx without Location, and at an empty Location', async () => {
    const chain = await same(() => ({ origin: a.origin, path: '/chain/12', method: 'GET', headers: {} }));
    assert.deepEqual(chain, { status: 302, body: '' });
    await same(() => ({ origin: a.origin, path: '/chain/10', method: 'GET', headers: {} }));
    await same(() => ({ origin: a.origin, path: '/r/301', method: 'GET', headers: {} }));
    await same(() => ({ origin: a.origin, path: '/r/302?to=', method: 'GET', headers: {} }));
    await same(() => ({ origin: a.origin, path: '/r/304?to=/final', method: 'GET', headers: {} }));
  });

  it('fails on a redirect loop and on a Location that is not an http(s) URL', async () => {
    const loop = await same(() => ({ origin: a.origin, path: '/loop-a', method: 'GET', headers: {} }));
    assert.match((loop as { error: string }).error, /Redirect loop detected/);
    await same(() => ({ origin: a.origin, path: '/r/302?to=%2Fr%2F302', method: 'GET', headers: {} }));
    const ftp = await same(() => ({
      origin: a.origin,
      path: `/r/302?to=${encodeURIComponent('ftp://127.0.0.1/x')}`,
      method: 'GET',
      headers: {},
    }));
    assert.match((ftp as { error: string }).error, /Invalid URL protocol/);
    await same(() => ({
      origin: a.origin,
      path: `/r/302?to=${encodeURIComponent('http://[bad')}`,
      method: 'GET',
      headers: {},
    }));
  });

  it('does not follow when told not to', async () => {
    seen.length = 0;
    const hop: Hop = { origin: a.origin, path: '/r/302?to=/final', method: 'GET', headers: {} };
    const kept = await outcome(
      requestFollowing(agent, hop, { headersTimeout: 5000, bodyTimeout: 5000 }, false),
    );
    assert.deepEqual(kept, { status: 302, body: '' });
    assert.equal(seen.length, 1);
  });
});
