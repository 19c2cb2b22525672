// Every place a task id, input id or variable name appears: its declaration (`id:` of a task or an
// input, a key of `variables`) and its uses (expressions, Dag `dependsOn`, input `dependsOn.inputs`).
import type { Scalar } from 'yaml';
import type { ExpressionSite } from '../../flow/expression-sites';
import { expressionSitesAt, type FlowDocument } from '../../flow/flow-document';
import type { Located } from '../../flow/model';
import { containsPosition, type Position, type Range } from '../../flow/range';
import { scalarOffsets } from '../../flow/scalar-offsets';
import { expressionRefs, siteContains, type ExpressionRef, type RefKind } from '../expression-refs';

export interface Occurrence {
  kind: RefKind;
  name: string;
  range: Range;
  /** Document offsets of the name. */
  start: number;
  end: number;
  declaration: boolean;
  /** Where it is, for people: `print_status · message`, `dependsOn of d2`. */
  where: string;
  /** Set for uses inside expressions. */
  ref?: ExpressionRef;
}

/** What to collect: everything, or only what lies at `offset` and/or is named `name`. */
interface Wanted {
  offset?: number;
  name?: string;
}

/**
 * The occurrences wanted. Not cached: hover, definition, references and rename ask for the ones at a
 * position or of one name, which reads only the strings that can hold them.
 */
function collect(doc: FlowDocument, wanted: Wanted): Occurrence[] {
  const model = doc.model;
  if (!model) return [];
  const { offset, name } = wanted;
  const result: Occurrence[] = [];
  const scalar = (
    kind: RefKind,
    located: Located<string> | undefined,
    declaration: boolean,
    where: string,
  ): void => {
    if (!located || (name !== undefined && located.value !== name)) return;
    const range = located.node.range;
    if (offset !== undefined && (!range || offset < range[0] || offset > range[1])) return;
    const [start, end] = innerSpan(doc.text, located.node, located.value);
    result.push({
      kind,
      name: located.value,
      range: doc.lines.range(start, end),
      start,
      end,
      declaration,
      where,
    });
  };
  for (const task of model.allTasks) {
    scalar('task', task.id, true, 'id');
    if (task.dependsOn.length === 0) continue;
    const owner = `dependsOn of ${task.id?.value ?? 'a Dag task'}`;
    for (const dependency of task.dependsOn) scalar('task', dependency, false, owner);
  }
  for (const input of model.inputs) {
    scalar('input', input.id, true, 'id');
    const owner = `dependsOn of input ${input.id?.value ?? ''}`.trimEnd();
    for (const dependency of input.dependsOn) scalar('input', dependency, false, owner);
  }
  for (const variable of model.variables) scalar('variable', variable.key, true, 'variables');
  const inputIds = new Set(model.inputs.flatMap((i) => (i.id ? [i.id.value] : [])));
  // A name is written out in every string that uses it (`outputs.x`, `outputs['x']`): the other
  // strings need not be parsed.
  const include = (site: ExpressionSite): boolean =>
    (offset === undefined || siteContains(site, offset)) && (name === undefined || site.value.includes(name));
  // At a position, only the strings around it are looked at.
  const sites = offset === undefined ? doc.expressions : expressionSitesAt(doc, offset);
  for (const ref of expressionRefs(doc, inputIds, include, sites)) {
    if (name !== undefined && ref.name !== name) continue;
    result.push({
      kind: ref.kind,
      name: ref.name,
      range: doc.lines.range(ref.start, ref.end),
      start: ref.start,
      end: ref.end,
      declaration: false,
      where: siteWhere(ref.site),
      ref,
    });
  }
  return result.sort((a, b) => a.start - b.start);
}

/** `task_id · property` for a string inside a task, else the property path from the flow root. */
function siteWhere(site: ExpressionSite): string {
  const path = site.path;
  let last = path.length;
  while (last > 0 && typeof path[last - 1] !== 'number') last--;
  const tail = path.slice(last).join('.') || String(path.filter((p) => typeof p === 'string').pop() ?? '');
  if (site.task?.id) return `${site.task.id.value} · ${tail}`;
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');
}

/** Offsets of a scalar's value in the text, without its quotes. */
function innerSpan(text: string, node: Scalar, value: string): [number, number] {
  const offsets = scalarOffsets(text, node, value);
  if (value.length === 0) return [offsets[0], offsets[0]];
  return [offsets[0], offsets[value.length - 1] + 1];
}

export function occurrenceAt(doc: FlowDocument, position: Position): Occurrence | undefined {
  return collect(doc, { offset: doc.lines.offsetAt(position) }).find((o) =>
    containsPosition(o.range, position),
  );
}

/** The declaration and uses of the same name. */
export function sameSymbol(doc: FlowDocument, of: Pick<Occurrence, 'kind' | 'name'>): Occurrence[] {
  return collect(doc, { name: of.name }).filter((o) => o.kind === of.kind);
}

export function declarationOf(
  doc: FlowDocument,
  of: Pick<Occurrence, 'kind' | 'name'>,
): Occurrence | undefined {
  return sameSymbol(doc, of).find((o) => o.declaration);
}
