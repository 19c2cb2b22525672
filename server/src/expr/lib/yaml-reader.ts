// Reads YAML text into Pebble values like Jackson's YAML mapper does for the `yaml()` function: the first
// document, aliases resolved, map keys as strings, `1` a Long and `1.0` a Double.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { PebbleError } from '../errors';
import { makeDouble, type PebbleMap, type PebbleValue } from '../values';
import { javaToString } from './java';

function convert(node: unknown, doc: Document, depth: number): PebbleValue {
  if (depth > 200)
    throw new PebbleError('YAML nesting is too deep (or an alias refers to itself)', 'runtime');
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return convert(node.resolve(doc), doc, depth + 1);
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'number') {
      const source = node.source ?? String(value);
      const integral = Number.isInteger(value) && /^[-+]?(0[xXoO][0-9a-fA-F_]+|[0-9_]+)$/.test(source);
      return integral ? value : makeDouble(value);
    }
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    return javaToString(String(value));
  }
  if (isSeq(node)) return node.items.map((item) => convert(item, doc, depth + 1));
  if (isMap(node)) {
    const out: PebbleMap = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = convert(pair.key as Node, doc, depth + 1);
      out[javaToString(key)] = convert(pair.value as Node, doc, depth + 1);
    }
    return out;
  }
  throw new PebbleError('Unsupported YAML node', 'runtime');
}

export function readYaml(text: string): PebbleValue {
  const docs = parseAllDocuments(text, { version: '1.2', uniqueKeys: false });
  const documents = Array.isArray(docs) ? docs : [];
  const doc = documents[0];
  if (!doc || text.trim() === '') throw new PebbleError('No content to map due to end-of-input', 'runtime');
  if (doc.errors.length > 0) throw new PebbleError(doc.errors[0].message, 'runtime');
  return convert(doc.contents, doc, 0);
}
