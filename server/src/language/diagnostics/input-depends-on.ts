// FlowValidator: `dependsOn.inputs` names existing inputs (`Input with id 'a' depends on a
// non-existent input 'b'.`) and the dependencies have no cycle.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import { findCycles } from './graph-cycles';
import { diagnostic, type FlowRule } from './rule-context';

export const inputDependsOn: FlowRule = ({ model }) => {
  const found: FlowDiagnostic[] = [];
  const ids = new Set(model.inputs.flatMap((input) => (input.id ? [input.id.value] : [])));
  const edges = new Map<string, string[]>();
  for (const input of model.inputs) {
    if (!input.id) continue;
    for (const dependency of input.dependsOn) {
      if (!ids.has(dependency.value)) {
        found.push(
          diagnostic(
            dependency.range,
            'error',
            'unknown-input-dependency',
            `Input '${input.id.value}' depends on a non-existent input '${dependency.value}': use one of ${[...ids].filter((id) => id !== input.id?.value).join(', ') || '(no other input)'}.`,
          ),
        );
      }
    }
    edges.set(
      input.id.value,
      input.dependsOn.map((d) => d.value).filter((d) => ids.has(d)),
    );
  }
  for (const cycle of findCycles([...edges.keys()], (id) => edges.get(id) ?? [])) {
    const members = new Set(cycle);
    for (const input of model.inputs) {
      if (!input.id || !members.has(input.id.value)) continue;
      for (const dependency of input.dependsOn.filter((d) => members.has(d.value))) {
        found.push(
          diagnostic(
            dependency.range,
            'error',
            'input-dependency-cycle',
            `Cycle dependency detected for input '${input.id.value}' between ${cycle.join(', ')}: remove one of these \`dependsOn\` entries.`,
          ),
        );
      }
    }
  }
  return found;
};
