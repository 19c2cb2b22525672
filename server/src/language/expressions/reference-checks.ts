// Names an expression reads from the flow: `inputs.X`, `vars.X`, `outputs.X.Y`, `tasks.X`. Each is
// checked against the flow only where the answer is certain; dynamic forms (computed keys, names a
// template binds itself, guarded reads, macro bodies) are left alone.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { TaskModel } from '../../flow/model';
import type { LineIndex } from '../../flow/range';
import { closestName } from '../../flow/schema-validation-suggest';
import type { AccessChain, Segment } from './access-chain';
import { outputsOf, type FlowAnalysis } from './flow-analysis';
import { isGuarded } from './guards';
import { DAG } from './flowable-kinds';
import { isAncestor, meet } from './task-order';
import type { CallableRegistry } from './known-callables';
import { spanRange } from './site-range';
import type { TemplateFacts } from './template-facts';

/** The roots whose names the flow declares. */
export const REFERENCE_ROOTS: ReadonlySet<string> = new Set(['inputs', 'vars', 'outputs', 'tasks']);

export interface ReferenceSite {
  facts: TemplateFacts;
  /** Read only when there is something to report (the site computes it on first use). */
  readonly offsets: number[];
  /** The task whose run renders the string, when its order matters (`output-not-yet-available`). */
  current?: TaskModel;
}

interface Reference {
  chain: AccessChain;
  first: Extract<Segment, { kind: 'name' }>;
  guarded: boolean;
}

export function referenceDiagnostics(
  analysis: FlowAnalysis,
  site: ReferenceSite,
  lines: LineIndex,
  registry: CallableRegistry,
): FlowDiagnostic[] {
  const { bound, roots } = site.facts;
  const references: Reference[] = [];
  for (const use of roots) {
    const first = use.chain.segments[0];
    if (use.inMacro || bound.has(use.chain.root.name) || first?.kind !== 'name') continue;
    references.push({ chain: use.chain, first, guarded: isGuarded(use.path, registry) });
  }
  // A name read under a guard anywhere in the string is treated as optional everywhere in it
  // (`{% if outputs.t is defined %}{{ outputs.t.value }}{% endif %}`).
  const optional = new Set(references.filter((r) => r.guarded).map((r) => key(r)));
  const found: FlowDiagnostic[] = [];
  for (const reference of references) {
    if (optional.has(key(reference))) continue;
    const diagnostic = check(analysis, site, reference, lines);
    if (diagnostic) found.push(diagnostic);
  }
  return found;
}

function key(reference: Reference): string {
  return `${reference.chain.root.name}\u0000${reference.first.name}`;
}

function check(
  analysis: FlowAnalysis,
  site: ReferenceSite,
  reference: Reference,
  lines: LineIndex,
): FlowDiagnostic | undefined {
  const { first, chain } = reference;
  const range = spanRange(site.offsets, lines, first.span);
  const name = first.name;
  switch (chain.root.name) {
    case 'inputs': {
      const ids = analysis.inputIds;
      if (ids.some((id) => id === name || id.startsWith(`${name}.`))) return undefined;
      const suggestion = closestName(name, ids);
      return {
        range,
        severity: 'error',
        code: 'unknown-input',
        message: `No input \`${name}\` is declared: ${ids.length ? `use one of ${list(ids)}, or ` : ''}declare it under \`inputs\`.`,
        ...(suggestion ? { data: { suggestion } } : {}),
      };
    }
    case 'vars': {
      const names = analysis.variableNames;
      if (names.some((v) => v === name || v.startsWith(`${name}.`))) return undefined;
      const suggestion = closestName(name, names);
      return {
        range,
        severity: 'error',
        code: 'unknown-variable',
        message: `No variable \`${name}\` is declared: ${names.length ? `use one of ${list(names)}, or ` : ''}add it under \`variables\`.`,
        ...(suggestion ? { data: { suggestion } } : {}),
      };
    }
    default:
      return taskReference(analysis, site, reference, lines);
  }
}

