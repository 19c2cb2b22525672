// What every semantic rule receives, and the small helpers they share to point at nodes.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Catalog, PluginSpec } from '../../flow/catalog-types';
import type { FlowDiagnostic, Severity } from '../../flow/diagnostic';
import type { FlowModel, Located, TaskModel } from '../../flow/model';
import type { LineIndex, Range } from '../../flow/range';
import { getPair, getValueNode, toPlain } from '../../flow/yaml-nodes';

export interface RuleContext {
  /** The YAML document holding the flow (to follow aliases). */
  document: Document.Parsed;
  model: FlowModel;
  lines: LineIndex;
  catalog: Catalog;
}

/** A Kestra rule: a pure function from the flow model to the problems it finds. */
export type FlowRule = (context: RuleContext) => FlowDiagnostic[];

export function nodeRange(lines: LineIndex, node: Node | null | undefined): Range | undefined {
  if (!node?.range) return undefined;
  return lines.range(node.range[0], node.range[1]);
}

/** Range of a pair's key (where "this property" is best pointed at). */
export function keyRange(lines: LineIndex, pair: Pair): Range | undefined {
  return nodeRange(lines, pair.key as Node);
}

/** Range of the value of `key` in `map`, else of the key, else undefined. */
export function valueOrKeyRange(lines: LineIndex, map: YAMLMap, key: string): Range | undefined {
  const pair = getPair(map, key);
  if (!pair) return undefined;
  return nodeRange(lines, pair.value as Node) ?? keyRange(lines, pair);
}

/** Where to point at a task as a whole: its id value, else its type value, else its first line. */
export function taskAnchor(
  lines: LineIndex,
  task: { id?: Located<string>; type?: Located<string>; node: YAMLMap },
): Range {
  if (task.id) return task.id.range;
  if (task.type) return task.type.range;
  const first = task.node.items[0] as Pair | undefined;
  return (first && keyRange(lines, first)) ?? nodeRange(lines, task.node) ?? lines.range(0, 0);
}

export function diagnostic(
  range: Range,
  severity: Severity,
  code: string,
  message: string,
  data?: Record<string, unknown>,
): FlowDiagnostic {
  return data ? { range, severity, code, message, data } : { range, severity, code, message };
}

/** The spec of a type name (alias- and case-aware), if the catalog knows it. */
export function resolveSpec(catalog: Catalog, type: string | undefined): PluginSpec | undefined {
  return type ? catalog.resolve(type)?.spec : undefined;
}

/** True when `task` is of the canonical type `canonical` (written as an alias or in any case). */
export function isTaskOfType(catalog: Catalog, task: TaskModel, canonical: string): boolean {
  const written = task.type?.value;
  if (!written) return false;
  const resolved = resolveSpec(catalog, written)?.type ?? written;
  return resolved.toLowerCase() === canonical.toLowerCase();
}

/** A scalar's string value, or undefined for anything else (maps, lists, null). */
export function scalarString(node: Node | null | undefined): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

/** True when a value node is absent, null, or an empty list/map. */
export function isEmptyValue(node: Node | null | undefined): boolean {
  if (node === undefined || node === null) return true;
  if (isScalar(node)) return node.value === null || node.value === '';
  if (isSeq(node) || isMap(node)) return node.items.length === 0;
  return false;
}

/** A value as written, for the input value parsers: the plain value and a scalar's raw text. */
export function writtenValue(
  document: Document,
  node: Node | null | undefined,
): { value: unknown; source?: string } {
  const value = toPlain(node, document);
  return isScalar(node) && typeof node.source === 'string' ? { value, source: node.source } : { value };
}

export { getPair, getValueNode };
