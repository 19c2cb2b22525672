// A loopback HTTP server answering like dummyjson.com for the HTTP guide flows, plus failure routes
// (500, slow, reset mid-body, a body that stalls or trickles, HTML and broken JSON). Listens on
// 127.0.0.1, port 0.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before } from 'node:test';

export const PRODUCTS = {
  products: [
    { id: 1, title: 'Essence Mascara Lash Princess', price: 9.99 },
    { id: 2, title: 'Eyeshadow Palette with Mirror', price: 19.99 },
  ],
  total: 2,
  skip: 0,
  limit: 30,
};

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface DummyServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Connections the server still holds open (a client that went away has closed its own). */
  openConnections(): number;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export async function startDummyServer(): Promise<DummyServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      route(req, res, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function route(req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  if (req.method === 'GET' && path === '/products') return json(res, 200, PRODUCTS);
  if (req.method === 'POST' && path === '/products/add')
    return json(res, 201, { id: 101, ...(JSON.parse(body || '{}') as object) });
  const product = /^\/products\/(\d+)$/.exec(path);
  if (product && req.method === 'PUT') {
    const base = PRODUCTS.products.find((p) => p.id === Number(product[1])) ?? { id: Number(product[1]) };
    return json(res, 200, { ...base, ...(JSON.parse(body || '{}') as object) });
  }
  if (product && req.method === 'DELETE') {
    const base = PRODUCTS.products.find((p) => p.id === Number(product[1])) ?? {
      id: Number(product[1]),
      title: 'Unknown',
    };
    return json(res, 200, { ...base, isDeleted: true, deletedOn: '2024-01-01T00:00:00.000Z' });
  }
  if (path === '/status/500') return json(res, 500, { message: 'boom' });
  if (path === '/status/404') return json(res, 404, { message: 'Product not found' });
  if (path === '/slow') {
    // Never answers: the client's read timeout must fire.
    return;
  }
  if (path === '/reset-mid-body') {
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '1000' });
    res.write('partial body');
    setTimeout(() => res.socket?.destroy(), 20);
    return;
  }
  if (path === '/stall-mid-body') {
    // Headers and part of the body, then nothing more (until the client gives up).
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '1000' });
    return void res.write('partial body');
  }
  if (path === '/trickle') return trickle(res, url.searchParams);
  if (path === '/html') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    return void res.end('<html><body>Maintenance</body></html>');
  }
  if (path === '/broken-json') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return void res.end('{"broken":');
  }
  if (path === '/echo') return json(res, 200, { method: req.method, headers: req.headers, body });
  if (path === '/redirect') {
    res.writeHead(302, { Location: '/products' });
    return void res.end();
  }
  if (path === '/file.csv') {
    res.writeHead(200, {
      'Content-Type': 'text/csv',
      'Content-Disposition': 'attachment; filename="data.csv"',
    });
    return void res.end('a,b\n1,2\n');
  }
  if (path === '/empty') {
    res.writeHead(200, { 'Content-Length': '0' });
    return void res.end();
  }
  json(res, 404, { message: `No route ${req.method} ${path}` });
}

/** `count` chunks of `x`, one every `every` ms (chunked encoding), then the end of the body. */
function trickle(res: ServerResponse, params: URLSearchParams): void {
  const count = Number(params.get('count') ?? '5');
  const every = Number(params.get('every') ?? '50');
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  let sent = 0;
  const timer = setInterval(() => {
    res.write('x');
    if (++sent === count) {
      clearInterval(timer);
      res.end();
    }
  }, every);
  res.on('close', () => clearInterval(timer));
}

/** The dummy server of the enclosing `describe`: started before its tests, closed after them. */
export function useDummyServer(): DummyServer {
  let started: DummyServer | undefined;
  before(async () => {
    started = await startDummyServer();
  });
  after(async () => {
    await started?.close();
  });
  const current = (): DummyServer => {
    if (!started) throw new Error('the dummy server is started by before(): use it inside a test');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get port() {
      return current().port;
    },
    get requests() {
      return current().requests;
    },
    openConnections: () => current().openConnections(),
    close: () => current().close(),
  };
}
