// Steps shared by the LSP benchmarks: start a server and let it settle, open a document and wait for
// its diagnostics, time one edit from `didChange` to the diagnostics of that version.
import { performance } from 'node:perf_hooks';
import { BenchClient, sleep, type Position, type ServerSpec } from './client';

/** Quiet time after start-up and after opening, so that no late work overlaps a measurement. */
const SETTLE_MS = 400;

export async function startServer(spec: ServerSpec): Promise<BenchClient> {
  const { client } = BenchClient.start(spec);
  await client.initialize();
  await sleep(SETTLE_MS);
  return client;
}

/**
 * Opens `text`; resolves with its first diagnostics and the time they took (didOpen → publish),
 * once the server is quiet again.
 */
export async function openSettled(client: BenchClient, uri: string, text: string) {
  const first = client.diagnostics(uri, 1);
  const start = performance.now();
  await client.open(uri, text);
  const received = await first;
  await sleep(SETTLE_MS);
  return { params: received.params, ms: received.at - start };
}

export interface TimedEdit {
  /** From sending `didChange` to receiving the diagnostics of that version, ms. */
  ms: number;
  /** CPU time the server used meanwhile, ms. */
  cpuMs: number;
  diagnostics: number;
}

/** Replaces one character at `at` and waits for the diagnostics of the new version. */
export async function timedEdit(
  client: BenchClient,
  uri: string,
  at: Position,
  letter: string,
): Promise<TimedEdit> {
  // Wait for the version before sending it, so that no answer can come first.
  const answer = client.diagnostics(uri, client.nextVersion(uri));
  const cpu = client.cpuMs();
  const start = performance.now();
  await client.edit(uri, at, { line: at.line, character: at.character + 1 }, letter);
  const received = await answer;
  return {
    ms: received.at - start,
    cpuMs: client.cpuMs() - cpu,
    diagnostics: received.params.diagnostics.length,
  };
}

/** Waits until `uri` gets no diagnostics for `quietMs` (validations still running have finished). */
export async function settle(client: BenchClient, uri: string, quietMs: number): Promise<void> {
  while ((await client.diagnosticsWithin(uri, quietMs)) !== undefined);
}
