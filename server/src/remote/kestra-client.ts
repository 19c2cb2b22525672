// HTTP to one Kestra server with undici: a private connection pool (destroyed at the end, so a run
// leaves no sockets behind), the Authorization header on every request, timeouts on connecting and
// on answers (never on event streams, which may stay quiet for as long as a task runs).
import { Agent, request, type Dispatcher, type FormData } from 'undici';
import type { Credentials } from './credentials';
import { describeNetworkError, isAbortError, maybeDelivered, RemoteError } from './remote-error';
import { apiUrl, pathOf, type ServerTarget } from './server-target';

export interface ClientTiming {
  /** TCP/TLS connection. */
  connectTimeoutMs: number;
  /** Waiting for the status line and headers, and for each piece of a (non-stream) body. */
  requestTimeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON; undefined when empty or not JSON. */
  json: unknown;
}

export interface EventStreamResponse {
  status: number;
  body: AsyncIterable<Uint8Array>;
  /** Reads the rest as text (for an error status). */
  text(): Promise<string>;
  close(): void;
}

export interface SendOptions {
  query?: Record<string, string>;
  body?: string | FormData;
  contentType?: string;
  signal?: AbortSignal;
}

export class KestraClient {
  private readonly agent: Agent;

  constructor(
    readonly target: ServerTarget,
    private readonly credentials: Credentials,
    readonly timing: ClientTiming,
  ) {
    this.agent = new Agent({
      connect: { timeout: timing.connectTimeoutMs },
      headersTimeout: timing.requestTimeoutMs,
      bodyTimeout: timing.requestTimeoutMs,
    });
  }

  /** `METHOD /api/v1/...` for messages. */
  describe(method: string, segments: string[], query?: Record<string, string>): string {
    return `${method} ${pathOf(apiUrl(this.target, segments, query))}`;
  }

  /** Any status is an answer; only the absence of one (network, timeout) throws a RemoteError (exit 2). */
  async send(
    method: Dispatcher.HttpMethod,
    segments: string[],
    options: SendOptions = {},
  ): Promise<HttpAnswer> {
    const url = apiUrl(this.target, segments, options.query);
    const headers: Record<string, string> = { accept: 'application/json', ...this.authHeader() };
    if (options.contentType) headers['content-type'] = options.contentType;
    try {
      const response = await request(url, {
        method,
        headers,
        body: options.body,
        signal: options.signal,
        dispatcher: this.agent,
      });
      const text = await response.body.text();
      return { status: response.statusCode, headers: response.headers, text, json: parseJson(text) };
    } catch (error) {
      throw this.failure(error, method, url);
    }
  }

  /** Opens a `text/event-stream` GET; the body has no idle timeout. */
  async openEventStream(
    segments: string[],
    query: Record<string, string> | undefined,
    signal: AbortSignal,
  ): Promise<EventStreamResponse> {
    const url = apiUrl(this.target, segments, query);
    try {
      const response = await request(url, {
        method: 'GET',
        headers: { accept: 'text/event-stream', 'cache-control': 'no-cache', ...this.authHeader() },
        signal,
        dispatcher: this.agent,
        bodyTimeout: 0,
      });
      const body = response.body;
      return {
        status: response.statusCode,
        body,
        text: () => body.text(),
        close: () => body.destroy(),
      };
    } catch (error) {
      throw this.failure(error, 'GET', url);
    }
  }

  /** Ends every connection at once; pending requests fail with an abort. */
  async close(): Promise<void> {
    await this.agent.destroy();
  }

  private authHeader(): Record<string, string> {
    return this.credentials.authorization ? { authorization: this.credentials.authorization } : {};
  }

  private failure(error: unknown, method: string, url: string): Error {
    if (isAbortError(error)) return error as Error;
    const description = {
      server: this.target.base,
      method,
      path: pathOf(url),
      timeoutMs: this.timing.requestTimeoutMs,
    };
    return new RemoteError(describeNetworkError(error, description), 2, maybeDelivered(error));
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
