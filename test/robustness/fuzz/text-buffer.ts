// The fuzzer's own model of a document, kept independently of the server's: LSP positions (UTF-16,
// lines broken at \r\n, \r or \n) and incremental changes applied the way the protocol defines them.
import type { Position, Range } from 'vscode-languageserver/node';
import type { Prng } from './prng';

export interface RangeChange {
  range: Range;
  text: string;
}

/** A protocol change: a range replaced, or (without a range) the whole text. */
export type Change = RangeChange | { text: string };

export class TextBuffer {
  private lineStarts: number[] = [];
  private current = '';

  constructor(text: string) {
    this.set(text);
  }

  get text(): string {
    return this.current;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  set(text: string): void {
    this.current = text;
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.lineStarts.push(i + 1);
    }
  }

  /** The content of `line` without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.current.length;
    let end = next;
    if (end > start && this.current.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.current.charCodeAt(end - 1) === 13) end--;
    return this.current.slice(start, end);
  }

  /** LSP's reading: a line past the last is the end of the text, a character past a line its end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.current.length;
    const length = this.lineText(position.line).length;
    return this.lineStarts[position.line] + Math.min(Math.max(position.character, 0), length);
  }

  positionAt(offset: number): Position {
    const clamped = Math.min(Math.max(offset, 0), this.current.length);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const character = Math.min(clamped - this.lineStarts[low], this.lineText(low).length);
    return { line: low, character };
  }

  /** Applies one protocol change (positions refer to the text before it). */
  apply(change: Change): void {
    if (!('range' in change)) {
      this.set(change.text);
      return;
    }
    const start = this.offsetAt(change.range.start);
    const end = this.offsetAt(change.range.end);
    this.set(this.current.slice(0, start) + change.text + this.current.slice(end));
  }

  /** A valid position: an existing line, a character within it, never inside a surrogate pair. */
  randomPosition(rng: Prng): Position {
    const line = rng.int(0, this.lineCount - 1);
    return { line, character: this.safeCharacter(line, rng.int(0, this.lineText(line).length)) };
  }

  /** A valid position near `around` (same or neighbouring lines), as a user's next keystroke is. */
  nearPosition(rng: Prng, around: Position): Position {
    const line = Math.min(Math.max(around.line + rng.int(-1, 1), 0), this.lineCount - 1);
    const length = this.lineText(line).length;
    const character = Math.min(Math.max(around.character + rng.int(-4, 4), 0), length);
    return { line, character: this.safeCharacter(line, character) };
  }

  /** Moves a character index off the middle of a surrogate pair. */
  safeCharacter(line: number, character: number): number {
    const text = this.lineText(line);
    const before = text.charCodeAt(character - 1);
    const after = text.charCodeAt(character);
    const splits = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
    return splits ? character - 1 : character;
  }

  /** The end of the document as a position. */
  end(): Position {
    const line = this.lineCount - 1;
    return { line, character: this.lineText(line).length };
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** `[a, b]` as a range, in document order. */
export function orderedRange(a: Position, b: Position): Range {
  return comparePositions(a, b) <= 0 ? { start: a, end: b } : { start: b, end: a };
}
