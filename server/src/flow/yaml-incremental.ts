// Re-parses only the list item an edit touched (a task, a trigger, an input…) instead of the whole
// text, and splices it into a copy of the previous document. Parsing is most of the cost of every
// keystroke on a large flow; one item is a few hundred bytes.
//
// Used only when the result is certainly what a full parse would give:
// - the previous text parsed as one document without errors, with a block mapping at the root;
// - the edit lies inside one item of a block list that is the value of a top-level key, from the
//   item's first character to the end of its last value, and each item starts on its own line;
// - the item's old and new text (from its `-` line to the next item's) hold no comment (a comment
//   attaches to neighbouring nodes), no anchor or alias (they read text from elsewhere), and no
//   lone `\r`; and the text has no directive;
// - the new item text, parsed alone, is one document holding one block list of exactly one item,
//   without errors or warnings: then nothing in it can reach past its end (an open quote or bracket
//   would be an error), and the lines around it read as before.
// Anything else returns undefined and the caller parses the whole text. The previous document is not
// changed: nodes before the edit are shared, nodes after it are copied with shifted offsets.
import {
  Document,
  isCollection,
  isMap,
  isNode,
  isPair,
  isSeq,
  Pair,
  parseAllDocuments,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node,
  type ParsedNode,
} from 'yaml';
import { withPlainEnv } from './plain-env';

export const YAML_OPTIONS = {
  uniqueKeys: true,
  prettyErrors: false,
  // Kestra reads YAML 1.1-ish through SnakeYAML, but flows rarely depend on the differences;
  // yaml's default 1.2 core schema keeps `on`/`yes` as strings, which matches Jackson's String fields.
  version: '1.2',
} as const;

/** A comment, an anchor or alias, or a lone carriage return. */
const UNSAFE_IN_ITEM = /#|(^|[\s[{,:-])[&*][^\s,\]}]|\r(?!\n)/;
const DASH_LINE_PREFIX = /^[ ]*-[ ]+$/;
const BLANK_PREFIX = /^[ ]*$/;

interface Window {
  pairIndex: number;
  itemIndex: number;
  /** Start of the item's `-` line, and start of the line after the item's window (old text). */
  start: number;
  end: number;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Texts are compared this many characters at a time (natively) before the last chunk char by char. */
const CHUNK = 512;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + CHUNK <= max && b.startsWith(a.slice(i, i + CHUNK), i)) i += CHUNK;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + CHUNK <= max && b.endsWith(a.slice(a.length - i - CHUNK, a.length - i), b.length - i))
    i += CHUNK;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/** Where the item starts its line after `- `: the start of that line, else undefined. */
function dashLineStart(text: string, node: unknown): number | undefined {
  if (!isNode(node) || !node.range) return undefined;
  const start = lineStart(text, node.range[0]);
  return DASH_LINE_PREFIX.test(text.slice(start, node.range[0])) ? start : undefined;
}

/** The list item holding the whole edit [from, to) of the old text, with its line window. */
function findWindow(root: YAMLMap, text: string, from: number, to: number): Window | undefined {
  for (let pairIndex = 0; pairIndex < root.items.length; pairIndex++) {
    const list = root.items[pairIndex].value;
    if (!isSeq(list) || list.flow || !list.range || from < list.range[0] || from > list.range[2]) continue;
    const itemIndex = list.items.findIndex(
      (item) => isNode(item) && !!item.range && item.range[0] <= from && to <= item.range[2],
    );
    if (itemIndex < 0) return undefined;
    const start = dashLineStart(text, list.items[itemIndex]);
    let end: number | undefined;
    if (itemIndex + 1 < list.items.length) {
      end = dashLineStart(text, list.items[itemIndex + 1]);
    } else if (pairIndex + 1 < root.items.length) {
      const key = root.items[pairIndex + 1].key;
      if (!isNode(key) || !key.range) return undefined;
      end = lineStart(text, key.range[0]);
      if (!BLANK_PREFIX.test(text.slice(end, key.range[0]))) return undefined;
    } else {
      end = text.length;
    }
    const item = list.items[itemIndex] as Node;
    if (start === undefined || end === undefined || end < item.range![2]) return undefined;
    return { pairIndex, itemIndex, start, end };
  }
  return undefined;
}

function shiftRange(range: [number, number, number], delta: number): [number, number, number] {
  return [range[0] + delta, range[1] + delta, range[2] + delta];
}

/** The symbol under which `yaml` marks what a node is (its nodes/identity.js: a registered symbol). */
const NODE_TYPE = Symbol.for('yaml.node.type');

/**
 * A copy of one node of the plain classes (Scalar, YAMLMap, YAMLSeq, Pair), children not copied;
 * undefined for any other (an Alias, a tagged subclass). Its own properties are copied as they are,
 * its kind set as a plain property (yaml defines it read-only, and a defineProperty per node cost
 * more than the rest of the copy), and a collection's `schema` (not enumerable) defined again.
 */
function plainCopy(node: object): Record<string | symbol, unknown> | undefined {
  const proto: unknown = Object.getPrototypeOf(node);
  const collection = proto === YAMLMap.prototype || proto === YAMLSeq.prototype;
  if (!collection && proto !== Scalar.prototype && proto !== Pair.prototype) return undefined;
  const copy = Object.assign(Object.create(proto) as object, node) as Record<string | symbol, unknown>;
  copy[NODE_TYPE] = (node as Record<symbol, unknown>)[NODE_TYPE];
  if (collection) {
    Object.defineProperty(copy, 'schema', {
      value: (node as YAMLMap).schema,
      configurable: true,
      enumerable: false,
      writable: true,
    });
  }
  return copy;
}

