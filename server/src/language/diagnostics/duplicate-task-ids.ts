// Kestra: `Duplicate task id with name [...]`. Task ids are global to the flow: every depth, the
// `errors` branches and the deprecated listeners share one id space.
import { findDuplicates, linesText } from './find-duplicates';
import type { FlowRule } from './rule-context';

export const duplicateTaskIds: FlowRule = ({ model }) =>
  findDuplicates(
    model.allTasks.map((task) => task.id),
    'duplicate-id',
    (id, others) =>
      `Task id '${id}' is also used on ${linesText(others)}: task ids must be unique across the whole flow, at every depth. Rename one of them.`,
  );
