// The `kestraFlow.*` settings the client reads (credentials are never settings: see credentials.ts).
import * as vscode from 'vscode';
import type { RunTarget } from '../webview/protocol';

export interface RunSettings {
  target: RunTarget;
  serverUrl: string;
  tenant: string;
}

export function readRunSettings(scope?: vscode.Uri): RunSettings {
  const config = vscode.workspace.getConfiguration('kestraFlow', scope);
  return {
    target: config.get<string>('run.target') === 'server' ? 'server' : 'embedded',
    serverUrl: (config.get<string>('server.url') ?? '').trim().replace(/\/+$/, ''),
    tenant: (config.get<string>('server.tenant') ?? '').trim(),
  };
}

/** An http(s) URL, or a message saying what is wrong with it. */
export function checkServerUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'Enter the server address, e.g. http://localhost:8080';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'The address starts with http:// or https://';
  return undefined;
}
