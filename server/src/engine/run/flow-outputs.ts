// Flow `outputs` (§1.10): rendered at the end with the execution's variables, then converted with the
// input type parser. A failure fails the execution with `Failed to render output values: …`.
import type { EvalServices } from '../../expr/registry-types';
import type { PebbleMap } from '../../expr/values';
import type { FlowDef } from '../flow/flow-definition';
import { isInputType } from '../inputs/input-definition';
import { parseInputValue } from '../inputs/parse-input';
import { javaToString } from '../java-text';
import type { Execution } from './execution';
import type { TemplateEngine } from './template';
import { buildVariables } from './variables';

export type FlowOutputsResult = { ok: true; outputs: PebbleMap } | { ok: false; message: string };

export function renderFlowOutputs(
  flow: FlowDef,
  execution: Execution,
  templates: TemplateEngine,
  services: EvalServices,
  env: NodeJS.ProcessEnv,
): FlowOutputsResult {
  const variables = buildVariables({ flow, execution, env });
  const outputs: PebbleMap = {};
  for (const output of flow.outputs) {
    let rendered;
    try {
      rendered = templates.renderValue(output.value, variables, services);
    } catch (error) {
      return { ok: false, message: `Failed to render output values: ${messageOf(error)}` };
    }
    if (!isInputType(output.type)) {
      outputs[output.id] = rendered;
      continue;
    }
    // Outputs are parsed like inputs but not validated, and `null` stays null.
    const parsed =
      rendered === null
        ? { ok: true as const, value: null }
        : parseInputValue({ id: output.id, type: output.type, required: false }, rendered);
    if (!parsed.ok) {
      const reason = parsed.message
        .replace(/^Invalid input for `[^`]*`, /, '')
        .replace(/, but received `[\s\S]*`$/, '');
      return {
        ok: false,
        message: `Failed to render output values: ${output.id}: Invalid output for \`${output.id}\`, ${reason.replace(/^java\.lang\.Exception: /, '')}, but received \`${javaToString(rendered)}\``,
      };
    }
    outputs[output.id] = parsed.value;
  }
  return { ok: true, outputs };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
