import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeFlowBytes, firstInvalidUtf8Byte } from './decode-flow-bytes';

describe('decoding flow files', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('id: café\n', 'utf8')]);
    assert.deepEqual(decodeFlowBytes(bytes), { text: 'id: café\n', diagnostics: [] });
  });

  it('finds the first byte that is not UTF-8', () => {
    assert.equal(firstInvalidUtf8Byte(Buffer.from('abc', 'utf8')), -1);
    assert.equal(firstInvalidUtf8Byte(Buffer.from([0x61, 0xe9, 0x62])), 1); // Latin-1 é
    assert.equal(firstInvalidUtf8Byte(Buffer.from([0xc0, 0x80])), 0); // overlong
    assert.equal(firstInvalidUtf8Byte(Buffer.from([0xed, 0xa0, 0x80])), 0); // surrogate
    assert.equal(firstInvalidUtf8Byte(Buffer.from([0x61, 0xe2, 0x82])), 1); // cut short
  });

  it('reports Latin-1 bytes where they are, once', () => {
    const bytes = Buffer.concat([
      Buffer.from('id: x\ndescription: caf', 'latin1'),
      Buffer.from([0xe9]),
      Buffer.from(' ok\n'),
    ]);
    const decoded = decodeFlowBytes(bytes);
    assert.equal(decoded.text, 'id: x\ndescription: caf\uFFFD ok\n');
    assert.deepEqual(decoded.diagnostics, [
      {
        range: { start: { line: 1, character: 16 }, end: { line: 1, character: 17 } },
        severity: 'error',
        code: 'invalid-encoding',
        message:
          'Byte 0xE9 at line 2, column 17 is not valid UTF-8: Kestra reads flows as UTF-8. Save the file as UTF-8 (it looks like another encoding, such as Latin-1).',
      },
    ]);
  });

  it('says when a file is UTF-16', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id: x\n', 'utf16le')]);
    const decoded = decodeFlowBytes(bytes);
    assert.equal(decoded.text, 'id: x\n');
    assert.deepEqual(
      decoded.diagnostics.map((d) => d.code),
      ['invalid-encoding'],
    );
  });
});
