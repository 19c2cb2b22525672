// Kestra's DagTaskValidator: every `dependsOn` id names a task of the same Dag, and there is no cycle.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { Located, TaskModel } from '../../flow/model';
import { findCycles } from './graph-cycles';
import { diagnostic, isTaskOfType, type FlowRule } from './rule-context';

const DAG = 'io.kestra.plugin.core.flow.Dag';

function checkDag(dag: TaskModel): FlowDiagnostic[] {
  const members = dag.children.filter((child) => child.slot === 'tasks' && child.dagItem);
  const ids = new Set(members.flatMap((m) => (m.id ? [m.id.value] : [])));
  const found: FlowDiagnostic[] = [];
  const edges = new Map<string, Located<string>[]>();
  for (const member of members) {
    if (!member.id) continue;
    const known: Located<string>[] = [];
    for (const dependency of member.dependsOn) {
      if (ids.has(dependency.value)) known.push(dependency);
      else {
        const list = [...ids].sort().join(', ');
        found.push(
          diagnostic(
            dependency.range,
            'error',
            'unknown-dependency',
            `'${dependency.value}' is not a task of Dag '${dag.id?.value ?? ''}': \`dependsOn\` names tasks of the same Dag (${list}).`,
          ),
        );
      }
    }
    edges.set(member.id.value, known);
  }
  for (const cycle of findCycles([...edges.keys()], (id) => edges.get(id)?.map((d) => d.value) ?? [])) {
    const inCycle = new Set(cycle);
    for (const id of cycle) {
      for (const dependency of edges.get(id) ?? []) {
        if (!inCycle.has(dependency.value)) continue;
        found.push(
          diagnostic(
            dependency.range,
            'error',
            'dependency-cycle',
            `Cyclic dependency detected in Dag '${dag.id?.value ?? ''}' between ${cycle.join(', ')}: remove one of these \`dependsOn\` entries.`,
          ),
        );
      }
    }
  }
  return found;
}

export const dagDependencies: FlowRule = ({ model, catalog }) =>
  model.allTasks.filter((task) => isTaskOfType(catalog, task, DAG)).flatMap(checkDag);
