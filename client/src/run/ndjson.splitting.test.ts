import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NdjsonSplitter, parseEventLine } from './ndjson';

const started =
  '{"event":"execution.started","time":"2024-01-01T00:00:00.000Z","executionId":"e1","namespace":"n","flowId":"f","inputs":{}}';
const log = '{"event":"log","time":"2024-01-01T00:00:00.001Z","level":"INFO","message":"héllo ✓"}';

describe('NdjsonSplitter', () => {
  it('joins lines split across chunks, even inside a UTF-8 character', () => {
    const splitter = new NdjsonSplitter();
    const bytes = Buffer.from(`${started}\n${log}\n`, 'utf8');
    const cut = bytes.indexOf(Buffer.from('✓')) + 1; // in the middle of the 3-byte check mark
    const first = splitter.push(bytes.subarray(0, cut));
    assert.deepEqual(
      first.map((item) => item.ok && item.event.event),
      ['execution.started'],
    );
    const second = splitter.push(bytes.subarray(cut));
    assert.equal(second.length, 1);
    assert.ok(second[0].ok);
    assert.equal(second[0].ok && second[0].event.event === 'log' && second[0].event.message, 'héllo ✓');
    assert.deepEqual(splitter.end(), []);
  });

  it('keeps a last line without newline until the end, skips blank lines and CRLF endings', () => {
    const splitter = new NdjsonSplitter();
    assert.deepEqual(splitter.push(`\r\n${started}\r\n\n${log.slice(0, 10)}`).length, 1);
    const rest = splitter.push(log.slice(10));
    assert.deepEqual(rest, []);
    const end = splitter.end();
    assert.equal(end.length, 1);
    assert.equal(end[0].ok && end[0].event.event, 'log');
  });

  it('reports lines that are not events with the reason', () => {
    const warning = parseEventLine('warning: something');
    assert.equal(warning.ok, false);
    assert.equal(warning.ok ? '' : warning.line, 'warning: something');
    const notJson = parseEventLine('{oops');
    assert.equal(notJson.ok, false);
    assert.match(notJson.ok ? '' : notJson.message, /^not JSON: /);
    assert.deepEqual(parseEventLine('{"event":"other","time":"t"}'), {
      ok: false,
      line: '{"event":"other","time":"t"}',
      message: 'not a run event (no known `event` and `time`)',
    });
    assert.deepEqual(parseEventLine('[1]'), {
      ok: false,
      line: '[1]',
      message: 'not a run event (no known `event` and `time`)',
    });
  });
});
