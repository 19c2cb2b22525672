// Text → FlowDef, refusing what cannot run: YAML errors, a missing id/namespace/tasks, tasks without
// id or type, duplicate ids, invalid inputs, and every task type the embedded engine does not run.
import type { Document } from 'yaml';
import { parseFlowDocument, type FlowDocument } from '../../flow/flow-document';
import type { TaskModel } from '../../flow/model';
import { toPlain } from '../../flow/yaml-nodes';
import { inputDefinitionFromPlain, type InputDefinition } from '../inputs/input-definition';
import type { ChildList, FlowDef, FlowOutputDef, Label, SourcePosition, TaskDef } from './flow-definition';
import { applyPluginDefaults, readPluginDefaults, type PluginDefault } from './plugin-defaults';
import { checkDagDependencies } from './dag-check';
import { PluginCatalog } from '../../flow/catalog';
import { validateParsedFlow } from '../../language/validate';
import { findSupportedTaskType } from './task-types';

export interface FlowProblem {
  position: SourcePosition;
  /** Stable kebab-case code. */
  code: string;
  message: string;
}

export type LoadFlowResult =
  | {
      ok: true;
      flow: FlowDef;
      /** Validator errors Kestra only meets at run time (expressions). */ warnings: FlowProblem[];
    }
  | { ok: false; problems: FlowProblem[] };

/**
 * Validator codes about expressions: a Kestra server accepts such a flow and only fails the task
 * that renders the expression, so the engine runs it too (and reports them as warnings).
 */
const RUNTIME_ONLY_CODES = new Set([
  'expression-syntax',
  'unknown-task-reference',
  'unknown-output',
  'output-not-yet-available',
  'unknown-variable',
  'unknown-input',
  'unknown-function',
  'unknown-filter',
  'unknown-test',
  'wrong-argument-count',
  'dynamic-expression-in-static-property',
]);

const CHILD_KEYS = new Set(['tasks', 'errors', 'then', 'else']);

/**
 * Reads a flow for execution. The project's validator (language/validate.ts) runs first: its errors
 * refuse the run; the engine adds what only it knows (task types it cannot run).
 */
export function loadFlow(text: string, filePath?: string): LoadFlowResult {
  // One parse serves both the validator and the engine's own reading.
  const parsed = parseFlowDocument(text);
  const loaded = readFlow(parsed, filePath);
  const validated = validateParsedFlow(parsed, PluginCatalog.bundled())
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ position: d.range.start, code: d.code, message: d.message }));
  const blocking = validated.filter((p) => !RUNTIME_ONLY_CODES.has(p.code));
  const warnings = validated.filter((p) => RUNTIME_ONLY_CODES.has(p.code));
  if (blocking.length === 0) return loaded.ok ? { ...loaded, warnings } : loaded;
  const lines = new Set(blocking.map((p) => p.position.line));
  const own = loaded.ok ? [] : loaded.problems.filter((p) => !lines.has(p.position.line));
  const problems = [...blocking, ...own].sort(
    (a, b) => a.position.line - b.position.line || a.position.character - b.position.character,
  );
  return { ok: false, problems };
}

/** The canonical name of a task type: the catalog's, else the engine's own table. */
export function canonicalTaskType(declared: string): string | undefined {
  return PluginCatalog.bundled().resolve(declared)?.spec.type ?? findSupportedTaskType(declared)?.type;
}

function readFlow(parsed: FlowDocument, filePath?: string): LoadFlowResult {
  const problems: FlowProblem[] = parsed.diagnostics
    .filter((d) => d.severity === 'error')
    .map((d) => ({ position: d.range.start, code: d.code, message: d.message }));
  if (problems.length > 0) return { ok: false, problems };
  const model = parsed.model;
  const document = parsed.document;
  const top = { line: 0, character: 0 };
  if (!model || !document) {
    return {
      ok: false,
      problems: [
        {
          position: top,
          code: 'not-a-flow',
          message: 'This is not a flow: a flow is a YAML mapping with `id`, `namespace` and `tasks`.',
        },
      ],
    };
  }
  const root = toPlain(model.root, document) as Record<string, unknown>;
  if (!model.id)
    problems.push({
      position: top,
      code: 'missing-id',
      message: 'The flow has no `id`: add `id: my_flow` at the top level.',
    });
  if (!model.namespace) {
    problems.push({
      position: top,
      code: 'missing-namespace',
      message: 'The flow has no `namespace`: add `namespace: company.team` at the top level.',
    });
  }
  if (model.tasks.length === 0) {
    const pair = model.keys.get('tasks');
    const position =
      pair?.key && (pair.key as { range?: [number, number] }).range
        ? parsed.lines.positionAt((pair.key as { range: [number, number] }).range[0])
        : top;
    problems.push({
      position,
      code: 'missing-tasks',
      message: 'The flow has no tasks: `tasks` must list at least one task.',
    });
  }

  const defaults = readPluginDefaults(root, canonicalTaskType);
  const builder = new TaskBuilder(document, defaults);
  const tasks = model.tasks.map((task) => builder.build(task));
  const errors = model.errors.filter((task) => task.slot === 'errors').map((task) => builder.build(task));
  problems.push(...builder.problems);
  problems.push(...checkDagDependencies([...tasks, ...errors]));

  const inputs: InputDefinition[] = [];
  const seenInputs = new Set<string>();
  model.inputs.forEach((inputModel) => {
    const definition = inputDefinitionFromPlain(toPlain(inputModel.node, document));
    const position = inputModel.range.start;
    if ('error' in definition) {
      problems.push({ position, code: 'invalid-input', message: `Invalid input: ${definition.error}.` });
      return;
    }
    if (seenInputs.has(definition.id)) {
      problems.push({
        position,
        code: 'duplicate-input',
        message: `Duplicate input with name [${definition.id}]: input ids must be unique.`,
      });
    }
    if (definition.type === 'FILE' && definition.defaults !== undefined) {
      problems.push({
        position,
        code: 'file-input-defaults',
        message: `Input \`${definition.id}\`: no \`defaults\` can be set for inputs of type 'FILE'.`,
      });
    }
    seenInputs.add(definition.id);
    inputs.push(definition);
  });

  if (problems.length > 0) return { ok: false, problems };
  const flow: FlowDef = {
    id: String(model.id?.value),
    namespace: String(model.namespace?.value),
    inputs,
    tasks,
    errors,
    outputs: readOutputs(root.outputs),
    labels: readLabels(root.labels),
    disabled: root.disabled === true,
    pluginDefaults: defaults,
    filePath,
  };
  if (typeof root.revision === 'number') flow.revision = root.revision;
  if (Array.isArray(root.listeners) && root.listeners.length > 0) flow.hasListeners = true;
  if (root.variables && typeof root.variables === 'object' && !Array.isArray(root.variables)) {
    flow.variables = root.variables as Record<string, unknown>;
  }
  if (root.retry && typeof root.retry === 'object' && !Array.isArray(root.retry)) {
    flow.retry = root.retry as Record<string, unknown>;
  }
  return { ok: true, flow, warnings: [] };
}

