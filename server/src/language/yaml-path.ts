// Position → where it sits in the YAML structure: on a key, a value or a list item, with the path of
// keys and indexes from the flow root. Read from the tolerant outline so that it works on half-typed text.
import {
  parseOutline,
  type Outline,
  type OutlineEntry,
  type OutlineItem,
  type OutlineMap,
  type OutlineScalar,
  type OutlineSeq,
} from './yaml-outline';

export type PathSegment = string | number;

export interface YamlPosition {
  /** `key`: on a key (or a bare word being typed); `value`: on `key: value`; `item`: on `- value`. */
  kind: 'key' | 'value' | 'item';
  /** key: path of the mapping; value: path of the entry (ends with its key); item: ends with its index. */
  path: PathSegment[];
  /** The mapping the key belongs to (key and value kinds). */
  map?: OutlineMap;
  entry?: OutlineEntry;
  item?: OutlineItem;
  /** The whole token under the cursor, as offsets in the original text. */
  tokenStart: number;
  tokenEnd: number;
  /** The part of the token before the cursor. */
  prefix: string;
  /** The cursor directly follows `key:` with no space: a value must start with one. */
  needsSpace: boolean;
  /** The outline the position was read from (of the text with the cursor marker, for completion). */
  outline: Outline;
}

/** Stands for the cursor while the outline is read: a word that no flow contains. */
const MARKER = 'KESTRAxCURSORxMARK';

/**
 * Where a cursor at `offset` is, as completion sees it: a marker is put at the cursor so that an
 * empty line or an empty `- ` still yields a token to locate.
 */
export function cursorPosition(text: string, offset: number, focused = true): YamlPosition | undefined {
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const before = text.slice(lineStart, offset);
  const needsSpace = /^[^#]*:$/.test(before) && !/["']/.test(before);
  const insert = (needsSpace ? ' ' : '') + MARKER;
  const patched = text.slice(0, offset) + insert + text.slice(offset);
  const outline = parseOutline(patched, focused ? offset : undefined);
  const at = offset + (needsSpace ? 1 : 0);
  const found = locate(outline, at, at + MARKER.length);
  if (!found) return undefined;
  const shift = (position: number): number =>
    position <= offset ? position : Math.max(offset, position - insert.length);
  return {
    ...found,
    tokenStart: shift(found.tokenStart),
    tokenEnd: shift(found.tokenEnd),
    prefix: text.slice(Math.min(shift(found.tokenStart), offset), offset),
    needsSpace,
    outline,
  };
}

/** Where an existing position is (hover, definition): no marker, the token under it. */
export function textPosition(
  text: string,
  offset: number,
  outline = parseOutline(text, offset),
): YamlPosition | undefined {
  const found = locate(outline, offset, offset);
  if (!found) return undefined;
  return { ...found, prefix: text.slice(found.tokenStart, offset), needsSpace: false, outline };
}

type Located = Omit<YamlPosition, 'prefix' | 'needsSpace' | 'outline'>;

function locate(outline: Outline, from: number, to: number): Located | undefined {
  const within = (start: number, end: number): boolean => start <= from && to <= end;
  for (const entry of outline.entries) {
    if (within(entry.keyStart, entry.keyEnd)) {
      const path = pathOf(entry.parent);
      if (!path) return undefined;
      return {
        kind: 'key',
        path,
        map: entry.parent,
        entry,
        tokenStart: entry.keyStart,
        tokenEnd: entry.keyEnd,
      };
    }
    if (entry.value && within(entry.value.start, entry.value.end)) {
      const path = pathOf(entry.parent);
      if (!path) return undefined;
      return {
        kind: 'value',
        path: [...path, entry.key],
        map: entry.parent,
        entry,
        ...token(entry.value),
      };
    }
  }
  for (const item of outline.items) {
    if (item.value && within(item.value.start, item.value.end)) {
      const path = pathOf(item.parent);
      if (!path) return undefined;
      return { kind: 'item', path: [...path, item.index], item, ...token(item.value) };
    }
  }
  return undefined;
}

function token(scalar: OutlineScalar): { tokenStart: number; tokenEnd: number } {
  return { tokenStart: scalar.start, tokenEnd: scalar.end };
}

/** Keys and indexes from the root to `node`; undefined when it hangs off nothing (bad indentation). */
export function pathOf(node: OutlineMap | OutlineSeq): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let current: OutlineMap | OutlineSeq = node;
  while (current.owner) {
    const owner: OutlineEntry | OutlineItem = current.owner;
    segments.unshift(owner.kind === 'entry' ? owner.key : owner.index);
    current = owner.parent;
  }
  // Only the root mapping has no owner; a list without one hangs off a mis-indented line.
  return current.kind === 'map' ? segments : undefined;
}

/** The inline value of `key` in an outline mapping, if it has one. */
export function entryValue(map: OutlineMap | undefined, key: string): string | undefined {
  const entry = map?.entries.find((e) => e.key === key && e.hasColon);
  return entry?.value ? unquote(entry.value.text) : undefined;
}

/** A scalar's text without its quotes (enough for ids and type names). */
export function unquote(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    return text.slice(1, -1);
  }
  return text;
}
