import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SseParser, type SseEvent } from './sse-parser';

function parse(chunks: (string | Uint8Array)[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = new SseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

/** Every way of splitting `text` in two, as bytes. */
function allSplits(text: string): Uint8Array[][] {
  const bytes = new TextEncoder().encode(text);
  const result: Uint8Array[][] = [];
  for (let i = 0; i <= bytes.length; i++) result.push([bytes.slice(0, i), bytes.slice(i)]);
  return result;
}

describe('SseParser', () => {
  it('reads Kestra follow events: id then data, blank line', () => {
    const events = parse(['id: progress\ndata: {"id":"a"}\n\nid: end\ndata: {"id":"b"}\n\n']);
    assert.deepEqual(events, [
      { id: 'progress', type: 'message', data: '{"id":"a"}' },
      { id: 'end', type: 'message', data: '{"id":"b"}' },
    ]);
  });

  it('joins multi-line data with \\n and keeps the event name', () => {
    assert.deepEqual(parse(['event: update\ndata: one\ndata:two\ndata:  three\n\n']), [
      { id: '', type: 'update', data: 'one\ntwo\n three' },
    ]);
  });

  it('ignores comments, unknown fields and retry; a field without colon has an empty value', () => {
    assert.deepEqual(parse([': keep-alive\nretry: 100\nfoo: bar\ndata\n\n']), [
      { id: '', type: 'message', data: '' },
    ]);
  });

  it('dispatches nothing for an event without data, but remembers its id', () => {
    assert.deepEqual(parse(['id: x\n\ndata: later\n\n']), [{ id: 'x', type: 'message', data: 'later' }]);
  });

  it('accepts CRLF, CR and LF line ends, mixed', () => {
    assert.deepEqual(parse(['id: p\r\ndata: a\r\rdata: b\n\r\n']), [
      { id: 'p', type: 'message', data: 'a' },
      { id: 'p', type: 'message', data: 'b' },
    ]);
  });

  it('gives the same events however the bytes are split (CRLF across chunks, multi-byte UTF-8)', () => {
    const text = 'id: progress\r\ndata: {"message":"héllo ✓"}\r\n\r\nid: end\rdata: x\r\r';
    const expected = [
      { id: 'progress', type: 'message', data: '{"message":"héllo ✓"}' },
      { id: 'end', type: 'message', data: 'x' },
    ];
    for (const chunks of allSplits(text)) assert.deepEqual(parse(chunks), expected);
  });

  it('does not turn CR + LF across a chunk boundary into an extra blank line', () => {
    assert.deepEqual(parse(['data: a\r', '\ndata: b\r', '\n\r', '\n']), [
      { id: '', type: 'message', data: 'a\nb' },
    ]);
  });

  it('strips a leading byte order mark and only one space after the colon', () => {
    assert.deepEqual(parse(['\uFEFFdata:  x\n\n']), [{ id: '', type: 'message', data: ' x' }]);
  });

  it('discards an event cut off by the end of the stream', () => {
    assert.deepEqual(parse(['data: complete\n\ndata: cut']), [{ id: '', type: 'message', data: 'complete' }]);
  });

  it('ignores an id containing NUL', () => {
    assert.deepEqual(parse(['id: a\n\nid: b\0c\ndata: d\n\n']), [{ id: 'a', type: 'message', data: 'd' }]);
  });
});
