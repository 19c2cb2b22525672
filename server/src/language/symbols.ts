// Document symbols: the flow, its inputs, variables, tasks (nested as written, Switch cases grouped by
// their key), triggers and outputs, for the outline view and breadcrumbs.
import { isMap, type Node, type Pair, type YAMLMap } from 'yaml';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { FlowDocument } from '../flow/flow-document';
import type { Located, TaskModel } from '../flow/model';
import type { LineIndex, Range } from '../flow/range';
import { getPair, nodeSpan, pairSpan } from '../flow/yaml-nodes';

export function documentSymbols(doc: FlowDocument): DocumentSymbol[] {
  const model = doc.model;
  if (!model) return [];
  const lines = doc.lines;
  const whole = lines.range(0, doc.text.length);
  const children: DocumentSymbol[] = [];
  const group = (key: string, kind: SymbolKind, items: DocumentSymbol[]): void => {
    const pair = model.keys.get(key);
    if (pair) children.push(groupSymbol(lines, pair, key, kind, items));
  };
  group(
    'inputs',
    SymbolKind.Array,
    model.inputs.map((input) =>
      symbol(
        lines,
        input.id?.value ?? '(input)',
        input.type?.value,
        SymbolKind.Variable,
        input.node,
        input.id,
      ),
    ),
  );
  group(
    'variables',
    SymbolKind.Object,
    model.variables.map((entry) => {
      const span = pairSpan(entry.pair) ?? [0, 0];
      return {
        name: entry.key.value || '""',
        kind: SymbolKind.Constant,
        range: spanRange(lines, span[0], span[1]),
        selectionRange: entry.key.range,
      };
    }),
  );
  for (const slot of ['tasks', 'errors', 'finally', 'afterExecution'] as const) {
    group(
      slot,
      SymbolKind.Array,
      [...model.tasks, ...model.errors].filter((t) => t.slot === slot).map((t) => taskSymbol(lines, t)),
    );
  }
  group(
    'triggers',
    SymbolKind.Array,
    model.triggers.map((t) =>
      symbol(lines, t.id?.value ?? '(trigger)', shortType(t.type), SymbolKind.Event, t.node, t.id),
    ),
  );
  group(
    'outputs',
    SymbolKind.Array,
    model.outputs.map((o) =>
      symbol(lines, o.id?.value ?? '(output)', o.type?.value, SymbolKind.Field, o.node, o.id),
    ),
  );
  const flow: DocumentSymbol = {
    // An empty `id: ""` must not give an empty name: editors reject those.
    name: (model.id?.value ?? '(flow)') || '""',
    kind: SymbolKind.Module,
    range: whole,
    selectionRange: model.id?.range ?? { start: whole.start, end: whole.start },
    children,
  };
  if (model.namespace) flow.detail = model.namespace.value;
  return [flow];
}

function taskSymbol(lines: LineIndex, task: TaskModel): DocumentSymbol {
  const result = symbol(
    lines,
    task.id?.value ?? '(task)',
    shortType(task.type),
    SymbolKind.Function,
    task.node,
    task.id,
  );
  const children: DocumentSymbol[] = [];
  // Children in text order, those of `tasks` inline, other slots (then, else, errors, a case…) grouped.
  const groups = new Map<string, DocumentSymbol>();
  for (const child of task.children) {
    const childSymbol = taskSymbol(lines, child);
    if (child.slot === 'tasks' && !child.caseKey) {
      children.push(childSymbol);
      continue;
    }
    const name = child.slot === 'cases' ? (child.caseKey ?? '') : child.slot;
    let holder = groups.get(`${child.slot}:${name}`);
    if (!holder) {
      const pair = slotPair(task.node, child);
      if (!pair) {
        children.push(childSymbol);
        continue;
      }
      holder = groupSymbol(
        lines,
        pair,
        name,
        child.slot === 'cases' ? SymbolKind.EnumMember : SymbolKind.Array,
        [],
      );
      if (child.slot === 'cases') holder.detail = 'case';
      groups.set(`${child.slot}:${name}`, holder);
      children.push(holder);
    }
    holder.children!.push(childSymbol);
  }
  if (children.length) result.children = children;
  return result;
}

/** The `then:` (or `cases:` → `<key>:`) pair of `parent` that holds `child`. */
function slotPair(parent: YAMLMap, child: TaskModel): Pair | undefined {
  const pair = getPair(parent, child.slot);
  if (!pair || child.slot !== 'cases') return pair;
  const cases = pair.value;
  if (!isMap(cases)) return undefined;
  return cases.items.find(
    (p) => String((p.key as { value?: unknown } | null)?.value ?? '') === child.caseKey,
  ) as Pair | undefined;
}

function groupSymbol(
  lines: LineIndex,
  pair: Pair,
  name: string,
  kind: SymbolKind,
  children: DocumentSymbol[],
): DocumentSymbol {
  const span = pairSpan(pair) ?? [0, 0];
  const key = nodeSpan(pair.key as Node) ?? span;
  // Editors reject symbols with an empty name (an empty case key is legal YAML).
  return {
    name: name || '""',
    kind,
    range: spanRange(lines, span[0], span[1]),
    selectionRange: lines.range(key[0], key[1]),
    children,
  };
}

function symbol(
  lines: LineIndex,
  name: string,
  detail: string | undefined,
  kind: SymbolKind,
  node: YAMLMap,
  id: Located<string> | undefined,
): DocumentSymbol {
  const span = nodeSpan(node) ?? [0, 0];
  const range = spanRange(lines, span[0], span[1]);
  const result: DocumentSymbol = {
    name: name || '""',
    kind,
    range,
    selectionRange: id ? within(id.range, range) : startOf(range),
  };
  if (detail) result.detail = detail;
  return result;
}

/** Range of [start, end) without the trailing spaces and line breaks a block node ends with. */
function spanRange(lines: LineIndex, start: number, end: number): Range {
  let last = end;
  while (last > start && /\s/.test(lines.text[last - 1])) last--;
  return lines.range(start, last);
}

/**
 * `selection` clamped into `range`: editors reject a selection outside its symbol, and an id written as
 * a block scalar (`id: |`) ends on the next line, past the trimmed range of its task.
 */
function within(selection: Range, range: Range): Range {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  const clamp = (p: Range['start']) =>
    before(p, range.start) ? range.start : before(range.end, p) ? range.end : p;
  return { start: clamp(selection.start), end: clamp(selection.end) };
}

function startOf(range: Range): Range {
  return { start: range.start, end: range.start };
}

function shortType(type: Located<string> | undefined): string | undefined {
  return type ? type.value.slice(type.value.lastIndexOf('.') + 1) : undefined;
}
