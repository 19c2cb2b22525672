// Failures of a remote run, as one clear message each (the server's URL and the request named,
// never a stack trace, never a credential) and the exit code they lead to: 2 when nothing was
// executed, 1 when an execution started on the server but we could not see it end well.

export type RemoteExitCode = 1 | 2;

export class RemoteError extends Error {
  constructor(
    message: string,
    readonly exitCode: RemoteExitCode,
    /** A request failed after it may have been delivered (timeout, reset): its effect is unknown. */
    readonly maybeDelivered = false,
  ) {
    super(message);
    this.name = 'RemoteError';
  }
}

const NOT_DELIVERED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** False when the failure proves the request never reached the server (no connection). */
export function maybeDelivered(error: unknown): boolean {
  const code = errorCode(error);
  return !(code !== undefined && (NOT_DELIVERED.has(code) || /CERT|TLS|SSL/.test(code)));
}

/** Where a failed request was going, for messages. */
export interface RequestDescription {
  /** The server as the user gave it (base URL, no credentials). */
  server: string;
  method: string;
  /** The request path, `/api/v1/…`. */
  path: string;
  timeoutMs: number;
}

function errorCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

export function isAbortError(error: unknown): boolean {
  return (
    (error as { name?: unknown })?.name === 'AbortError' ||
    errorCode(error) === 'UND_ERR_ABORTED' ||
    errorCode(error) === 'ABORT_ERR'
  );
}

/** A request that got no HTTP answer at all: connection refused, DNS, timeouts, resets, TLS. */
export function describeNetworkError(error: unknown, request: RequestDescription): string {
  const { server, method, path } = request;
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  const unreachable = `cannot reach the Kestra server at ${server}`;
  switch (code) {
    case 'ECONNREFUSED':
      return `${unreachable}: connection refused (is the server running, and is the port right?)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `${unreachable}: host ${new URL(server).hostname} not found`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${unreachable}: no route to host ${new URL(server).hostname}`;
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return `${unreachable}: the connection timed out`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return `the Kestra server at ${server} did not answer ${method} ${path} within ${seconds(request.timeoutMs)}`;
    case 'UND_ERR_BODY_TIMEOUT':
      return `the Kestra server at ${server} stopped sending the answer to ${method} ${path} (nothing for ${seconds(request.timeoutMs)})`;
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return `the Kestra server at ${server} closed the connection during ${method} ${path}`;
    default:
      if (code && /CERT|TLS|SSL/.test(code)) return `${unreachable}: TLS error (${detail})`;
      return `${method} ${path} on the Kestra server at ${server} failed: ${detail}${code ? ` (${code})` : ''}`;
  }
}
