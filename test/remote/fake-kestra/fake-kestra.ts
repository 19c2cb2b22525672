// A fake Kestra server on 127.0.0.1 implementing the subset of the REST API (reference kestra.md §8)
// that `kestra-flow run --server` uses — faithfully enough to be the contract the client is tested
// against: paths with or without a tenant segment, basic auth (401 + WWW-Authenticate) and bearer
// tokens (read-only ones get 403), Micronaut JSON errors, flows, multipart inputs, simulated
// executions over time, real SSE streams (the log stream never ends), kill, and fault modes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jsonError } from './json-error';
import type { FormPart } from './multipart';
import { route, type RouteRequest } from './routes';
import type { Behaviours } from './simulation';
import { friendlyId, sendJson, steppingClock, type Faults, type ServerState } from './state';

export type { Faults } from './state';
export type { Behaviours, TaskBehaviour } from './simulation';

export interface FakeKestraOptions {
  /** No auth when absent. */
  auth?: {
    basic?: { username: string; password: string; realm?: string };
    tokens?: Record<string, 'write' | 'read'>;
  };
  /** Tenant ids: when given, every API path must carry one (`/api/v1/{tenant}/…`); when absent, none may. */
  tenants?: string[];
  behaviours?: Behaviours;
  faults?: Faults;
  /** Time between two steps of a simulated execution (default 15 ms). */
  tickMs?: number;
  /** `kestra.url`: when null, execution links are relative (`/ui/executions/…`), as with no configured URL. */
  publicUrl?: string | null;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  parts?: FormPart[];
}

export class FakeKestra {
  readonly requests: RecordedRequest[] = [];
  private readonly held = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly state: ServerState,
    private readonly options: FakeKestraOptions,
    readonly url: string,
  ) {}

  static async start(options: FakeKestraOptions = {}): Promise<FakeKestra> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const state: ServerState = {
      flows: new Map(),
      executions: new Map(),
      behaviours: options.behaviours ?? {},
      faults: options.faults ?? {},
      tickMs: options.tickMs ?? 15,
      publicUrl: options.publicUrl === undefined ? url : options.publicUrl,
      clock: steppingClock(),
      newId: friendlyId,
      kills: [],
    };
    const fake = new FakeKestra(server, state, options, url);
    server.on('request', (req, res) => fake.receive(req, res));
    return fake;
  }

  /** Requests whose path (without query) ends with `suffix`, optionally of one method. */
  requestsTo(suffix: string, method?: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.path.split('?')[0].endsWith(suffix) && (method === undefined || r.method === method),
    );
  }

  async close(): Promise<void> {
    for (const live of this.state.executions.values()) live.simulation.stop();
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private receive(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const method = req.method ?? 'GET';
    const href = req.url ?? '/';
    const record: RecordedRequest = { method, path: href, headers: req.headers, body: body.toString('utf8') };
    this.requests.push(record);
    const path = href.split('?')[0];
    if (this.state.faults.neverAnswer?.(method, path)) {
      this.held.add(res);
      res.on('close', () => this.held.delete(res));
      return;
    }
    if (path === '/ping') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('pong');
      return;
    }
    if (!this.authorize(req, res, method, href)) return;
    if (!path.startsWith('/api/v1/')) return sendJson(res, 404, jsonError(href, 'Not Found'));
    const segments = path.slice('/api/v1/'.length).split('/').map(decodeURIComponent);
    let tenant: string | undefined;
    if (this.options.tenants) {
      tenant = segments.shift();
      if (tenant === undefined || !this.options.tenants.includes(tenant))
        return sendJson(res, 404, jsonError(href, 'Not Found'));
    }
    if (this.state.faults.fail500?.(method, path)) {
      return sendJson(res, 500, jsonError(href, 'Internal server error: simulated failure'));
    }
    const request: RouteRequest = { method, segments, tenant, href, headers: req.headers, body };
    route(this.state, request, res);
    if (request.parts) record.parts = request.parts;
  }

  /** Kestra OSS's AuthenticationFilter for basic auth; EE-style bearer tokens with a read-only kind. */
  private authorize(req: IncomingMessage, res: ServerResponse, method: string, href: string): boolean {
    const auth = this.options.auth;
    if (!auth) return true;
    const header = req.headers.authorization ?? '';
    let access: 'write' | 'read' | undefined;
    if (auth.basic && /^basic /i.test(header)) {
      const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (decoded.slice(0, colon) === auth.basic.username && decoded.slice(colon + 1) === auth.basic.password)
        access = 'write';
    } else if (auth.tokens && /^bearer /i.test(header)) {
      access = auth.tokens[header.slice(7)];
    }
    if (access === undefined) {
      if (auth.basic)
        res
          .writeHead(401, {
            'www-authenticate': `Basic realm=${auth.basic.realm ?? 'Kestra'}`,
            'content-length': 0,
          })
          .end();
      else sendJson(res, 401, jsonError(href, 'Unauthorized'), { 'www-authenticate': 'Bearer' });
      return false;
    }
    if (access === 'read' && method !== 'GET') {
      sendJson(res, 403, jsonError(href, 'Forbidden'));
      return false;
    }
    return true;
  }
}
