// Flow files are UTF-8. Bytes that are not valid UTF-8 become one `invalid-encoding` diagnostic at
// the first bad byte (the rest is still decoded, with U+FFFD, and checked), never garbage messages.
import type { FlowDiagnostic } from '../flow/diagnostic';
import { LineIndex } from '../flow/range';

export interface DecodedFlow {
  text: string;
  diagnostics: FlowDiagnostic[];
}

/** Offset of the first byte that breaks UTF-8, or -1 when all of it is valid. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    if (i + extra >= bytes.length) return i;
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function hex(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

export function decodeFlowBytes(bytes: Uint8Array): DecodedFlow {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (utf16) {
    const text = new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
    const lines = new LineIndex(text);
    return {
      text,
      diagnostics: [
        {
          range: lines.range(0, lines.lineText(0).length),
          severity: 'error',
          code: 'invalid-encoding',
          message: 'This file is UTF-16: Kestra reads flows as UTF-8. Save it as UTF-8.',
        },
      ],
    };
  }
  const bad = firstInvalidUtf8Byte(bytes);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (bad < 0) return { text, diagnostics: [] };
  const offset = new TextDecoder('utf-8').decode(bytes.subarray(0, bad)).length;
  const lines = new LineIndex(text);
  const position = lines.positionAt(offset);
  return {
    text,
    diagnostics: [
      {
        range: lines.range(offset, offset + 1),
        severity: 'error',
        code: 'invalid-encoding',
        message: `Byte ${hex(bytes[bad])} at line ${position.line + 1}, column ${position.character + 1} is not valid UTF-8: Kestra reads flows as UTF-8. Save the file as UTF-8 (it looks like another encoding, such as Latin-1).`,
      },
    ],
  };
}
