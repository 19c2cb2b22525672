// Redirects (options.followRedirects, on by default) followed by the task itself, hop by hop, with the
// rules of undici's redirect interceptor (maxRedirections 10) that the task used before: composed on
// the agent, that interceptor cost about 15% of a loopback request even when nothing redirects.
// - 300, 301, 302, 303, 307 and 308 with a (non-empty) Location are followed, at most 10 times; past that, or
//   without a Location, the 3xx response is the answer;
// - 301 and 302 turn a POST into a bodyless GET, 303 turns anything but HEAD into one (and drops the
//   content-* headers); `host` is never carried over, nor credentials (authorization, cookie,
//   proxy-authorization) to another origin;
// - a redirect back to a URL already visited fails ("Redirect loop detected"), as does a Location
//   that is not an http(s) URL; a redirect's own body is read and dropped.
import { errors, type Dispatcher, type FormData } from 'undici';

const REDIRECT_CODES = new Set([300, 301, 302, 303, 307, 308]);
export const MAX_REDIRECTIONS = 10;
const CREDENTIALS = new Set(['authorization', 'cookie', 'proxy-authorization']);

/** One hop: where and what to send (header names lower-case). */
export interface Hop {
  origin: string;
  path: string;
  method: Dispatcher.HttpMethod;
  headers: Record<string, string>;
  body?: string | FormData;
}

/** What every hop shares. */
export interface HopOptions {
  headersTimeout: number;
  bodyTimeout: number;
  signal?: Dispatcher.RequestOptions['signal'];
}

function send(dispatcher: Dispatcher, hop: Hop, options: HopOptions): Promise<Dispatcher.ResponseData> {
  return dispatcher.request({
    origin: hop.origin,
    path: hop.path,
    method: hop.method,
    headers: hop.headers,
    body: hop.body as string | undefined,
    headersTimeout: options.headersTimeout,
    bodyTimeout: options.bodyTimeout,
    signal: options.signal,
  });
}

/** Sends `first`, following redirects when `follow`; resolves with the final response. */
export async function requestFollowing(
  dispatcher: Dispatcher,
  first: Hop,
  options: HopOptions,
  follow: boolean,
): Promise<Dispatcher.ResponseData> {
  const response = await send(dispatcher, first, options);
  if (!follow || !REDIRECT_CODES.has(response.statusCode) || !response.headers.location) return response;
  return followFrom(dispatcher, { ...first }, options, response);
}

async function followFrom(
  dispatcher: Dispatcher,
  hop: Hop,
  options: HopOptions,
  redirect: Dispatcher.ResponseData,
): Promise<Dispatcher.ResponseData> {
  const visited: string[] = [];
  let response = redirect;
  for (;;) {
    const status = response.statusCode;
    if ((status === 301 || status === 302) && hop.method === 'POST') {
      hop.method = 'GET';
      hop.body = undefined;
    }
    if (status === 303 && hop.method !== 'HEAD') {
      hop.method = 'GET';
      hop.body = undefined;
    }
    const location = response.headers.location;
    if (visited.length >= MAX_REDIRECTIONS || !REDIRECT_CODES.has(status) || !location) return response;
    const current = new URL(hop.path, hop.origin);
    visited.push(current.toString());
    let next: { origin: string; path: string };
    try {
      next = nextTarget(String(location), current, visited);
    } catch (error) {
      // The connection is dropped, as undici did when its interceptor threw on these headers.
      response.body.on('error', () => undefined).destroy();
      throw error;
    }
    hop.headers = carriedHeaders(hop.headers, status === 303, next.origin !== hop.origin);
    hop.origin = next.origin;
    hop.path = next.path;
    // The redirect's own body is not the answer: read to its end (so the connection can be reused).
    for await (const chunk of response.body) void chunk;
    response = await send(dispatcher, hop, options);
  }
}

function nextTarget(location: string, current: URL, visited: string[]): { origin: string; path: string } {
  const url = new URL(location, current);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new errors.InvalidArgumentError(
      'Invalid URL protocol: the URL must start with `http:` or `https:`.',
    );
  const path = url.search ? `${url.pathname}${url.search}` : url.pathname;
  if (visited.includes(`${url.origin}${path}`))
    throw new errors.InvalidArgumentError(
      `Redirect loop detected. Cannot redirect to ${url.origin}. This typically happens when using a Client or Pool with cross-origin redirects. Use an Agent for cross-origin redirects.`,
    );
  return { origin: url.origin, path };
}

function carriedHeaders(
  headers: Record<string, string>,
  dropContent: boolean,
  otherOrigin: boolean,
): Record<string, string> {
  const carried: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name === 'host') continue;
    if (dropContent && name.startsWith('content-')) continue;
    if (otherOrigin && CREDENTIALS.has(name)) continue;
    carried[name] = value;
  }
  return carried;
}
