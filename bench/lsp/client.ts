// A small LSP client for benchmarks: spawns any language server over stdio, answers the requests a
// real editor answers (configuration, registrations), and times requests and diagnostics.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  createMessageConnection,
  type MessageConnection,
  type PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

export interface ServerSpec {
  /** Short name for tables: "ours", "yaml-ls". */
  name: string;
  /** Arguments of `node` (the server script and its own arguments). */
  args: string[];
  initializationOptions?: unknown;
  /** Answers `workspace/configuration` for one item (section name, or undefined for all). */
  configuration(section: string | undefined): unknown;
  /** Pushed with `workspace/didChangeConfiguration` once initialised (servers that read it). */
  pushedSettings?: unknown;
  /** How long the server waits after a change before it validates (its own debounce), ms. */
  debounceMs: number;
  /** True when its diagnostics carry the document version (then a wait matches the version). */
  publishesVersion: boolean;
}

interface DiagnosticsWaiter {
  uri: string;
  /** When set, only diagnostics published for this version resolve the waiter. */
  version?: number;
  resolve(received: { params: PublishDiagnosticsParams; at: number }): void;
}

export interface Position {
  line: number;
  character: number;
}

export class BenchClient {
  private readonly waiters: DiagnosticsWaiter[] = [];
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly spec: ServerSpec,
    readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const at = performance.now();
      const index = this.waiters.findIndex(
        (w) => w.uri === params.uri && (w.version === undefined || w.version === params.version),
      );
      if (index >= 0) this.waiters.splice(index, 1)[0].resolve({ params, at });
    });
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => spec.configuration(item.section)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('window/showMessageRequest', () => null);
    connection.onNotification(() => undefined);
    connection.listen();
  }

  /** Spawns the server; `spawnedAt` is the performance.now() of the spawn, for cold-start figures. */
  static start(spec: ServerSpec): { client: BenchClient; spawnedAt: number } {
    const spawnedAt = performance.now();
    const child = spawn(process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    return { client: new BenchClient(spec, child, connection), spawnedAt };
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      initializationOptions: this.spec.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { didSave: false, dynamicRegistration: false },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    if (this.spec.pushedSettings !== undefined) {
      await this.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: this.spec.pushedSettings,
      });
    }
  }

  /**
   * The next diagnostics for `uri` (for `version` when the server says which version they are for):
   * the params and when they arrived.
   */
  diagnostics(uri: string, version?: number): Promise<{ params: PublishDiagnosticsParams; at: number }> {
    const wanted = this.spec.publishesVersion ? version : undefined;
    return new Promise((resolve) => this.waiters.push({ uri, version: wanted, resolve }));
  }

  /** The next diagnostics for `uri` if they come within `timeoutMs`, else undefined. */
  diagnosticsWithin(uri: string, timeoutMs: number): Promise<PublishDiagnosticsParams | undefined> {
    return new Promise((resolve) => {
      const waiter: DiagnosticsWaiter = {
        uri,
        resolve: (received) => {
          clearTimeout(timer);
          resolve(received.params);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        resolve(undefined);
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async open(uri: string, text: string): Promise<number> {
    const version = 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version, text },
    });
    return version;
  }

  /** The version the next edit of `uri` will have. */
  nextVersion(uri: string): number {
    return (this.versions.get(uri) ?? 0) + 1;
  }

  /** Replaces `[start, end)` by `text`; resolves with the new version once the notification is sent. */
  async edit(uri: string, start: Position, end: Position, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start, end }, text }],
    });
    return version;
  }

  /** Sends a request and returns its answer with the round trip in milliseconds. */
  async timed<T>(method: string, params: unknown): Promise<{ result: T; ms: number }> {
    const start = performance.now();
    const result = await this.connection.sendRequest<T>(method, params);
    return { result, ms: performance.now() - start };
  }

  /** Resident memory of the server process, from /proc (Linux), in MB. */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return kb / 1024;
  }

  /**
   * CPU time the server process has used so far, all threads (GC helpers included), in ms: the sum
   * of /proc/<pid>/task/<tid>/schedstat run times (Linux, nanosecond resolution). Unlike latency it
   * hardly depends on what else the machine is running.
   */
  cpuMs(): number {
    let total = 0;
    for (const tid of readdirSync(`/proc/${this.process.pid}/task`)) {
      try {
        total += Number(
          readFileSync(`/proc/${this.process.pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0],
        );
      } catch {
        // the thread ended meanwhile
      }
    }
    return total / 1e6;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), sleep(3000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) {
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
