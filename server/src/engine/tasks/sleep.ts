// io.kestra.plugin.core.flow.Sleep: logs `Waiting for <duration>` and waits (not rendered), abortable.
import { formatJavaDuration, readDuration } from '../duration';
import { TaskFailure, type RunnableHandler } from '../run/handlers';

/** Resolves after `ms`, or rejects as soon as `signal` aborts; leaves no timer behind. */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Error('Aborted'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('Aborted'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const sleepTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    let ms: number | undefined;
    try {
      ms = readDuration(ctx.prop('duration'));
    } catch (error) {
      throw new TaskFailure(`Invalid duration: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (ms === undefined) throw new TaskFailure('`duration` is required, e.g. `duration: PT5S`');
    ctx.log('INFO', `Waiting for ${formatJavaDuration(ms)}`);
    await abortableDelay(ms, ctx.signal);
  },
};
