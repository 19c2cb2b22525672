// Dag checks Kestra makes when validating a flow: dependencies must name tasks of the same Dag and
// must not form a cycle.
import { allTasks, type TaskDef } from './flow-definition';
import type { FlowProblem } from './load-flow';

export function checkDagDependencies(tasks: TaskDef[]): FlowProblem[] {
  const problems: FlowProblem[] = [];
  for (const task of allTasks(tasks)) {
    if (!task.dependsOn) continue;
    const ids = new Set(task.lists.tasks?.map((child) => child.id) ?? []);
    const missing = [...task.dependsOn.values()].flat().filter((id) => !ids.has(id));
    if (missing.length > 0) {
      problems.push({
        position: task.position,
        code: 'dag-unknown-dependency',
        message: `Dag \`${task.id}\`: not existing task id in dependency: ${[...new Set(missing)].join(', ')}.`,
      });
      continue;
    }
    const cycle = findCycle(task.dependsOn);
    if (cycle) {
      problems.push({
        position: task.position,
        code: 'dag-cycle',
        message: `Dag \`${task.id}\`: cyclic dependency detected: ${cycle.join(', ')}.`,
      });
    }
  }
  return problems;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done') return undefined;
    if (state.get(id) === 'visiting') return [...path.slice(path.indexOf(id)), id];
    state.set(id, 'visiting');
    path.push(id);
    for (const next of graph.get(id) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(id, 'done');
    return undefined;
  };
  for (const id of graph.keys()) {
    const found = visit(id);
    if (found) return found;
  }
  return undefined;
}
