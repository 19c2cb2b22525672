// The task types the embedded engine runs, with their deprecated aliases (reference §9.1).
// Type matching is case-insensitive and alias-aware, as in Kestra's plugin registry.

export type TaskKind = 'runnable' | 'flowable' | 'executable';

interface SupportedType {
  type: string;
  kind: TaskKind;
  aliases: string[];
}

const CORE = 'io.kestra.plugin.core';
const OLD_FLOWS = 'io.kestra.core.tasks.flows';

function flowable(name: string, alias = true): SupportedType {
  return { type: `${CORE}.flow.${name}`, kind: 'flowable', aliases: alias ? [`${OLD_FLOWS}.${name}`] : [] };
}

export const SUPPORTED_TASK_TYPES: readonly SupportedType[] = [
  { type: `${CORE}.http.Request`, kind: 'runnable', aliases: ['io.kestra.plugin.fs.http.Request'] },
  { type: `${CORE}.http.Download`, kind: 'runnable', aliases: ['io.kestra.plugin.fs.http.Download'] },
  { type: `${CORE}.log.Log`, kind: 'runnable', aliases: ['io.kestra.core.tasks.log.Log'] },
  { type: `${CORE}.debug.Return`, kind: 'runnable', aliases: ['io.kestra.core.tasks.debugs.Return'] },
  { type: `${CORE}.debug.Echo`, kind: 'runnable', aliases: ['io.kestra.core.tasks.debugs.Echo'] },
  { type: `${CORE}.output.OutputValues`, kind: 'runnable', aliases: [] },
  { type: `${CORE}.flow.Sleep`, kind: 'runnable', aliases: [] },
  { type: `${CORE}.execution.Fail`, kind: 'runnable', aliases: ['io.kestra.core.tasks.executions.Fail'] },
  { type: `${CORE}.execution.Labels`, kind: 'runnable', aliases: ['io.kestra.core.tasks.executions.Labels'] },
  { type: `${CORE}.kv.Set`, kind: 'runnable', aliases: [] },
  { type: `${CORE}.kv.Get`, kind: 'runnable', aliases: [] },
  { type: `${CORE}.kv.GetKeys`, kind: 'runnable', aliases: [] },
  { type: `${CORE}.kv.Delete`, kind: 'runnable', aliases: [] },
  {
    type: `${CORE}.templating.TemplatedTask`,
    kind: 'runnable',
    aliases: ['io.kestra.core.tasks.templating.TemplatedTask'],
  },
  flowable('Sequential'),
  flowable('Parallel'),
  flowable('If'),
  flowable('Switch'),
  flowable('ForEach', false),
  flowable('EachSequential'),
  flowable('EachParallel'),
  flowable('Dag'),
  flowable('AllowFailure'),
  flowable('Pause'),
  flowable('WaitFor', false),
  {
    type: `${CORE}.flow.Subflow`,
    kind: 'executable',
    aliases: [`${OLD_FLOWS}.Subflow`, `${OLD_FLOWS}.Flow`],
  },
];

const byLowerName = new Map<string, SupportedType>();
for (const entry of SUPPORTED_TASK_TYPES) {
  for (const name of [entry.type, ...entry.aliases]) byLowerName.set(name.toLowerCase(), entry);
}

export interface SupportedTaskType {
  /** Canonical class name. */
  type: string;
  kind: TaskKind;
}

/** The supported type a declared `type` names (any case, canonical or alias), if any. */
export function findSupportedTaskType(declared: string): SupportedTaskType | undefined {
  const entry = byLowerName.get(declared.toLowerCase());
  return entry ? { type: entry.type, kind: entry.kind } : undefined;
}

/** Canonical name of a supported type or alias (for plugin defaults written with an old name). */
export function canonicalTaskType(declared: string): string | undefined {
  return byLowerName.get(declared.toLowerCase())?.type;
}
