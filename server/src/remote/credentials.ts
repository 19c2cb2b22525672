// Server credentials come from the environment only (design.md A.2), never from flags or URLs:
// `KESTRA_API_TOKEN` → `Authorization: Bearer …` (Enterprise API tokens), else `KESTRA_USERNAME` +
// `KESTRA_PASSWORD` → `Authorization: Basic …` (OSS basic auth, §8.1). Nothing here is ever printed:
// messages name the variables, not their values.
import { RemoteError } from './remote-error';

export type CredentialSource = 'KESTRA_API_TOKEN' | 'KESTRA_USERNAME/KESTRA_PASSWORD';

export interface Credentials {
  /** The `Authorization` header value; undefined when the environment holds no credentials. */
  authorization?: string;
  source?: CredentialSource;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value !== '' ? value : undefined;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv): Credentials {
  const token = nonEmpty(env.KESTRA_API_TOKEN);
  if (token !== undefined) {
    if (/[\r\n]/.test(token))
      throw new RemoteError('KESTRA_API_TOKEN contains a line break; set it to the token alone.', 2);
    return { authorization: `Bearer ${token.trim()}`, source: 'KESTRA_API_TOKEN' };
  }
  const username = nonEmpty(env.KESTRA_USERNAME);
  const password = nonEmpty(env.KESTRA_PASSWORD);
  if (username === undefined && password === undefined) return {};
  if (username === undefined)
    throw new RemoteError('KESTRA_PASSWORD is set but KESTRA_USERNAME is not; set both for basic auth.', 2);
  if (password === undefined)
    throw new RemoteError('KESTRA_USERNAME is set but KESTRA_PASSWORD is not; set both for basic auth.', 2);
  if (username.includes(':'))
    throw new RemoteError("KESTRA_USERNAME must not contain ':' (HTTP basic auth cannot carry it).", 2);
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return { authorization: `Basic ${encoded}`, source: 'KESTRA_USERNAME/KESTRA_PASSWORD' };
}

/** What to tell a user whose request was refused with 401. */
export function signInAdvice(credentials: Credentials): string {
  const how =
    'set KESTRA_API_TOKEN (an API token), or KESTRA_USERNAME and KESTRA_PASSWORD (basic auth); in VS Code run "Kestra: Sign In"';
  if (credentials.source === undefined) return `the server requires authentication: ${how}.`;
  return `the credentials from ${credentials.source} were rejected: check them, or ${how}.`;
}
