// Sign in to a Kestra server: a token or a username and password, kept in VS Code's SecretStorage
// (the OS keychain), per server address. Never written to settings, logs or the run panel; handed
// only to the run process's environment.
import * as vscode from 'vscode';
import { checkServerUrl, readRunSettings } from './settings';

type Credentials = { kind: 'token'; token: string } | { kind: 'basic'; username: string; password: string };

const KEY_PREFIX = 'kestraFlow.credentials:';

function keyFor(serverUrl: string): string {
  return `${KEY_PREFIX}${serverUrl.replace(/\/+$/, '')}`;
}

function parseCredentials(text: string | undefined): Credentials | undefined {
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

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /**
   * The environment variables `kestra-flow run --server` reads, for this server; empty when signed out.
   * The variables of the other method are blanked, so that the signed-in identity wins over any
   * inherited from VS Code's own environment.
   */
  async environment(serverUrl: string): Promise<Record<string, string>> {
    const credentials = parseCredentials(await this.secrets.get(keyFor(serverUrl)));
    if (!credentials) return {};
    return credentials.kind === 'token'
      ? { KESTRA_API_TOKEN: credentials.token, KESTRA_USERNAME: '', KESTRA_PASSWORD: '' }
      : {
          KESTRA_API_TOKEN: '',
          KESTRA_USERNAME: credentials.username,
          KESTRA_PASSWORD: credentials.password,
        };
  }

  async signIn(): Promise<void> {
    let serverUrl = readRunSettings().serverUrl;
    if (!serverUrl) {
      const entered = await vscode.window.showInputBox({
        title: 'Kestra: Sign In',
        prompt: 'Address of the Kestra server (saved as the kestraFlow.server.url setting)',
        placeHolder: 'http://localhost:8080',
        ignoreFocusOut: true,
        validateInput: checkServerUrl,
      });
      if (!entered) return;
      serverUrl = entered.trim().replace(/\/+$/, '');
      await vscode.workspace
        .getConfiguration('kestraFlow')
        .update('server.url', serverUrl, vscode.ConfigurationTarget.Global);
    }
    const method = await vscode.window.showQuickPick(
      [
        { label: 'API token', description: 'sent as a bearer token', method: 'token' as const },
        { label: 'Username and password', description: 'basic authentication', method: 'basic' as const },
      ],
      { title: `Kestra: Sign In to ${serverUrl}`, placeHolder: 'How do you sign in?', ignoreFocusOut: true },
    );
    if (!method) return;
    let credentials: Credentials;
    if (method.method === 'token') {
      const token = await vscode.window.showInputBox({
        title: 'Kestra API token',
        password: true,
        ignoreFocusOut: true,
        validateInput: required('the token'),
      });
      if (!token) return;
      credentials = { kind: 'token', token: token.trim() };
    } else {
      const username = await vscode.window.showInputBox({
        title: 'Kestra username',
        ignoreFocusOut: true,
        validateInput: required('the username'),
      });
      if (!username) return;
      const password = await vscode.window.showInputBox({
        title: `Password of ${username}`,
        password: true,
        ignoreFocusOut: true,
        validateInput: required('the password'),
      });
      if (!password) return;
      credentials = { kind: 'basic', username: username.trim(), password };
    }
    await this.secrets.store(keyFor(serverUrl), JSON.stringify(credentials));
    void vscode.window.showInformationMessage(`Signed in to ${serverUrl} (${method.label.toLowerCase()}).`);
  }

  async signOut(): Promise<void> {
    const serverUrl = readRunSettings().serverUrl;
    if (!serverUrl) {
      void vscode.window.showInformationMessage('No Kestra server is configured (kestraFlow.server.url).');
      return;
    }
    const key = keyFor(serverUrl);
    const had = (await this.secrets.get(key)) !== undefined;
    await this.secrets.delete(key);
    void vscode.window.showInformationMessage(
      had ? `Signed out of ${serverUrl}.` : `You were not signed in to ${serverUrl}.`,
    );
  }
}

function required(what: string): (value: string) => string | undefined {
  return (value) => (value.trim() === '' ? `Enter ${what}.` : undefined);
}
