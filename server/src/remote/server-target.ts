// The `--server URL` and `--tenant T` of a remote run: where the API lives (§8.1: everything under
// `/api/v1/`, a tenant segment right after it when given) and how the server is named in messages.
import { RemoteError } from './remote-error';

export interface ServerTarget {
  /** Scheme, host, port and any path prefix (a Kestra behind a reverse proxy), no trailing slash. */
  base: string;
  tenant?: string;
}

/** Parses `--server`; a trailing `/api/v1` or `/ui` (pasted from the browser) is dropped. */
export function parseServerTarget(serverUrl: string, tenant?: string): ServerTarget {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new RemoteError(
      `--server '${serverUrl}' is not a URL (for example --server http://localhost:8080).`,
      2,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RemoteError(
      `--server must be an http:// or https:// URL (for example http://localhost:8080), not '${serverUrl}'.`,
      2,
    );
  }
  if (url.username || url.password) {
    // Never repeat the credentials: they would end up in terminal scrollback and CI logs.
    throw new RemoteError(
      `--server must not contain credentials (user:password@); set KESTRA_API_TOKEN, or KESTRA_USERNAME and KESTRA_PASSWORD, instead.`,
      2,
    );
  }
  if (url.search || url.hash)
    throw new RemoteError(`--server must not have a query or fragment: ${url.origin}${url.pathname}`, 2);
  const path = url.pathname.replace(/\/+$/, '').replace(/\/(api\/v1|ui)$/, '');
  if (tenant !== undefined && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(tenant)) {
    throw new RemoteError(`--tenant '${tenant}' is not a tenant id (letters, digits, '_', '.', '-').`, 2);
  }
  return { base: `${url.origin}${path}`, ...(tenant !== undefined ? { tenant } : {}) };
}

/** `/api/v1/[tenant/]a/b…`, each segment percent-encoded, as an absolute URL. */
export function apiUrl(target: ServerTarget, segments: string[], query?: Record<string, string>): string {
  const parts = ['api', 'v1', ...(target.tenant !== undefined ? [target.tenant] : []), ...segments];
  const search = query ? `?${new URLSearchParams(query).toString()}` : '';
  return `${target.base}/${parts.map(encodeURIComponent).join('/')}${search}`;
}

/** The path part of an API URL, for messages (`POST /api/v1/flows`). */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** The UI link of an execution: the server's `url` when absolute, else resolved against the base. */
export function executionLink(
  target: ServerTarget,
  url: string | undefined,
  namespace: string,
  flowId: string,
  id: string,
): string {
  if (url && /^https?:\/\//.test(url)) return url;
  if (url && url.startsWith('/')) return `${target.base}${url}`;
  const tenant = target.tenant !== undefined ? `/${encodeURIComponent(target.tenant)}` : '';
  return `${target.base}/ui${tenant}/executions/${[namespace, flowId, id].map(encodeURIComponent).join('/')}`;
}
