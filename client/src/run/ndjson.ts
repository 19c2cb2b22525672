// Splits the CLI's stdout into NDJSON events. Chunks end anywhere (mid-line, mid-UTF-8 character),
// so bytes are decoded as a stream and an incomplete last line waits for the next chunk.
import type { RunEvent } from '../../../server/src/engine/events';

export type NdjsonItem = { ok: true; event: RunEvent } | { ok: false; line: string; message: string };

const EVENT_TYPES = new Set([
  'execution.started',
  'taskrun.started',
  'log',
  'taskrun.ended',
  'execution.ended',
]);

export function parseEventLine(line: string): NdjsonItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return {
      ok: false,
      line,
      message: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  if (
    !record ||
    typeof record.event !== 'string' ||
    !EVENT_TYPES.has(record.event) ||
    typeof record.time !== 'string'
  ) {
    return { ok: false, line, message: 'not a run event (no known `event` and `time`)' };
  }
  return { ok: true, event: record as unknown as RunEvent };
}

export class NdjsonSplitter {
  private readonly decoder = new TextDecoder('utf-8');
  private rest = '';

  /** Feeds a chunk; returns the complete lines' items in order (blank lines skipped). */
  push(chunk: Uint8Array | string): NdjsonItem[] {
    this.rest += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    const lines = this.rest.split('\n');
    this.rest = lines.pop() ?? '';
    return this.parse(lines);
  }

  /** The stream ended: what is left is a last line without a newline. */
  end(): NdjsonItem[] {
    this.rest += this.decoder.decode();
    const last = this.rest;
    this.rest = '';
    return this.parse([last]);
  }

  private parse(lines: string[]): NdjsonItem[] {
    const items: NdjsonItem[] = [];
    for (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (line.trim() !== '') items.push(parseEventLine(line));
    }
    return items;
  }
}
