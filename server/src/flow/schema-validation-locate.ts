// Finds the YAML node at a data path (['tasks', 0, 'uri']), following aliases, so a schema error on
// the plain data can be reported on the text that holds it.
import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';

export type Segment = string | number;

export interface LocatedNode {
  /** The node at the path (null for an empty value such as `key:`). */
  node: Node | null;
  /** The pair holding it, when its parent is a mapping. */
  pair?: Pair;
}

/** Splits an ajv instancePath (`/tasks/0/uri`) into segments. */
export function parseInstancePath(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function locate(document: Document, path: Segment[]): LocatedNode | undefined {
  let current: Node | null = document.contents as Node | null;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isAlias(current)) current = (current.resolve(document) as Node | undefined) ?? null;
    if (isMap(current)) {
      // The last pair wins, as in the plain data (duplicate keys are reported separately).
      const found = [...current.items]
        .reverse()
        .find((item) => isScalar(item.key) && String(item.key.value ?? '') === String(segment));
      if (!found) return undefined;
      pair = found as Pair;
      current = found.value as Node | null;
    } else if (isSeq(current)) {
      const item = current.items[Number(segment)];
      if (item === undefined) return undefined;
      pair = undefined;
      current = item as Node | null;
    } else {
      return undefined;
    }
  }
  return { node: current, pair };
}
