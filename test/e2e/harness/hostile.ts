// The hostile text of the panel-security step: the strings the hostile_text fixture logs and outputs,
// and a loopback web server (127.0.0.1 only) whose page holds such HTML for the flow's http.Request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What flows/hostile.yaml logs, one log row each, exactly. */
export const HOSTILE_LOGS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '[click](javascript:window.__pwned=3) <a href="javascript:window.__pwned=4">click</a>',
  '<b onmouseover="window.__pwned=5">bold</b>',
  '<svg onload="window.__pwned=6"></svg>',
] as const;

/** `outputs.keep_payloads.values` of the fixture. */
export const HOSTILE_OUTPUTS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  markdown: '[click](javascript:window.__pwned=3)',
  anchor: '<a href="javascript:window.__pwned=4">click</a>',
} as const;

/** The error message of the fixture's failing task. */
export const HOSTILE_ERROR = '<iframe srcdoc="<script>parent.__pwned=7</script>"></iframe>';

/** The page the server answers (one line, so that the log row shows all of it). */
export const HOSTILE_PAGE =
  '<!DOCTYPE html><html><body><script>window.__pwned=8</script>' +
  '<img src=x onerror="window.__pwned=9"><a href="javascript:window.__pwned=10">x</a></body></html>';

export interface HostileServer {
  port: number;
  /** Paths requested so far. */
  requested: string[];
  close(): Promise<void>;
}

export async function startHostileServer(): Promise<HostileServer> {
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    requested.push(req.url ?? '');
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(HOSTILE_PAGE),
    });
    res.end(HOSTILE_PAGE);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requested,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
