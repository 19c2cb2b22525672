// Starts the language server (dist/server.js) over IPC for YAML; the server itself serves flows only.
// Settings under `kestraFlow` are synchronised; diagnostics arrivals feed Run Flow's error gate.
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import type { DiagnosticsTracker } from './run/diagnostics-gate';
import { isSchemaStatus, type StatusBar } from './status-bar';

export const SCHEMA_STATUS_NOTIFICATION = 'kestraFlow/schemaStatus';

export function createLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.OutputChannel,
  status: StatusBar,
  diagnostics: DiagnosticsTracker,
): LanguageClient {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  // Node 22+ keeps V8's compiled code of the server's bundle there: later starts skip compiling it
  // (older Node ignores the variable; one set by the user wins).
  const env = {
    NODE_COMPILE_CACHE:
      process.env.NODE_COMPILE_CACHE ??
      vscode.Uri.joinPath(context.globalStorageUri, 'node-compile-cache').fsPath,
  };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { env, execArgv: ['--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'kestraFlow' },
    outputChannel: output,
    middleware: {
      handleDiagnostics: (uri, list, next) => {
        next(uri, list);
        diagnostics.received(uri);
      },
    },
  };
  const client = new LanguageClient('kestraFlow', 'Kestra Flow Tools', serverOptions, clientOptions);
  context.subscriptions.push(
    client.onDidChangeState((event) => {
      status.setState(
        event.newState === State.Running
          ? 'running'
          : event.newState === State.Starting
            ? 'starting'
            : 'stopped',
      );
    }),
    client.onNotification(SCHEMA_STATUS_NOTIFICATION, (params: unknown) => {
      if (isSchemaStatus(params)) {
        status.setSchema(params);
        output.appendLine(`Schema: ${params.source} — ${params.detail}`);
      }
    }),
  );
  return client;
}
