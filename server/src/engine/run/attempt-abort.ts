// How an attempt (or an execution) is aborted without paying for an AbortController up front: most
// tasks never look at their signal, and an AbortController plus its listeners costs more than a
// short HTTP request on loopback. The abort is itself an event emitter ('abort') with `aborted` and
// `reason`, which undici accepts as a request `signal`; the AbortSignal is made when first asked for.
import { EventEmitter } from 'node:events';

export class AttemptAbort extends EventEmitter {
  private controller?: AbortController;
  private abortedWith?: { reason: unknown };

  /** An AbortSignal following this abort, created on first use (born aborted if already aborted). */
  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.abortedWith) this.controller.abort(this.abortedWith.reason);
    }
    return this.controller.signal;
  }

  get aborted(): boolean {
    return this.abortedWith !== undefined;
  }

  get reason(): unknown {
    return this.abortedWith?.reason;
  }

  /** Like AbortController.abort: the first reason wins; then 'abort' is emitted. */
  abort(reason?: unknown): void {
    if (this.abortedWith) return;
    this.abortedWith = { reason };
    this.controller?.abort(reason);
    this.emit('abort');
  }
}

/** What an abortable piece of work is handed: a signal, or an AttemptAbort (its signal on demand). */
export type AbortSource = AbortSignal | AttemptAbort;

/** The AbortSignal of a source. */
export function signalOf(source: AbortSource): AbortSignal {
  return source instanceof AttemptAbort ? source.signal : source;
}
