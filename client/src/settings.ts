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
