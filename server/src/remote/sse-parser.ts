// An incremental parser for `text/event-stream` (the WHATWG "server-sent events" interpretation):
// lines end with CRLF, LF or CR (a CR at the end of one chunk may meet its LF in the next); `:`
// starts a comment; `field: value` loses one space after the colon; `data` lines accumulate with
// `\n`; a blank line dispatches the event, unless it has no data. `id` persists across events (the
// "last event id"), which is how Kestra's `id: progress` / `id: end` reach every event.

export interface SseEvent {
  /** The last event id set by the stream (Kestra: `progress` or `end`). */
  id: string;
  /** The `event:` name, `message` when none was given. */
  type: string;
  data: string;
}

export class SseParser {
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  /** The previous chunk ended with CR: a leading LF of the next one belongs to that line end. */
  private afterCr = false;
  private firstLine = true;
  private data: string[] = [];
  private type = '';
  private lastId = '';

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  /** Feeds raw bytes (UTF-8, split anywhere) or already decoded text. */
  push(chunk: Uint8Array | string): void {
    let text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    if (this.afterCr && text.startsWith('\n')) text = text.slice(1);
    this.afterCr = false;
    this.pending += text;
    let start = 0;
    for (;;) {
      const end = nextLineEnd(this.pending, start);
      if (end < 0) break;
      this.line(this.pending.slice(start, end));
      if (this.pending[end] === '\r') {
        if (end + 1 === this.pending.length) {
          this.afterCr = true;
          start = end + 1;
          break;
        }
        start = this.pending[end + 1] === '\n' ? end + 2 : end + 1;
      } else {
        start = end + 1;
      }
    }
    this.pending = this.pending.slice(start);
  }

  /** End of stream: an event not terminated by a blank line is discarded, as the spec says. */
  end(): void {
    this.decoder.decode();
    this.pending = '';
    this.data = [];
    this.type = '';
  }

  private line(raw: string): void {
    let line = raw;
    if (this.firstLine) {
      this.firstLine = false;
      if (line.startsWith('\uFEFF')) line = line.slice(1);
    }
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.type = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      default:
        // `retry` and unknown fields: nothing to do for a client that reconnects on its own terms.
        break;
    }
  }

  private dispatch(): void {
    const data = this.data;
    const type = this.type;
    this.data = [];
    this.type = '';
    if (data.length === 0) return;
    this.onEvent({ id: this.lastId, type: type || 'message', data: data.join('\n') });
  }
}

function nextLineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}
