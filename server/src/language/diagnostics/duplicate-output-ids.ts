// Kestra: `Duplicate output with name [...]` (flow-level `outputs`).
import { findDuplicates, linesText } from './find-duplicates';
import type { FlowRule } from './rule-context';

export const duplicateOutputIds: FlowRule = ({ model }) =>
  findDuplicates(
    model.outputs.map((output) => output.id),
    'duplicate-output-id',
    (id, others) => `Flow output id '${id}' is also used on ${linesText(others)}: rename one of the outputs.`,
  );