function taskReference(
  analysis: FlowAnalysis,
  site: ReferenceSite,
  reference: Reference,
  lines: LineIndex,
): FlowDiagnostic | undefined {
  const { first, chain } = reference;
  const id = first.name;
  const range = spanRange(site.offsets, lines, first.span);
  const tasks = analysis.tasksById.get(id);
  if (!tasks && !analysis.hidden.has(id) && !analysis.declaredIds.has(id)) {
    if (analysis.inlinesTasks) return undefined;
    const ids = [...analysis.tasksById.keys(), ...analysis.hidden.keys()];
    const suggestion = closestName(id, ids);
    return {
      range,
      severity: 'error',
      code: 'unknown-task-reference',
      message: `No task \`${id}\` in this flow: ${suggestion ? `did you mean \`${suggestion}\`? Use` : 'use'} the id of a task declared in the flow.`,
      ...(suggestion ? { data: { suggestion } } : {}),
    };
  }
  if (chain.root.name !== 'outputs') return undefined;
  const hidden = analysis.hidden.get(id);
  if (hidden) return unknownOutput(analysis, site, reference, lines, hidden.owner);
  if (!tasks) return undefined;
  const current = site.current;
  if (current && !tasks.some((t) => analysis.order.canPrecede(t, current, 'relaxed'))) {
    const target = tasks[0];
    const message =
      target === current
        ? `Task \`${id}\` reads its own outputs, which exist only once it has run: read them in a later task.`
        : `Task \`${id}\` cannot have run before \`${current.id?.value ?? 'this task'}\`${why(analysis, target, current)}, so its outputs are not available here: move \`${id}\` earlier, or read its outputs in a later task.`;
    return { range, severity: 'warning', code: 'output-not-yet-available', message };
  }
  return tasks.length === 1 ? unknownOutput(analysis, site, reference, lines, tasks[0]) : undefined;
}

function unknownOutput(
  analysis: FlowAnalysis,
  site: ReferenceSite,
  reference: Reference,
  lines: LineIndex,
  task: TaskModel,
): FlowDiagnostic | undefined {
  const id = reference.first.name;
  const known = outputsOf(analysis, id);
  if (!known) return undefined;
  // Under ForEach the outputs are keyed by iteration value first (reference §6.3).
  const levels = analysis.kinds.iterationLevels(task);
  const segment = reference.chain.segments[1 + levels];
  if (segment?.kind !== 'name') return undefined;
  const names = known.outputs.map((o) => o.name);
  if (names.includes(segment.name)) return undefined;
  const typeName = known.typeName.slice(known.typeName.lastIndexOf('.') + 1);
  const suggestion = closestName(segment.name, names);
  const advice = names.length ? `use one of ${list(names)}` : `a ${typeName} task has no outputs`;
  return {
    range: spanRange(site.offsets, lines, segment.span),
    severity: 'error',
    code: 'unknown-output',
    message: `Task \`${id}\` (${typeName}) has no output \`${segment.name}\`: ${advice}.`,
    ...(suggestion ? { data: { suggestion } } : {}),
  };
}

/** Why `target` has not run yet when `current` starts. */
function why(analysis: FlowAnalysis, target: TaskModel, current: TaskModel): string {
  if (isAncestor(current, target)) return ' (it runs inside it)';
  const { common, currentSide, targetSide } = meet(current, target);
  if (common && analysis.kinds.runsChildrenInParallel(common) && currentSide.slot === targetSide.slot) {
    return ' (they run in parallel)';
  }
  if (common && analysis.kinds.is(common, DAG) && currentSide.slot === targetSide.slot) {
    return ' (it is not in its `dependsOn`)';
  }
  if (currentSide.slot !== targetSide.slot || currentSide.caseKey !== targetSide.caseKey)
    return ' (it is in another branch)';
  return ' (it comes later)';
}

function list(names: string[]): string {
  const shown = names.slice(0, 8).map((n) => `\`${n}\``);
  return names.length > 8 ? `${shown.join(', ')}…` : shown.join(', ');
}