class TaskBuilder {
  readonly problems: FlowProblem[] = [];
  private readonly ids = new Set<string>();

  constructor(
    private readonly document: Document,
    private readonly defaults: PluginDefault[],
  ) {}

  build(model: TaskModel): TaskDef {
    const plain = applyPluginDefaults(toPlain(model.node, this.document), this.defaults) as Record<
      string,
      unknown
    >;
    const position = model.type ? model.type.range.start : model.range.start;
    const id = typeof plain.id === 'string' || typeof plain.id === 'number' ? String(plain.id) : '';
    const declaredType = typeof plain.type === 'string' ? plain.type : '';
    if (!id)
      this.problems.push({
        position: model.range.start,
        code: 'task-missing-id',
        message: 'This task has no `id`: every task needs a unique id.',
      });
    else if (this.ids.has(id)) {
      this.problems.push({
        position: model.id?.range.start ?? position,
        code: 'duplicate-id',
        message: `Duplicate task id with name [${id}]: task ids must be unique across the flow.`,
      });
    }
    if (id) this.ids.add(id);
    const canonical = declaredType ? canonicalTaskType(declaredType) : undefined;
    const supported = canonical ? findSupportedTaskType(canonical) : undefined;
    if (!declaredType) {
      this.problems.push({
        position: model.range.start,
        code: 'task-missing-type',
        message: `Task \`${id || '?'}\` has no \`type\`.`,
      });
    } else if (!supported) {
      const what = canonical
        ? `uses the core task \`${canonical}\`, which the embedded engine does not run`
        : `has type \`${declaredType}\`, which is not a core task: the embedded engine runs core tasks only`;
      this.problems.push({
        position,
        code: 'unsupported-task-type',
        message: `Task \`${id || '?'}\` ${what}. Run this flow on a Kestra server instead: \`kestra-flow run FILE --server URL\`.`,
      });
    }
    const kind = supported?.kind ?? 'runnable';
    const props: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(plain)) {
      if (
        kind === 'flowable' &&
        (CHILD_KEYS.has(key) ||
          (supported?.type.endsWith('.Switch') && (key === 'cases' || key === 'defaults')))
      )
        continue;
      props[key] = value;
    }
    const task: TaskDef = {
      id,
      type: supported?.type ?? declaredType,
      declaredType,
      kind,
      props,
      position,
      lists: {},
      cases: [],
    };
    for (const child of model.children) {
      const built = this.build(child);
      if (child.slot === 'cases') {
        let entry = task.cases.find((c) => c.key === child.caseKey);
        if (!entry) task.cases.push((entry = { key: child.caseKey ?? '', tasks: [] }));
        entry.tasks.push(built);
      } else if (child.slot !== 'finally' && child.slot !== 'afterExecution' && child.slot !== 'listeners') {
        const slot = child.slot as ChildList;
        (task.lists[slot] ??= []).push(built);
      }
      if (child.dagItem) {
        task.dependsOn ??= new Map();
        task.dependsOn.set(
          built.id,
          child.dependsOn.map((d) => d.value),
        );
      }
    }
    return task;
  }
}

function readOutputs(value: unknown): FlowOutputDef[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (item): item is Record<string, unknown> => !!item && typeof item === 'object' && !Array.isArray(item),
    )
    .map((item) => ({ id: String(item.id ?? ''), type: String(item.type ?? 'STRING'), value: item.value }));
}

/** Labels as a map (values converted to strings) or as a list of `{key, value}`. */
export function readLabels(value: unknown): Label[] {
  if (Array.isArray(value)) {
    return value
      .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
      .map((item) => ({ key: String(item.key ?? ''), value: String(item.value ?? '') }));
  }
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, item]) => ({
      key,
      value: String(item),
    }));
  }
  return [];
}
