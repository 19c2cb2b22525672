// A loopback HTTP server for the engine bench: 127.0.0.1, a port chosen by the system, a small JSON
// body for every request. It counts requests so a section can check the work was really done.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  requests(): number;
  close(): Promise<void>;
}

const BODY = JSON.stringify({ id: 42, name: 'bench', tags: ['a', 'b'], ok: true });

export async function startLoopbackServer(): Promise<LoopbackServer> {
  let count = 0;
  const server = createServer((_request, response) => {
    count++;
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(BODY),
    });
    response.end(BODY);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
