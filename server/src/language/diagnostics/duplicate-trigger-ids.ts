// Kestra: `Duplicate trigger id with name [...]`.
import { findDuplicates, linesText } from './find-duplicates';
import type { FlowRule } from './rule-context';

export const duplicateTriggerIds: FlowRule = ({ model }) =>
  findDuplicates(
    model.triggers.map((trigger) => trigger.id),
    'duplicate-trigger-id',
    (id, others) => `Trigger id '${id}' is also used on ${linesText(others)}: rename one of the triggers.`,
  );
