import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from './range';

/** Each line's start offset, found the plain way: after `\n`, after `\r\n`, after a lone `\r`. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

describe('LineIndex', () => {
  it('finds the same lines with and without carriage returns', () => {
    const texts = [
      '',
      '\n',
      'a',
      'id: x\nnamespace: y\n',
      'id: x\n\n\ntasks:\n  - id: a',
      'id: x\r\nnamespace: y\r\n',
      'a\rb\r\nc\nd\r',
      '\r\n\r\n',
      'é😀\nx',
    ];
    for (const text of texts) {
      const lines = new LineIndex(text);
      const starts = lineStarts(text);
      assert.equal(lines.lineCount, starts.length, JSON.stringify(text));
      starts.forEach((start, line) => {
        assert.deepEqual(lines.positionAt(start), { line, character: 0 }, JSON.stringify(text));
        assert.equal(lines.offsetAt({ line, character: 0 }), start, JSON.stringify(text));
      });
      assert.deepEqual(lines.positionAt(text.length), {
        line: starts.length - 1,
        character: text.length - starts[starts.length - 1],
      });
    }
  });
});
