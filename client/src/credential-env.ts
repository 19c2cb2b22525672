// What a signed-in server's credentials become for `kestra-flow run --server`: environment variables,
// the only way they reach the run (never arguments, settings or logs). Pure, for unit tests.

export type Credentials =
  { kind: 'token'; token: string } | { kind: 'basic'; username: string; password: string };

/** The stored JSON of credentials; undefined when absent or unreadable (as if signed out). */
export function parseCredentials(text: string | undefined): Credentials | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Record<string, unknown>>;
    if (value.kind === 'token' && typeof value.token === 'string')
      return { kind: 'token', token: value.token };
    if (value.kind === 'basic' && typeof value.username === 'string' && typeof value.password === 'string') {
      return { kind: 'basic', username: value.username, password: value.password };
    }
  } catch {
    // unreadable: as if signed out
  }
  return undefined;
}

/**
 * The environment variables `kestra-flow run --server` reads; empty when signed out. The variables
 * of the other method are blanked, so that the signed-in identity wins over any inherited from VS
 * Code's own environment.
 */
export function credentialEnvironment(credentials: Credentials | undefined): Record<string, string> {
  if (!credentials) return {};
  return credentials.kind === 'token'
    ? { KESTRA_API_TOKEN: credentials.token, KESTRA_USERNAME: '', KESTRA_PASSWORD: '' }
    : { KESTRA_API_TOKEN: '', KESTRA_USERNAME: credentials.username, KESTRA_PASSWORD: credentials.password };
}

/** The variables of a credential environment whose values must never be shown. */
export const SECRET_CREDENTIAL_VARIABLES = ['KESTRA_API_TOKEN', 'KESTRA_PASSWORD'] as const;
