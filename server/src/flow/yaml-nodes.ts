// Small helpers over the `yaml` package's node types.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';

/** The pair of `map` whose key is the plain string `key`. */
export function getPair(map: YAMLMap, key: string): Pair | undefined {
  for (const item of map.items) {
    if (isPair(item) && isScalar(item.key) && item.key.value === key) return item as Pair;
  }
  return undefined;
}

export function getValueNode(map: YAMLMap, key: string): Node | null | undefined {
  const pair = getPair(map, key);
  return pair ? (pair.value as Node | null) : undefined;
}

/** Key of a pair as a string, when it is a scalar. */
export function keyString(pair: Pair): string | undefined {
  if (isScalar(pair.key)) return pair.key.value === null ? '' : String(pair.key.value);
  return undefined;
}

/** Start and end offsets of a node ([start, end) of its value). */
export function nodeSpan(node: Node | null | undefined): [number, number] | undefined {
  if (!node || !node.range) return undefined;
  return [node.range[0], node.range[1]];
}

/** Offsets of a whole pair, key start to value end. */
export function pairSpan(pair: Pair): [number, number] | undefined {
  const key = nodeSpan(pair.key as Node);
  const value = nodeSpan(pair.value as Node);
  if (key && value) return [key[0], Math.max(key[1], value[1])];
  return key ?? value;
}

/**
 * Converts a YAML node to a plain JS value, the way Jackson would see it: keys become strings
 * (a collection key becomes its source text), aliases are followed.
 */
export function toPlain(node: unknown, doc: Document, depth = 0): unknown {
  // Kestra's Jackson refuses documents nested deeper than 1000 levels; a cut-off any shallower would
  // drop the innermost tasks of a valid flow (200 nested Sequentials need 400 levels).
  if (depth > 1000) return null;
  if (node === null || node === undefined) return null;
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ? toPlain(target, doc, depth + 1) : null;
  }
  if (isScalar(node)) return node.value;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const item of node.items) {
      const key = isScalar(item.key)
        ? String(item.key.value ?? '')
        : item.key && (item.key as Node).range
          ? String(item.key)
          : '';
      out[key] = toPlain(item.value, doc, depth + 1);
    }
    return out;
  }
  if (isSeq(node)) return node.items.map((item) => toPlain(item, doc, depth + 1));
  return null;
}
