// Sign in to a Kestra server: a token or a username and password, kept in VS Code's SecretStorage
// (the OS keychain), per server address. Never written to settings, logs or the run panel; handed
// only to the run process's environment.
import * as vscode from 'vscode';
import { credentialEnvironment, parseCredentials, type Credentials } from './credential-env';
import { readRunSettings } from './settings';
import { checkServerUrl } from './server-url';

const KEY_PREFIX = 'kestraFlow.credentials:';

function keyFor(serverUrl: string): string {
  return `${KEY_PREFIX}${serverUrl.replace(/\/+$/, '')}`;
}

export class CredentialStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The environment variables `kestra-flow run --server` reads, for this server; empty when signed out. */
  async environment(serverUrl: string): Promise<Record<string, string>> {
    return credentialEnvironment(parseCredentials(await this.secrets.get(keyFor(serverUrl))));
  }

  async signIn(): Promise<void> {
    let serverUrl = readRunSettings().serverUrl;
    const problem = serverUrl ? checkServerUrl(serverUrl) : undefined;
    if (problem) {
      void vscode.window.showErrorMessage(`Kestra: kestraFlow.server.url: ${problem}`);
      return;
    }
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
