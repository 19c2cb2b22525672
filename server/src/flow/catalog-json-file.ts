// Reads a JSON file with errors a user can act on: missing file, unreadable file, or the line and
// column of the first syntax error (Node's own message does not always give a position).
import { readFileSync } from 'node:fs';
import { LineIndex } from './range';

export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${what} file not found: ${path}`);
    if (code === 'EISDIR') throw new Error(`${what} path is a directory, not a file: ${path}`);
    throw new Error(`cannot read ${what} file ${path}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const where = offset === undefined ? '' : ` at line ${lineColumn(text, offset)}`;
    throw new Error(`${path}: invalid JSON${where}: ${(error as Error).message.split('\n')[0]}`);
  }
}

function lineColumn(text: string, offset: number): string {
  const position = new LineIndex(text).positionAt(offset);
  return `${position.line + 1}, column ${position.character + 1}`;
}

/** Offset of the first JSON syntax error, found by a small recursive-descent scan. */
export function jsonErrorOffset(text: string): number | undefined {
  let pos = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(pos);
  };
  const space = (): void => {
    while (pos < text.length && ' \t\r\n'.includes(text[pos])) pos++;
  };
  /** Consumes `close` and returns true, or consumes `,` and returns false. */
  const next = (close: string): boolean => {
    space();
    if (text[pos] === close) {
      pos++;
      return true;
    }
    if (text[pos] !== ',') fail();
    pos++;
    return false;
  };
  const string = (): void => {
    pos++;
    while (pos < text.length && text[pos] !== '"') {
      if (text[pos] < ' ') fail();
      if (text[pos] === '\\') {
        if (!/^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.test(text.slice(pos + 1, pos + 6))) fail();
        pos += text[pos + 1] === 'u' ? 6 : 2;
      } else pos++;
    }
    if (pos >= text.length) fail();
    pos++;
  };
  const value = (): void => {
    space();
    const c = text[pos];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      pos++;
      space();
      if (text[pos] === close) {
        pos++;
        return;
      }
      do {
        if (c === '{') {
          space();
          if (text[pos] !== '"') fail();
          string();
          space();
          if (text[pos] !== ':') fail();
          pos++;
        }
        value();
      } while (!next(close));
    } else if (c === '"') {
      string();
    } else {
      const literal = LITERAL.exec(text.slice(pos, pos + 400));
      if (!literal) fail();
      else pos += literal[0].length;
    }
  };
  try {
    value();
    space();
    return pos < text.length ? pos : undefined;
  } catch (error) {
    if (error instanceof JsonSyntaxAt) return Math.min(error.offset, text.length);
    throw error;
  }
}

const LITERAL = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}
