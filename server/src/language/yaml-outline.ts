// A tolerant outline of block-style YAML, read from indentation alone. Completion and hover need the
// structure around the cursor while the user is typing, when the real parse is broken (a bare partial
// key, an empty `- `, a `type:` without value). This reader never fails: whatever a line is, it lands
// somewhere sensible. Flow collections and multi-line scalars stay opaque inline values.

/** Source text of an inline value: `key: <value>` or `- <value>`, comment and outer spaces removed. */
export interface OutlineScalar {
  text: string;
  start: number;
  end: number;
}

export interface OutlineEntry {
  kind: 'entry';
  /** Key as YAML reads it (quotes removed). */
  key: string;
  /** Offsets of the key as written (quotes included). */
  keyStart: number;
  keyEnd: number;
  /** False for a bare word with no `:` yet (a key being typed). */
  hasColon: boolean;
  line: number;
  value?: OutlineScalar;
  /** A `|` or `>` value: the lines below are text, not structure. */
  blockScalar: boolean;
  /** The nested mapping or list under this key. */
  block?: OutlineMap | OutlineSeq;
  parent: OutlineMap;
}

export interface OutlineMap {
  kind: 'map';
  column: number;
  entries: OutlineEntry[];
  owner?: OutlineEntry | OutlineItem;
}

export interface OutlineItem {
  kind: 'item';
  /** Column of the dash. */
  column: number;
  line: number;
  /** Offset of the dash. */
  start: number;
  /** Column of what follows the dash on its line. */
  contentColumn: number;
  index: number;
  value?: OutlineScalar;
  blockScalar: boolean;
  block?: OutlineMap | OutlineSeq;
  parent: OutlineSeq;
}

export interface OutlineSeq {
  kind: 'seq';
  column: number;
  items: OutlineItem[];
  owner?: OutlineEntry | OutlineItem;
}

export interface Outline {
  root: OutlineMap;
  /** Every entry and item in text order, for position lookups. */
  entries: OutlineEntry[];
  items: OutlineItem[];
}

type Frame = OutlineMap | OutlineSeq | OutlineItem;

const KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"{}[\],&*!|>%@`](?:[^#:]|:(?=\S))*?))[ \t]*:(?=[ \t]|$)/;
const BLOCK_SCALAR = /^[|>][-+0-9]*$/;

/**
 * Top-level lists whose items nothing reads except the one being edited: with a `focus`, their other
 * items are read as their first line only (the item, its index and first key stay). On a flow of
 * thousands of tasks this is most of the text.
 */
const SKIPPABLE_LISTS = new Set(['tasks', 'triggers', 'errors', 'finally', 'afterExecution']);

/**
 * The outline of `text`. With `focus` (a document offset), the items of the top-level task and
 * trigger lists that do not contain it are read as their first line only; everything on the way to
 * the focus, and every other sibling, reads exactly as without it.
 */
export function parseOutline(text: string, focus?: number): Outline {
  return new OutlineReader(text, focus).read();
}

