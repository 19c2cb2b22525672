// The cap on a whole HTTP exchange. Kestra's client (Micronaut 4 DefaultHttpClient.exchange) applies
// `readTimeout` between two reads, and, as Kestra configures no request timeout, also bounds the whole
// exchange (redirects and the buffered body included) by readTimeout + 1 s. http.Request has that cap;
// http.Download streams its body (Micronaut's exchangeStream has no such cap) and does not.
// Cheap per request (a benchmarked path): one unref'd timer, no AbortController, no EventEmitter.
// undici takes as a request `signal` any object with `aborted`, `reason`, `on`/`once('abort', listener)`
// and `removeListener('abort', listener)`; the deadline is such an object, whose listeners are also put
// on the task's own abort, so that a kill or a task timeout still reaches the request.
import type { EventEmitter } from 'node:events';
import { AttemptAbort, type AbortSource } from '../run/attempt-abort';

/** What Micronaut adds to readTimeout for the whole exchange. */
export const EXCHANGE_GRACE_MS = 1000;
/** The `code` of the error a request fails with when its deadline passes (see transportFailure). */
export const EXCHANGE_TIMEOUT_CODE = 'KESTRA_FLOW_EXCHANGE_TIMEOUT';
/** setTimeout's longest delay: a later deadline is reached in several steps. */
const MAX_TIMER_MS = 2_147_483_647;

export class ExchangeTimeoutError extends Error {
  readonly code = EXCHANGE_TIMEOUT_CODE;

  constructor(readonly limitMs: number) {
    super(`The exchange did not complete within ${limitMs} ms`);
  }
}

type Listener = () => void;

/** Aborted when the task is aborted or when `limitMs` have passed, whichever comes first. */
export class ExchangeDeadline {
  private timer: NodeJS.Timeout | undefined;
  private expired: ExchangeTimeoutError | undefined;
  /** undici's abort listeners (one per request under way: a redirect's and the next hop's may overlap). */
  private listeners: Listener[] | undefined;
  private readonly dueAt: number;

  constructor(
    private readonly source: AbortSource,
    readonly limitMs: number,
  ) {
    this.dueAt = Date.now() + limitMs;
    this.arm(limitMs);
  }

  /** The deadline as the `signal` option of an undici request (it reads only what is described above). */
  get signal(): EventEmitter {
    return this as unknown as EventEmitter;
  }

  get aborted(): boolean {
    return this.expired !== undefined || this.source.aborted;
  }

  get reason(): unknown {
    return this.expired ?? this.source.reason;
  }

  /** Listens for the abort (which happens at most once: `once` and `on` are the same here). */
  on(event: string, listener: Listener): this {
    if (event !== 'abort') throw new Error(`ExchangeDeadline emits only 'abort', not '${event}'`);
    (this.listeners ??= []).push(listener);
    if (this.source instanceof AttemptAbort) this.source.on('abort', listener);
    else this.source.addEventListener('abort', listener);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  removeListener(event: string, listener: Listener): this {
    const index = event === 'abort' && this.listeners ? this.listeners.indexOf(listener) : -1;
    if (index < 0) return this;
    this.listeners?.splice(index, 1);
    if (this.source instanceof AttemptAbort) this.source.removeListener('abort', listener);
    else this.source.removeEventListener('abort', listener);
    return this;
  }

  /** The exchange is over (answered or failed): the timer and any listener left go. */
  finish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const listeners = this.listeners;
    if (listeners) while (listeners.length > 0) this.removeListener('abort', listeners[0]);
  }

  private arm(delay: number): void {
    this.timer = setTimeout(onTimer, Math.min(delay, MAX_TIMER_MS), this);
    this.timer.unref();
  }

  /** Called by the timer: aborts the exchange, or waits on when the deadline is further than a timer goes. */
  tick(): void {
    this.timer = undefined;
    const remaining = this.dueAt - Date.now();
    if (remaining > 0 && this.limitMs > MAX_TIMER_MS) return this.arm(remaining);
    if (this.aborted) return;
    this.expired = new ExchangeTimeoutError(this.limitMs);
    const listeners = this.listeners ? [...this.listeners] : [];
    this.finish();
    for (const listener of listeners) listener();
  }
}

function onTimer(deadline: ExchangeDeadline): void {
  deadline.tick();
}
