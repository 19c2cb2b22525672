// Quick fix for missing required properties: adds every required property the mapping lacks, with a
// placeholder of the right kind, at the mapping's own indentation, after its last line.
import { isMap, isPair, isScalar, type Node, type YAMLMap } from 'yaml';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalog, PluginProperty } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import { fromProperty, propertiesOf, shapeAt, type Shape } from '../shapes';
import { textPosition, type PathSegment } from '../yaml-path';

export function missingPropertiesAction(
  doc: FlowDocument,
  catalog: Catalog,
  uri: string,
  diagnostic: Diagnostic,
  all: Diagnostic[],
): CodeAction | undefined {
  const at = textPosition(doc.text, doc.lines.offsetAt(diagnostic.range.start));
  if (!at || !doc.document || (at.kind !== 'key' && at.kind !== 'value')) return undefined;
  const root = at.outline.root;
  // Anchored on a `type:` value (or any value): the mapping that holds it. On a key: the object under
  // that key when it is one (`options:` missing a field), else the mapping of the key.
  let path: PathSegment[] = at.kind === 'value' ? at.path.slice(0, -1) : at.path;
  if (at.kind === 'key' && at.entry && isMappingShape(shapeAt(catalog, root, [...at.path, at.entry.key]))) {
    path = [...at.path, at.entry.key];
  }
  const node = doc.document.getIn(path, true) as Node | null | undefined;
  const present = new Set(
    isMap(node) ? node.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])) : [],
  );
  const shape = shapeAt(catalog, root, path);
  const properties = propertiesOf(catalog, shape);
  // Validation reports one diagnostic per missing property on the same anchor: one fix adds them all.
  const named = new Set(
    all
      .filter((d) => d.code === diagnostic.code && sameRange(d, diagnostic))
      .flatMap((d) => {
        const name = diagnosticProperty(d);
        return name ? [name] : [];
      }),
  );
  const missing = properties.filter((p) => (p.required || named.has(p.name)) && !present.has(p.name));
  for (const name of named) {
    if (!present.has(name) && !missing.some((p) => p.name === name)) {
      missing.push({ name, type: 'string', required: true, dynamic: false, description: '', schema: {} });
    }
  }
  if (missing.length === 0) return undefined;
  const insertion = insertionPoint(doc, node, path);
  if (!insertion) return undefined;
  const lines = missing.map((p) => `\n${' '.repeat(insertion.column)}${p.name}: ${placeholder(p)}`);
  const names = missing.map((p) => `\`${p.name}\``).join(', ');
  return {
    title: missing.length === 1 ? `Add required property ${names}` : `Add required properties ${names}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: {
      changes: { [uri]: [{ range: { start: insertion.at, end: insertion.at }, newText: lines.join('') }] },
    },
  };
}

function diagnosticProperty(diagnostic: Diagnostic): string | undefined {
  const data = diagnostic.data as Record<string, unknown> | undefined;
  return typeof data?.property === 'string' ? data.property : undefined;
}

function sameRange(a: Diagnostic, b: Diagnostic): boolean {
  return JSON.stringify(a.range) === JSON.stringify(b.range);
}

function isMappingShape(shape: Shape): boolean {
  return ['plugin', 'input', 'object', 'pluginDefault', 'union'].includes(shape.kind);
}

/** End of the mapping's last line, and the column of its keys; under an empty key, one level deeper. */
function insertionPoint(
  doc: FlowDocument,
  node: Node | null | undefined,
  path: PathSegment[],
): { at: { line: number; character: number }; column: number } | undefined {
  if (isMap(node) && !node.flow && node.items.length > 0 && node.range) {
    const first = node.items[0];
    const keyStart =
      isPair(first) && (first.key as Node | null)?.range ? (first.key as Node).range![0] : node.range[0];
    const line = doc.lines.positionAt(lastContent(doc.text, node.range[0], node.range[1])).line;
    return {
      at: { line, character: doc.lines.lineText(line).length },
      column: doc.lines.positionAt(keyStart).character,
    };
  }
  if (node !== null && node !== undefined && !(isScalar(node) && node.value === null)) return undefined;
  // `options:` with nothing under it: the new keys go below, indented from the key.
  const parent = doc.document?.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = (parent as YAMLMap).items.find(
    (p) => isScalar(p.key) && p.key.value === path[path.length - 1],
  );
  const keyRange = (pair?.key as Node | undefined)?.range;
  if (!keyRange) return undefined;
  const keyPosition = doc.lines.positionAt(keyRange[0]);
  return {
    at: { line: keyPosition.line, character: doc.lines.lineText(keyPosition.line).length },
    column: keyPosition.character + 2,
  };
}

function lastContent(text: string, start: number, end: number): number {
  let last = end;
  while (last > start && /\s/.test(text[last - 1])) last--;
  return Math.max(start, last - 1);
}

/** A value that shows what to write: the first choice of an enum, an empty list or object, `""`. */
function placeholder(property: PluginProperty): string {
  if (property.enum?.length) return property.enum[0];
  if (property.default !== undefined && typeof property.default !== 'object') return String(property.default);
  const shape = fromProperty(property);
  if (shape.kind === 'list') return '[]';
  if (['object', 'map', 'plugin', 'input', 'union', 'pluginDefault'].includes(shape.kind)) return '{}';
  if (property.type === 'boolean') return 'false';
  if (property.type === 'integer' || property.type === 'number') return '0';
  return '""';
}
