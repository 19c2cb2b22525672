// Kestra: `Duplicate input with name [...]`.
import { findDuplicates, linesText } from './find-duplicates';
import type { FlowRule } from './rule-context';

export const duplicateInputIds: FlowRule = ({ model }) =>
  findDuplicates(
    model.inputs.map((input) => input.id),
    'duplicate-input-id',
    (id, others) => `Input id '${id}' is also used on ${linesText(others)}: rename one of the inputs.`,
  );
