// Iteration values of ForEach / EachSequential / EachParallel (FlowableUtils.resolveEachTasks): a
// string is rendered then read as a JSON array; a list is rendered item by item (strings, integers,
// maps only). Duplicates are dropped, nulls refused; each value becomes a string (JSON for non-strings).
import type { PebbleValue } from '../../expr/values';
import { toJsonText } from '../../expr/values';
import type { TaskDef } from '../flow/flow-definition';
import type { ResolvedTask } from '../run/flowable-utils';
import type { TaskRun } from '../run/execution';
import type { TaskContext } from '../run/task-context';
import { javaClassName, javaToString } from '../java-text';

export function iterationValues(ctx: TaskContext, raw: unknown): string[] {
  let values: PebbleValue[];
  if (typeof raw === 'string') {
    const rendered = ctx.render(raw);
    let parsed: unknown;
    try {
      parsed = JSON.parse(rendered);
    } catch (error) {
      throw new Error(
        `Unable to read the values as a JSON array: ${(error as Error).message} (rendered: ${rendered})`,
      );
    }
    if (!Array.isArray(parsed)) throw new Error(`The values must render to a JSON array, got: ${rendered}`);
    values = parsed as PebbleValue[];
  } else if (Array.isArray(raw)) {
    values = raw.map((item) => {
      if (typeof item === 'string') return ctx.render(item);
      if (typeof item === 'number' && Number.isInteger(item)) return ctx.render(String(item));
      if (item && typeof item === 'object' && !Array.isArray(item)) return ctx.renderValue(item);
      throw new Error(
        `Unknown value element type: ${item === null ? 'null' : `class ${javaClassName(item)}`}`,
      );
    });
  } else {
    throw new Error(
      `Unknown value type: ${raw === null || raw === undefined ? 'null' : `class ${javaClassName(raw)}`}`,
    );
  }
  const seen = new Set<string>();
  const distinct: PebbleValue[] = [];
  for (const value of values) {
    const key = typeof value === 'string' ? `s:${value}` : `j:${toJsonText(value)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    distinct.push(value);
  }
  const nulls = distinct.filter((value) => value === null).length;
  if (nulls > 0) throw new Error(`Found '${nulls}' null values on Each, with values=${javaToString(values)}`);
  return distinct.map((value) => (typeof value === 'string' ? value : toJsonText(value)));
}

const cache = new WeakMap<TaskRun, ResolvedTask[]>();

/** Values × tasks, computed once per task run (so the iteration cannot change mid-way). */
export function eachTasks(ctx: TaskContext, raw: unknown, defs: TaskDef[] | undefined): ResolvedTask[] {
  let resolved = cache.get(ctx.taskRun);
  if (!resolved) {
    resolved = iterationValues(ctx, raw).flatMap((value) => (defs ?? []).map((def) => ({ def, value })));
    cache.set(ctx.taskRun, resolved);
  }
  return resolved;
}
