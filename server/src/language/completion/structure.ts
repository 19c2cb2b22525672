// Completion in the YAML structure of a flow: keys of the mapping under the cursor, values of the key
// under the cursor, and the first key of a fresh `- ` list item.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { Catalog } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import { shapeAt, type Shape } from '../shapes';
import type { OutlineMap, OutlineSeq } from '../yaml-outline';
import { cursorPosition, entryValue, unquote, type PathSegment, type YamlPosition } from '../yaml-path';
import { keyCompletions } from './keys';
import { idCompletions, valueCompletions, type ValueSlot } from './values';

export function completeStructure(doc: FlowDocument, catalog: Catalog, offset: number): CompletionItem[] {
  const at = cursorPosition(doc.text, offset);
  if (!at) return [];
  switch (at.kind) {
    case 'key':
      return keys(doc, catalog, at, at.path);
    case 'value':
      return values(doc, catalog, at, offset);
    case 'item': {
      const shape = shapeAt(catalog, at.outline.root, at.path);
      // `- |` in a list of mappings starts the item's first key; in a list of scalars, a value.
      if (isMapping(shape)) return keys(doc, catalog, at, at.path);
      return itemValues(doc, catalog, at, at.path, slotOf(doc, at, offset, at.tokenStart, at.tokenEnd));
    }
  }
}

function isMapping(shape: Shape): boolean {
  return ['flow', 'plugin', 'input', 'pluginDefault', 'object'].includes(shape.kind);
}

function keys(doc: FlowDocument, catalog: Catalog, at: YamlPosition, path: PathSegment[]): CompletionItem[] {
  const shape = shapeAt(catalog, at.outline.root, path);
  const present = new Set(
    (at.map?.entries ?? []).filter((e) => e !== at.entry && e.hasColon).map((e) => e.key),
  );
  return keyCompletions(catalog, shape, {
    range: doc.lines.range(at.tokenStart, at.tokenEnd),
    column: doc.lines.positionAt(at.tokenStart).character,
    present,
    keyOnly: !!at.entry?.hasColon,
  });
}

function values(doc: FlowDocument, catalog: Catalog, at: YamlPosition, offset: number): CompletionItem[] {
  const root = at.outline.root;
  const token = doc.text.slice(at.tokenStart, at.tokenEnd);
  if (token.startsWith('[')) {
    // `dependsOn: [a, |]`: complete the list element under the cursor.
    const slot = flowListSlot(doc, at.tokenStart, at.tokenEnd, offset);
    const elements = token.replace(/^\[|\]$/g, '').split(',');
    const current = (doc.text.slice(at.tokenStart, offset).match(/,/g) ?? []).length;
    const listed = elements.filter((_, i) => i !== current).map((e) => unquote(e.trim()));
    return itemValues(doc, catalog, at, [...at.path, current], slot, new Set(listed));
  }
  const parent = shapeAt(catalog, root, at.path.slice(0, -1));
  const value = shapeAt(catalog, root, at.path);
  const key = at.path[at.path.length - 1];
  return valueCompletions(
    catalog,
    parent,
    typeof key === 'string' ? key : undefined,
    value,
    slotOf(doc, at, offset, at.tokenStart, at.tokenEnd),
  );
}

/** The element of a one-line flow list `[a, b]` under the cursor: from after `[`/`,` and spaces to `,`/`]`. */
function flowListSlot(doc: FlowDocument, tokenStart: number, tokenEnd: number, offset: number): ValueSlot {
  const before = doc.text.slice(tokenStart, offset);
  const separator = tokenStart + Math.max(before.lastIndexOf('['), before.lastIndexOf(','));
  let start = separator + 1;
  while (start < offset && /[ \t]/.test(doc.text[start])) start++;
  const stop = doc.text.slice(offset, tokenEnd).search(/[,\]]/);
  const end = stop < 0 ? tokenEnd : offset + stop;
  // `[a,|]`: keep a space after the comma.
  const lead = start === separator + 1 && doc.text[separator] === ',' ? ' ' : '';
  return { range: doc.lines.range(start, end), lead };
}

/** Values for an element of a list: ids for `dependsOn`, else what the element's property allows. */
function itemValues(
  doc: FlowDocument,
  catalog: Catalog,
  at: YamlPosition,
  path: PathSegment[],
  slot: ValueSlot,
  listed = listedItems(at.outline.root, path),
): CompletionItem[] {
  const root = at.outline.root;
  const listKey = path[path.length - 2];
  if (listKey === 'dependsOn' && path.length >= 4) {
    // A Dag node: `{task: {id…}, dependsOn: […]}` inside the Dag's `tasks`.
    const nodes = nodeAt(root, path.slice(0, -3));
    const own = nodeAt(root, path.slice(0, -2));
    if (nodes?.kind === 'seq') {
      const ids = nodes.items.flatMap((item) => {
        if (item.block === own || item.block?.kind !== 'map') return [];
        const task = item.block.entries.find((e) => e.key === 'task')?.block;
        const id = task?.kind === 'map' ? entryValue(task, 'id') : undefined;
        return id ? [id] : [];
      });
      return idCompletions(
        ids.filter((id) => !listed.has(id)),
        slot,
        'task',
      );
    }
  }
  if (listKey === 'inputs' && path[path.length - 3] === 'dependsOn' && path[0] === 'inputs') {
    const inputs = nodeAt(root, ['inputs']);
    const own = nodeAt(root, path.slice(0, 2));
    if (inputs?.kind === 'seq') {
      const ids = inputs.items.flatMap((item) => {
        const id =
          item.block !== own && item.block?.kind === 'map' ? entryValue(item.block, 'id') : undefined;
        return id ? [id] : [];
      });
      return idCompletions(
        ids.filter((id) => !listed.has(id)),
        slot,
        'input',
      );
    }
  }
  const listParent = shapeAt(catalog, root, path.slice(0, -2));
  const element = shapeAt(catalog, root, path);
  return valueCompletions(catalog, listParent, undefined, element, slot);
}

/** The range a value replaces: the whole token, inside its quotes when it has some. */
function slotOf(doc: FlowDocument, at: YamlPosition, offset: number, start: number, end: number): ValueSlot {
  const token = doc.text.slice(start, end);
  let from = start;
  let to = end;
  const quote = token[0];
  if (quote === '"' || quote === "'") {
    from = start + 1;
    if (token.length > 1 && token.endsWith(quote) && end > offset) to = end - 1;
  }
  return { range: doc.lines.range(from, Math.max(from, to)), lead: at.needsSpace ? ' ' : '' };
}

/** Values of the other items of the block list holding the item at `path`. */
function listedItems(root: OutlineMap, path: PathSegment[]): Set<string> {
  const list = nodeAt(root, path.slice(0, -1));
  if (list?.kind !== 'seq') return new Set();
  const own = path[path.length - 1];
  return new Set(
    list.items.flatMap((item) => (item.index !== own && item.value ? [unquote(item.value.text)] : [])),
  );
}

function nodeAt(root: OutlineMap, path: PathSegment[]): OutlineMap | OutlineSeq | undefined {
  let node: OutlineMap | OutlineSeq | undefined = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.kind === 'map') node = node.entries.find((e) => e.key === segment && e.hasColon)?.block;
    else node = typeof segment === 'number' ? node.items[segment]?.block : undefined;
  }
  return node;
}
