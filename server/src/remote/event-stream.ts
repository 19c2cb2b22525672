// Reading one opened `text/event-stream` response to its end, and how it ended: stopped by the
// reader (Kestra's `end` event), closed by the server, broken (reset, cut mid-event), or aborted.
import type { EventStreamResponse } from './kestra-client';
import { SseParser, type SseEvent } from './sse-parser';

export type StreamOutcome =
  { kind: 'stopped' } | { kind: 'closed' } | { kind: 'broken'; reason: string } | { kind: 'aborted' };

/** Feeds events to `onEvent` until it returns true, the stream ends, fails, or `signal` aborts. */
export async function readEventStream(
  response: EventStreamResponse,
  onEvent: (event: SseEvent) => boolean | void,
  signal: AbortSignal,
): Promise<StreamOutcome> {
  const queue: SseEvent[] = [];
  const parser = new SseParser((event) => queue.push(event));
  try {
    for await (const chunk of response.body) {
      parser.push(chunk);
      while (queue.length > 0) {
        if (onEvent(queue.shift() as SseEvent) === true) {
          response.close();
          return { kind: 'stopped' };
        }
      }
    }
    parser.end();
    return { kind: 'closed' };
  } catch (error) {
    response.close();
    if (signal.aborted) return { kind: 'aborted' };
    return { kind: 'broken', reason: brokenReason(error) };
  }
}

function brokenReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'UND_ERR_SOCKET' || code === 'ECONNRESET') return 'the connection was cut';
  return error instanceof Error ? error.message : String(error);
}
