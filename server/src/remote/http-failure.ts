// One-line messages for HTTP error answers (§8.9): what was asked of which server, the status, the
// server's own message, and what to do about it (sign in, check the tenant, …).
import { STATUS_CODES } from 'node:http';
import { signInAdvice, type Credentials } from './credentials';
import type { HttpAnswer } from './kestra-client';
import { parseJsonError } from './kestra-json';

export interface FailureContext {
  server: string;
  tenant?: string;
  /** `POST /api/v1/flows` */
  request: string;
  credentials: Credentials;
  /** What a 404 means for this request, e.g. "flow company.team.hello not found". */
  notFound?: string;
}

export function statusText(status: number): string {
  return `${status} ${STATUS_CODES[status] ?? 'Unknown Status'}`;
}

/** The server's message: Micronaut's JSON `message`, else a short plain-text body; never HTML. */
export function serverMessage(answer: HttpAnswer): string | undefined {
  const json = parseJsonError(answer.json);
  if (json) return json.message;
  const text = answer.text.trim();
  if (text === '' || text.startsWith('<') || answer.json !== undefined) return undefined;
  const first = text.split(/\r?\n/)[0];
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

export function httpFailureMessage(answer: HttpAnswer, context: FailureContext): string {
  const { server, request } = context;
  const said = serverMessage(answer);
  // Micronaut often repeats the reason phrase as the message ("Not Found"): say it once.
  const suffix =
    said && said.toLowerCase() !== (STATUS_CODES[answer.status] ?? '').toLowerCase() ? `: ${said}` : '';
  const status = statusText(answer.status);
  switch (answer.status) {
    case 401:
      return `the Kestra server at ${server} refused ${request} (${status}): ${signInAdvice(context.credentials)}`;
    case 403: {
      const who = context.credentials.source
        ? `the account of ${context.credentials.source}`
        : 'an anonymous user';
      return `the Kestra server at ${server} denied ${request} (${status}${suffix}): ${who} lacks the permission; ask an administrator for it.`;
    }
    case 404: {
      const what = context.notFound
        ? `${context.notFound} (${request} answered ${status}${suffix})`
        : `${request} answered ${status}${suffix}`;
      return `${what} on ${server}${tenantHint(context)}`;
    }
    default: {
      const location = answer.headers.location;
      if (answer.status >= 300 && answer.status < 400 && typeof location === 'string') {
        return `the Kestra server at ${server} redirects ${request} to ${location}; pass the URL it redirects to with --server.`;
      }
      if (answer.status >= 500)
        return `the Kestra server at ${server} failed on ${request} (${status}${suffix})`;
      return `the Kestra server at ${server} answered ${request} with ${status}${suffix}`;
    }
  }
}

function tenantHint(context: FailureContext): string {
  if (context.tenant !== undefined) return `; check the tenant '${context.tenant}' and the server URL.`;
  return '; check the server URL. Servers with tenants (Enterprise, newer releases) need --tenant, usually --tenant main.';
}
