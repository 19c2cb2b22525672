// How long a remote run waits for what. Tests shorten these; nothing else should need to.
import type { ClientTiming } from './kestra-client';

export interface RemoteTiming extends ClientTiming {
  /** Waits before each reconnection of a broken event stream; its length is the number of tries. */
  reconnectDelaysMs: number[];
  /** After the execution ended, the log stream stays open until it has been quiet this long… */
  logGraceMs: number;
  /** …but no longer than this. */
  logGraceMaxMs: number;
  /** After a kill request, how long to wait for the execution to reach KILLED. */
  killDeadlineMs: number;
}

export const DEFAULT_TIMING: RemoteTiming = {
  connectTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  reconnectDelaysMs: [500, 2_000],
  logGraceMs: 500,
  logGraceMaxMs: 3_000,
  killDeadlineMs: 30_000,
};

/** Resolves after `ms`, or as soon as `signal` aborts (never rejects); the timer never outlives it. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