/** A copy of a node (or pair) and everything under it, every offset moved by `delta`. */
function shiftedCopy<T>(node: T, delta: number): T {
  if (!isNode(node) && !isPair(node)) return node;
  const copy =
    plainCopy(node) ??
    (Object.create(Object.getPrototypeOf(node), Object.getOwnPropertyDescriptors(node)) as Record<
      string,
      unknown
    >);
  if (isPair(node)) {
    copy.key = shiftedCopy(node.key, delta);
    copy.value = shiftedCopy(node.value, delta);
    return copy as T;
  }
  if (isNode(node) && node.range) copy.range = shiftRange(node.range, delta);
  if (isCollection(node)) copy.items = node.items.map((item) => shiftedCopy(item, delta));
  return copy as T;
}

/** Moves the offsets of a freshly parsed subtree in place, and gives its lists the document's schema. */
function place(node: unknown, delta: number, schema: unknown): void {
  if (isPair(node)) {
    place(node.key, delta, schema);
    place(node.value, delta, schema);
    return;
  }
  if (!isNode(node)) return;
  if (node.range) node.range = shiftRange(node.range, delta);
  if (isCollection(node)) {
    (node as { schema: unknown }).schema = schema;
    for (const item of node.items) place(item, delta, schema);
  }
}

function withChanges<T extends object>(node: T, changes: Partial<T>): T {
  return Object.assign(
    Object.create(Object.getPrototypeOf(node), Object.getOwnPropertyDescriptors(node)),
    changes,
  );
}

/**
 * The document `text` parses to, built from `previous` (the document of `previousText`) by
 * re-parsing the one list item the edit changed; undefined when that is not certainly equivalent.
 */
export function reparseEditedItem(
  previous: Document.Parsed,
  previousText: string,
  text: string,
): Document.Parsed | undefined {
  const root = previous.contents;
  if (previous.errors.length > 0 || previous.warnings.length > 0) return undefined;
  if (!isMap(root) || root.flow || !previous.range || /^%/m.test(text)) return undefined;
  const prefix = commonPrefix(previousText, text);
  if (prefix === text.length && prefix === previousText.length) return undefined;
  // An edit can often be placed more than one way ("…\n" inserted after "…\n"): try it leftmost,
  // then rightmost. Either way the texts around it are the same.
  const shorter = Math.min(previousText.length, text.length);
  const leftSuffix = commonSuffix(previousText, text, shorter - prefix);
  const rightSuffix = commonSuffix(previousText, text, shorter);
  const window =
    findWindow(root, previousText, prefix, previousText.length - leftSuffix) ??
    findWindow(
      root,
      previousText,
      Math.min(prefix, shorter - rightSuffix),
      previousText.length - rightSuffix,
    );
  if (!window) return undefined;
  const delta = text.length - previousText.length;
  const oldItem = previousText.slice(window.start, window.end);
  const newItem = text.slice(window.start, window.end + delta);
  if (UNSAFE_IN_ITEM.test(oldItem) || UNSAFE_IN_ITEM.test(newItem)) return undefined;
  if (window.end + delta < text.length && !newItem.endsWith('\n')) return undefined;

  const parsed = withPlainEnv(() => parseAllDocuments(newItem, YAML_OPTIONS));
  if (!Array.isArray(parsed) || parsed.length !== 1) return undefined;
  const [alone] = parsed;
  const list = alone.contents;
  if (alone.errors.length > 0 || alone.warnings.length > 0 || alone.commentBefore || alone.comment)
    return undefined;
  if (!isSeq(list) || list.flow || list.items.length !== 1 || list.commentBefore || list.comment)
    return undefined;
  const item = list.items[0] as ParsedNode;
  place(item, window.start, previous.schema);

  const pair = root.items[window.pairIndex] as Pair<unknown, YAMLSeq>;
  const oldList = pair.value!;
  const oldItemNode = oldList.items[window.itemIndex] as Node;
  // The blank lines after the item decide how the next node reads (`spaceBefore`): they must not
  // change (a block scalar turned to keep them, say).
  const gap = previousText.slice(oldItemNode.range![2], window.end);
  if (text.slice(item.range[2], window.end + delta) !== gap) return undefined;
  // Blank lines and comments before the item belong to it, and did not change.
  item.spaceBefore = oldItemNode.spaceBefore;
  item.commentBefore = oldItemNode.commentBefore;
  const items = [
    ...oldList.items.slice(0, window.itemIndex),
    item,
    ...oldList.items.slice(window.itemIndex + 1).map((after) => shiftedCopy(after, delta)),
  ];
  const [listStart, listValueEnd, listEnd] = oldList.range!;
  const list2 = withChanges(oldList, {
    items,
    range: [listStart, listValueEnd + delta, listEnd + delta],
  } as Partial<YAMLSeq>);
  const pair2 = withChanges(pair, { value: list2 } as Partial<Pair<unknown, YAMLSeq>>);
  const rootItems = [
    ...root.items.slice(0, window.pairIndex),
    pair2,
    ...root.items.slice(window.pairIndex + 1).map((after) => shiftedCopy(after, delta)),
  ];
  const [start, valueEnd, nodeEnd] = root.range!;
  const root2 = withChanges(root, {
    items: rootItems,
    range: [start, valueEnd + delta, nodeEnd + delta],
  } as Partial<YAMLMap>);
  const [docStart, docValueEnd, docEnd] = previous.range;
  return withChanges(previous, {
    contents: root2,
    range: [docStart, docValueEnd + delta, docEnd + delta],
    errors: [],
    warnings: [],
  } as Partial<Document.Parsed>);
}