/** Spaces at the start of the line beginning at `start`, and whether the line holds anything read. */
function lineShape(text: string, start: number, end: number): { indent: number; content: boolean } {
  let i = start;
  while (i < end && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return { indent: i - start, content: i < end && c !== 35 /* # */ && c !== 9 && c !== 13 };
}

class OutlineReader {
  private readonly root: OutlineMap = { kind: 'map', column: 0, entries: [] };
  private readonly stack: Frame[] = [this.root];
  private readonly entries: OutlineEntry[] = [];
  private readonly items: OutlineItem[] = [];
  /** While inside a block scalar: lines indented deeper than this column are its text. */
  private blockScalarColumn: number | undefined;
  private rootUsed = false;
  /** Set after the first line of an item being skipped: lines deeper than this column are its own. */
  private skipColumn: number | undefined;

  constructor(
    private readonly text: string,
    private readonly focus?: number,
  ) {}

  read(): Outline {
    const lineBreak = /\r\n|\r|\n/g;
    let start = 0;
    let line = 0;
    for (;;) {
      const match = lineBreak.exec(this.text);
      const end = match ? match.index : this.text.length;
      if (!this.skipped(start, end)) this.readLine(line, start, end);
      if (!match) break;
      start = match.index + match[0].length;
      line++;
    }
    return { root: this.root, entries: this.entries, items: this.items };
  }

  /** Whether the line belongs to an item being skipped (blank and comment lines go with it). */
  private skipped(start: number, end: number): boolean {
    if (this.skipColumn === undefined) return false;
    const { indent, content } = lineShape(this.text, start, end);
    if (!content || indent > this.skipColumn) return true;
    this.skipColumn = undefined;
    return false;
  }

  /** Whether the item whose dash is at `offset` can be read as its first line only. */
  private canSkip(seq: OutlineSeq, offset: number, column: number): boolean {
    const focus = this.focus;
    const owner = seq.owner;
    if (focus === undefined || owner?.kind !== 'entry' || owner.parent !== this.root) return false;
    if (!SKIPPABLE_LISTS.has(owner.key)) return false;
    if (focus < offset) return true;
    // The item runs to the next line that holds something at the dash's column or left of it.
    const text = this.text;
    let start = text.indexOf('\n', offset);
    while (start >= 0 && start < focus) {
      start++;
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const { indent, content } = lineShape(text, start, end);
      if (content && indent <= column) return start <= focus;
      start = end < text.length ? end : -1;
    }
    return false;
  }

  private readLine(line: number, start: number, end: number): void {
    const content = this.text.slice(start, end);
    const indent = content.length - content.trimStart().length;
    const rest = content.slice(indent);
    if (rest === '' || rest.startsWith('#')) return;
    if (this.blockScalarColumn !== undefined) {
      if (indent > this.blockScalarColumn) return;
      this.blockScalarColumn = undefined;
    }
    if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(rest)) return;
    this.place(line, start + indent, indent, rest);
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  /** Places the text `rest` that starts at `offset`, column `column`, into the tree. */
  private place(line: number, offset: number, column: number, rest: string): void {
    while (this.stack.length > 1 && this.frameColumn(this.top) > column) this.stack.pop();
    if (/^-(\s|$)/.test(rest)) {
      this.placeItem(line, offset, column, rest);
      return;
    }
    this.wordBecomesKey(column, rest);
    // Deeper than a value that is already given: the rest of a multi-line scalar, whatever it looks like.
    if (this.continuesValue(column)) return;
    const key = KEY.exec(rest);
    if (key) {
      const raw = key[1] ?? key[2] ?? key[3] ?? '';
      const unquoted = key[2] !== undefined ? raw.replace(/''/g, "'") : raw;
      const keyLength = key[3] !== undefined ? key[3].length : raw.length + 2;
      const map = this.mapFor(column);
      if (!map) return;
      const entry = this.addEntry(map, line, offset, unquoted.trimEnd(), keyLength, true);
      this.setValue(entry, offset + key[0].length, rest.slice(key[0].length), map.column);
      return;
    }
    // A bare scalar: the rest of a multi-line value, an item's value, or a key being typed.
    const top = this.top;
    if (top.kind === 'item' && !top.value && !top.block && column > top.column && this.isFresh(top)) {
      top.value = this.scalar(offset, rest);
      return;
    }
    const map = this.mapFor(column);
    if (!map) return;
    const word = this.scalar(offset, rest);
    this.addEntry(map, line, offset, word.text, word.end - word.start, false);
  }

  /**
   * `- ur` followed by `  type: x` aligned with it: the word is a key being typed in the item's
   * mapping, not the item's value (YAML would reject it; the user is mid-edit).
   */
  private wordBecomesKey(column: number, rest: string): void {
    const top = this.top;
    if (top.kind !== 'item' || !top.value || top.blockScalar || top.block) return;
    if (column !== top.contentColumn || !KEY.test(rest) || !/^[\w.$-]+$/.test(top.value.text)) return;
    const map: OutlineMap = { kind: 'map', column, entries: [], owner: top };
    top.block = map;
    const word = top.value;
    top.value = undefined;
    this.stack.push(map);
    this.addEntry(map, top.line, word.start, word.text, word.end - word.start, false);
  }

  private placeItem(line: number, offset: number, column: number, rest: string): void {
    let top = this.top;
    if (top.kind === 'map' && top.column === column && !this.lastEntryOpen(top)) {
      // `key:` then `- item` at the key's own column is a list under that key; otherwise the
      // dash ends this mapping (it belongs to an enclosing list).
      while (this.stack.length > 1 && this.top.kind !== 'seq') this.stack.pop();
      top = this.top;
    }
    let seq: OutlineSeq;
    if (top.kind === 'seq' && top.column === column) {
      seq = top;
    } else {
      seq = { kind: 'seq', column, items: [] };
      this.attach(seq, column);
      this.stack.push(seq);
    }
    const item: OutlineItem = {
      kind: 'item',
      column,
      line,
      start: offset,
      contentColumn: column + 2,
      index: seq.items.length,
      blockScalar: false,
      parent: seq,
    };
    seq.items.push(item);
    this.items.push(item);
    this.stack.push(item);
    if (this.canSkip(seq, offset, column)) this.skipColumn = column;
    const after = rest.slice(1);
    const gap = after.length - after.trimStart().length;
    const inner = after.slice(gap);
    if (inner === '' || inner.startsWith('#')) return;
    const innerColumn = column + 1 + gap;
    item.contentColumn = innerColumn;
    if (BLOCK_SCALAR.test(inner.replace(/\s+#.*$/, '').trim())) {
      item.value = this.scalar(offset + 1 + gap, inner);
      item.blockScalar = true;
      this.blockScalarColumn = column;
      return;
    }
    this.place(line, offset + 1 + gap, innerColumn, inner);
  }

  /** The mapping a key at `column` belongs to, creating it under the open entry or item. */
  private mapFor(column: number): OutlineMap | undefined {
    let top = this.top;
    if (top.kind === 'seq') {
      // A key at the column of a list's dashes ends the list.
      this.stack.pop();
      top = this.top;
    }
    if (top.kind === 'map' && top.column === column) return top;
    if (top.kind === 'map' && column > top.column && this.lastEntryOpen(top)) {
      const owner = top.entries[top.entries.length - 1];
      const map: OutlineMap = { kind: 'map', column, entries: [], owner };
      owner.block = map;
      this.stack.push(map);
      return map;
    }
    if (top.kind === 'item' && !top.value && !top.block) {
      const map: OutlineMap = { kind: 'map', column, entries: [], owner: top };
      top.block = map;
      this.stack.push(map);
      return map;
    }
    if (top === this.root && !this.rootUsed) {
      // The first key fixes the root's indentation.
      this.root.column = column;
      return this.root;
    }
    // Mis-indented: keep it in the nearest mapping rather than losing it.
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const frame = this.stack[i];
      if (frame.kind === 'map') return frame;
    }
    return undefined;
  }

  private attach(seq: OutlineSeq, column: number): void {
    const top = this.top;
    if (top.kind === 'map' && column >= top.column && this.lastEntryOpen(top)) {
      const owner = top.entries[top.entries.length - 1];
      owner.block = seq;
      seq.owner = owner;
    } else if (top.kind === 'item' && !top.value && !top.block) {
      top.block = seq;
      seq.owner = top;
    }
  }

  private addEntry(
    map: OutlineMap,
    line: number,
    offset: number,
    key: string,
    keyLength: number,
    hasColon: boolean,
  ): OutlineEntry {
    if (map === this.root) this.rootUsed = true;
    const entry: OutlineEntry = {
      kind: 'entry',
      key,
      keyStart: offset,
      keyEnd: offset + keyLength,
      hasColon,
      line,
      blockScalar: false,
      parent: map,
    };
    map.entries.push(entry);
    this.entries.push(entry);
    return entry;
  }

  private setValue(entry: OutlineEntry, offset: number, after: string, mapColumn: number): void {
    const gap = after.length - after.trimStart().length;
    const value = after.slice(gap);
    if (value === '' || value.startsWith('#')) return;
    entry.value = this.scalar(offset + gap, value);
    if (BLOCK_SCALAR.test(entry.value.text)) {
      entry.blockScalar = true;
      this.blockScalarColumn = mapColumn;
    }
  }

  /** Value text without a trailing comment (a `#` after a space, outside quotes). */
  private scalar(offset: number, rest: string): OutlineScalar {
    let end = rest.length;
    let quote: string | undefined;
    for (let i = 0; i < rest.length; i++) {
      const c = rest[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(rest[i - 1]))) {
        quote = c;
      } else if (c === '#' && i > 0 && /\s/.test(rest[i - 1])) {
        end = i;
        break;
      }
    }
    const text = rest.slice(0, end).trimEnd();
    return { text, start: offset, end: offset + text.length };
  }

  private frameColumn(frame: Frame): number {
    // Anything indented deeper than an item's dash belongs to the item.
    return frame.kind === 'item' ? frame.column + 1 : frame.column;
  }

  private lastEntryOpen(map: OutlineMap): boolean {
    const last = map.entries[map.entries.length - 1];
    return !!last && last.hasColon && !last.value && !last.block;
  }

  /** A deeper line after an entry or item with an inline value continues that value. */
  private continuesValue(column: number): boolean {
    const top = this.top;
    if (top.kind === 'map') {
      const last = top.entries[top.entries.length - 1];
      return !!last && column > top.column && (!!last.value || !last.hasColon);
    }
    return top.kind === 'item' && !!top.value && column > top.column;
  }

  private isFresh(item: OutlineItem): boolean {
    return this.items[this.items.length - 1] === item;
  }
}
