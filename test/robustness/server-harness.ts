// The real language server process (stdio) watched for what must never happen: an exit, an error
// answer, a failure it only logs, a slow answer. Wraps the LSP test client of test/lsp.
import { readFileSync } from 'node:fs';
import {
  CancellationTokenSource,
  type PublishDiagnosticsParams,
  ResponseError,
} from 'vscode-languageserver/node';
import { LspClient } from '../lsp/lsp-client';

/** JSON-RPC codes a robust server may answer with: the deliberate refusals, and cancellation. */
export const INVALID_REQUEST = -32600;
export const REQUEST_CANCELLED = -32800;
/** Our own code for a request the server never answered. */
export const NO_ANSWER = -1;

export interface Answer<T> {
  result?: T;
  error?: { code: number; message: string };
  ms: number;
}

export class ServerHarness {
  /** Failures the server caught and logged instead of answering (they hide internal errors). */
  readonly loggedFailures: string[] = [];
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(readonly client: LspClient) {
    client.process.once('exit', (code, signal) => {
      this.exit = { code, signal };
    });
    client.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      // type 1 is Error: the server's guards log a failing feature or validation there.
      if (params.type === 1) this.loggedFailures.push(params.message);
    });
  }

  static async start(): Promise<ServerHarness> {
    const harness = new ServerHarness(LspClient.start('stdio'));
    await harness.client.initialize();
    return harness;
  }

  get pid(): number {
    return this.client.process.pid ?? -1;
  }

  get alive(): boolean {
    return this.exit === undefined && this.client.process.exitCode === null;
  }

  /**
   * Sends a request and times it; an error answer is returned, not thrown. No answer within
   * `giveUpMs` is returned as an error of code NO_ANSWER, so that a hung server cannot hang a test.
   */
  async request<T>(
    method: string,
    params: unknown,
    options: { cancel?: boolean; giveUpMs?: number } = {},
  ): Promise<Answer<T>> {
    const started = performance.now();
    const source = new CancellationTokenSource();
    const pending = this.client.connection.sendRequest<T>(method, params, source.token);
    if (options.cancel) source.cancel();
    let timer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new ResponseError(NO_ANSWER, `no answer within ${options.giveUpMs ?? 30_000} ms`)),
        options.giveUpMs ?? 30_000,
      );
    });
    try {
      const result = await Promise.race([pending, giveUp]);
      return { result, ms: performance.now() - started };
    } catch (error) {
      const code = error instanceof ResponseError ? error.code : Number.NaN;
      const message = error instanceof Error ? error.message : String(error);
      return { error: { code, message }, ms: performance.now() - started };
    } finally {
      clearTimeout(timer);
      source.dispose();
    }
  }

  /** The diagnostics published for `uri` at `version`, or undefined when none come in time. */
  async diagnostics(
    uri: string,
    version: number,
    timeoutMs: number,
  ): Promise<PublishDiagnosticsParams | undefined> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const found = this.client.published.find((p) => p.uri === uri && p.version === version);
      if (found || performance.now() > deadline || !this.alive) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resident memory of the server process in MB (VmRSS of /proc/<pid>/status). */
  residentMegabytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kilobytes = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
    return kilobytes / 1024;
  }

  /** Shuts the server down; one that does not answer within 5 s is killed. */
  async stop(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.client.process.kill('SIGKILL');
        this.client.connection.dispose();
        resolve();
      }, 5000);
    });
    await Promise.race([this.client.stop(), killed]);
    clearTimeout(timer);
  }
}

/** An answer that must not happen: any error except the allowed codes. */
export function isFault(answer: Answer<unknown>, allowed: readonly number[] = []): boolean {
  return answer.error !== undefined && !allowed.includes(answer.error.code);
}
