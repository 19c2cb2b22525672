// A minimal LSP client over the real server process (`node dist/server.js --stdio` or
// `--node-ipc`), for process-level tests: open documents, await their diagnostics, answer the
// server's configuration requests.
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type MessageConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

export const SERVER = resolve(__dirname, '../../dist/server.js');

export interface StatusNotification {
  source: string;
  detail: string;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly statuses: StatusNotification[] = [];
  readonly messages: { type: number; message: string }[] = [];
  private readonly waiters: { uri: string; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private statusWaiters: ((s: StatusNotification) => void)[] = [];
  private version = 0;
  settings: unknown = { schema: { file: '' } };

  private constructor(
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      const index = this.waiters.findIndex((w) => w.uri === params.uri);
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve(params);
    });
    connection.onNotification('kestraFlow/schemaStatus', (status: StatusNotification) => {
      this.statuses.push(status);
      const waiters = this.statusWaiters;
      this.statusWaiters = [];
      for (const waiter of waiters) waiter(status);
    });
    connection.onNotification('window/showMessage', (params: { type: number; message: string }) =>
      this.messages.push(params),
    );
    connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.messages.push({ type: params.type, message: params.message });
      return null;
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => this.settings),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  }

  static start(transport: 'stdio' | 'ipc'): LspClient {
    if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first`);
    if (transport === 'stdio') {
      const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      return new LspClient(
        child,
        createMessageConnection(
          new StreamMessageReader(child.stdout!),
          new StreamMessageWriter(child.stdin!),
        ),
      );
    }
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    return new LspClient(
      child,
      createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)),
    );
  }

  /** initialize + initialized; resolves with the first schema status the server sends. */
  async initialize(): Promise<StatusNotification> {
    const status = this.nextStatus();
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return status;
  }

  nextStatus(): Promise<StatusNotification> {
    return new Promise((resolve) => this.statusWaiters.push(resolve));
  }

  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.waiters.push({ uri, resolve }));
  }

  async open(uri: string, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: ++this.version, text },
    });
  }

  async change(uri: string, version: number, changes: unknown[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: changes,
    });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  publishedFor(uri: string): PublishDiagnosticsParams[] {
    return this.published.filter((p) => p.uri === uri);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // the process may already be gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.process.kill();
          resolve();
        }, 2000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
