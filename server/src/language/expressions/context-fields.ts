// The fields of Kestra's context variables (reference §6.1, §6.2, §1.11, §5.3) for completion.
import type { Catalog } from '../../flow/catalog-types';

export interface ContextField {
  name: string;
  type: string;
  description: string;
}

const field = (name: string, type: string, description: string): ContextField => ({
  name,
  type,
  description,
});

export const FLOW_FIELDS: ContextField[] = [
  field('id', 'string', 'Id of the flow.'),
  field('namespace', 'string', 'Namespace of the flow.'),
  field('revision', 'integer', 'Revision of the flow (absent when unknown).'),
  field('tenantId', 'string', 'Tenant of the flow (absent without multi-tenancy).'),
];

export const EXECUTION_FIELDS: ContextField[] = [
  field('id', 'string', 'Id of the execution.'),
  field('startDate', 'datetime', 'When the execution started.'),
  field(
    'originalId',
    'string',
    'Id of the first execution of a replay chain (the execution’s own id otherwise).',
  ),
];

export const TASK_FIELDS: ContextField[] = [
  field('id', 'string', 'Id of the current task.'),
  field('type', 'string', 'Type of the current task.'),
];

export const TASKRUN_FIELDS: ContextField[] = [
  field('id', 'string', 'Id of the current task run.'),
  field('startDate', 'datetime', 'When the task run started.'),
  field('attemptsCount', 'integer', 'Number of attempts so far.'),
  field('parentId', 'string', 'Id of the parent task run (inside a flowable).'),
];

export const TASKRUN_VALUE = field(
  'value',
  'string',
  'The current iteration value of the enclosing ForEach (a string; JSON text for objects: use `fromJson(taskrun.value)`).',
);
export const TASKRUN_ITERATION = field(
  'iteration',
  'integer',
  'The current iteration of the enclosing WaitFor loop.',
);
export const TASKRUN_ITEMS = field('items', 'uri', 'URI of the batch file of this ForEachItem iteration.');

export const PARENT_FIELDS: ContextField[] = [
  field('taskrun', 'map', 'The ancestor task run: `parent.taskrun.value` is its iteration value.'),
  field('outputs', 'map', 'Outputs of the ancestor flowable (If `evaluationResult`, Switch `value`…).'),
];

export const PARENT_TASKRUN_FIELDS: ContextField[] = [
  field('value', 'string', 'Iteration value carried by the ancestor task run.'),
];

export const LOOP_FIELDS: ContextField[] = [
  field('index', 'integer', 'Index of the current iteration, from 0.'),
  field('revindex', 'integer', 'Iterations left after this one.'),
  field('first', 'boolean', 'True on the first iteration.'),
  field('last', 'boolean', 'True on the last iteration.'),
  field('length', 'integer', 'Number of items iterated.'),
];

/** Variables of a trigger beyond the outputs its catalog spec lists. */
const EXTRA_TRIGGER_FIELDS: Record<string, ContextField[]> = {
  'io.kestra.plugin.core.trigger.Flow': [field('outputs', 'map', 'Outputs of the upstream execution.')],
};

/** When no trigger is declared: what a parent Subflow task passes as `trigger` (reference §3.19). */
export const SUBFLOW_TRIGGER_FIELDS: ContextField[] = [
  field('executionId', 'string', 'Id of the parent execution (when started by a Subflow task).'),
  field('namespace', 'string', 'Namespace of the parent flow.'),
  field('flowId', 'string', 'Id of the parent flow.'),
  field('flowRevision', 'integer', 'Revision of the parent flow.'),
];

/** `trigger.*` for a trigger type: its variables (outputs in the catalog), undefined when unknown. */
export function triggerFields(catalog: Catalog, type: string): ContextField[] | undefined {
  const spec = catalog.resolve(type)?.spec;
  if (!spec || spec.kind !== 'trigger' || !spec.outputsKnown) return undefined;
  const own = spec.outputs.map((o) => field(o.name, o.type, o.description));
  const extra = (EXTRA_TRIGGER_FIELDS[spec.type] ?? []).filter((e) => !own.some((o) => o.name === e.name));
  return [...own, ...extra];
}
