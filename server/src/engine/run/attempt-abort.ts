// How an attempt (or an execution) is aborted without paying for an AbortController up front: most
// tasks never look at their signal, and an AbortController plus its listeners costs more than a
// short HTTP request on loopback. The abort is itself a minimal emitter of one event, 'abort' (`on`,
// `once`, `removeListener`, as undici reads a request `signal` that is not an EventTarget), with
// `aborted` and `reason`; the AbortSignal is made when first asked for. Not a Node EventEmitter:
// setting one up cost an object per attempt, and nothing here needs more than this one event.

type Listener = () => void;

export class AttemptAbort {
  private controller?: AbortController;
  private abortedWith?: { reason: unknown };
  /** Made on the first listener: most attempts never get one. */
  private listeners?: Listener[];

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

  /**
   * Calls `listener` (without arguments) when aborted; the abort happens once, so `on` is `once`, and
   * a listener added once aborted is never called (nor kept).
   */
  on(event: 'abort', listener: Listener): this {
    checkEvent(event);
    if (!this.abortedWith) (this.listeners ??= []).push(listener);
    return this;
  }

  once(event: 'abort', listener: Listener): this {
    return this.on(event, listener);
  }

  /** Removes the last registration of `listener`, as EventEmitter does. */
  removeListener(event: 'abort', listener: Listener): this {
    checkEvent(event);
    const index = this.listeners?.lastIndexOf(listener) ?? -1;
    if (index >= 0) this.listeners?.splice(index, 1);
    return this;
  }

  off(event: 'abort', listener: Listener): this {
    return this.removeListener(event, listener);
  }

  listenerCount(event: 'abort'): number {
    checkEvent(event);
    return this.listeners?.length ?? 0;
  }

  /**
   * Like AbortController.abort: the first reason wins; then the listeners are called in the order
   * they were added (those added or removed meanwhile do not change this round), and forgotten.
   */
  abort(reason?: unknown): void {
    if (this.abortedWith) return;
    this.abortedWith = { reason };
    this.controller?.abort(reason);
    const listeners = this.listeners;
    this.listeners = undefined;
    if (listeners) for (const listener of listeners) listener();
  }
}

function checkEvent(event: string): void {
  if (event !== 'abort') throw new Error(`An attempt's abort emits only 'abort', not '${event}'`);
}

/** What an abortable piece of work is handed: a signal, or an AttemptAbort (its signal on demand). */
export type AbortSource = AbortSignal | AttemptAbort;

/** The AbortSignal of a source. */
export function signalOf(source: AbortSource): AbortSignal {
  return source instanceof AttemptAbort ? source.signal : source;
}
