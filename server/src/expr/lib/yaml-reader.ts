// Reads YAML text into Pebble values like Jackson's YAML mapper does for the `yaml()` function: the first
// document, YAML 1.1 scalars as SnakeYAML resolves them (yes/no/on/off booleans, 0-prefixed octal), but
// timestamps and base-60 numbers stay strings as Jackson leaves them; aliases resolved, map keys as
// strings, `1` a Long and `1.0` a Double.
import { isAlias, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import { PebbleError } from '../errors';
import { makeDouble, type PebbleMap, type PebbleValue } from '../values';
import { javaToString } from './java';

/** Values that aliases may add: beyond it a few lines of YAML would stand for billions ("billion laughs"). */
const MAX_ALIAS_EXPANSION = 100_000;

interface Expansion {
  /** Nodes converted so far inside alias expansions. */
  nodes: number;
}

function convert(
  node: unknown,
  doc: Document,
  depth: number,
  expansion: Expansion,
  aliased = false,
): PebbleValue {
  if (depth > 200)
    throw new PebbleError('YAML nesting is too deep (or an alias refers to itself)', 'runtime');
  if (aliased && ++expansion.nodes > MAX_ALIAS_EXPANSION) {
    throw new PebbleError(
      `Rendering stopped: the YAML's aliases expand to more than ${MAX_ALIAS_EXPANSION} values (an alias bomb?).`,
      'limit',
    );
  }
  if (node === null || node === undefined) return null;
  if (isAlias(node)) return convert(node.resolve(doc), doc, depth + 1, expansion, true);
  if (isScalar(node)) {
    const value = node.value;
    if (typeof value === 'number') {
      const source = node.source ?? String(value);
      // SnakeYAML reads base-60 numbers and exponents without a dot as text.
      if (source.includes(':') || /^[-+]?[0-9][0-9_]*[eE]/.test(source)) return source;
      const integral = Number.isInteger(value) && /^[-+]?(0[xXoO][0-9a-fA-F_]+|[0-9_]+)$/.test(source);
      return integral ? value : makeDouble(value);
    }
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'boolean' && /^[yYnN]$/.test(node.source ?? '')) return node.source as string;
    if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    return javaToString(String(value));
  }
  if (isSeq(node)) return node.items.map((item) => convert(item, doc, depth + 1, expansion, aliased));
  if (isMap(node)) {
    const out: PebbleMap = {};
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = convert(pair.key as Node, doc, depth + 1, expansion, aliased);
      out[javaToString(key)] = convert(pair.value as Node, doc, depth + 1, expansion, aliased);
    }
    return out;
  }
  throw new PebbleError('Unsupported YAML node', 'runtime');
}

export function readYaml(text: string): PebbleValue {
  const docs = parseAllDocuments(text, {
    version: '1.1',
    uniqueKeys: false,
    customTags: (tags) =>
      tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp'),
  });
  const documents = Array.isArray(docs) ? docs : [];
  const doc = documents[0];
  if (!doc || text.trim() === '') throw new PebbleError('No content to map due to end-of-input', 'runtime');
  if (doc.errors.length > 0) throw new PebbleError(doc.errors[0].message, 'runtime');
  return convert(doc.contents, doc, 0, { nodes: 0 });
}
