// Kestra's WorkingDirectoryTaskValidator: children run one after another in one worker, so they must
// be runnable tasks, and a worker group can only be set on the WorkingDirectory itself.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import {
  diagnostic,
  getPair,
  isTaskOfType,
  keyRange,
  resolveSpec,
  taskAnchor,
  type FlowRule,
} from './rule-context';

const WORKING_DIRECTORY = 'io.kestra.plugin.core.flow.WorkingDirectory';

export const workingDirectoryChildren: FlowRule = ({ model, catalog, lines }) => {
  const found: FlowDiagnostic[] = [];
  for (const parent of model.allTasks.filter((task) => isTaskOfType(catalog, task, WORKING_DIRECTORY))) {
    for (const child of parent.children.filter((c) => c.slot === 'tasks')) {
      const spec = resolveSpec(catalog, child.type?.value);
      if (spec?.category && spec.category !== 'runnable') {
        found.push(
          diagnostic(
            child.type?.range ?? taskAnchor(lines, child),
            'error',
            'non-runnable-in-working-directory',
            `Only runnable tasks are allowed as children of a WorkingDirectory task: ${spec.type} is ${spec.category === 'flowable' ? 'a flowable' : 'an executable'} task. Move it out of '${parent.id?.value ?? ''}'.`,
          ),
        );
      }
      const workerGroup = getPair(child.node, 'workerGroup');
      if (workerGroup) {
        found.push(
          diagnostic(
            keyRange(lines, workerGroup) ?? taskAnchor(lines, child),
            'error',
            'worker-group-in-working-directory',
            `Cannot set a worker group on a task inside a WorkingDirectory: set \`workerGroup\` on '${parent.id?.value ?? ''}' instead.`,
          ),
        );
      }
    }
  }
  return found;
};
