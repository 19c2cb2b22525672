// `outputs` as `{{ outputs.X }}` sees it (§6.3), built from an Execution JSON's `taskRunList`: each
// run with outputs goes under its task id, then the values of its ancestors (outermost first), then
// its own value; runs of one task are deep-merged with Kestra's MapUtils.merge.
import type { JsonMap } from '../engine/events';
import { toJsonMap } from '../engine/events';
import { mergeMaps } from '../engine/flow/plugin-defaults';
import type { KestraTaskRun } from './kestra-json';

export function outputsTree(runs: KestraTaskRun[]): JsonMap {
  const byId = new Map(runs.map((run) => [run.id, run]));
  let result: Record<string, unknown> = {};
  for (const run of runs) {
    if (!run.outputs) continue;
    const values: string[] = [];
    const seen = new Set<string>([run.id]);
    for (let parent = parentOf(run, byId); parent && !seen.has(parent.id); parent = parentOf(parent, byId)) {
      seen.add(parent.id);
      if (parent.value !== undefined) values.unshift(parent.value);
    }
    if (run.value !== undefined) values.push(run.value);
    let node: Record<string, unknown> = run.outputs;
    for (let i = values.length - 1; i >= 0; i--) node = { [values[i]]: node };
    result = mergeMaps(result, { [run.taskId]: node });
  }
  return toJsonMap(result);
}

function parentOf(run: KestraTaskRun, byId: Map<string, KestraTaskRun>): KestraTaskRun | undefined {
  return run.parentTaskRunId !== undefined ? byId.get(run.parentTaskRunId) : undefined;
}
