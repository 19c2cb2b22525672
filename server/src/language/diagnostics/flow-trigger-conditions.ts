// Kestra's flow-level warning: a Flow trigger with neither `conditions` nor `preconditions` fires
// after every execution of every flow of the instance.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import {
  diagnostic,
  getPair,
  isEmptyValue,
  getValueNode,
  taskAnchor,
  resolveSpec,
  type FlowRule,
} from './rule-context';

const FLOW_TRIGGER = 'io.kestra.plugin.core.trigger.Flow';

export const flowTriggerConditions: FlowRule = ({ model, catalog, lines }) =>
  model.triggers
    .filter((trigger) => {
      const written = trigger.type?.value;
      const canonical = resolveSpec(catalog, written)?.type ?? written;
      return canonical?.toLowerCase() === FLOW_TRIGGER.toLowerCase();
    })
    .filter((trigger) =>
      ['conditions', 'preconditions'].every(
        (key) => !getPair(trigger.node, key) || isEmptyValue(getValueNode(trigger.node, key)),
      ),
    )
    .map((trigger): FlowDiagnostic =>
      diagnostic(
        taskAnchor(lines, trigger),
        'warning',
        'flow-trigger-without-conditions',
        `This flow will be triggered for EVERY execution of EVERY flow on your instance: add \`preconditions\` (or \`conditions\`) to the Flow trigger '${trigger.id?.value ?? ''}'.`,
      ),
    );
