// What Run Flow needs to know about a flow file: its id, namespace and declared inputs, read with the
// project's flow model (the same parser as the language server and the engine).
import {
  inputDefinitionFromPlain,
  type InputDefinition,
} from '../../../server/src/engine/inputs/input-definition';
import { parseFlowDocument } from '../../../server/src/flow/flow-document';

export interface FlowInfo {
  id: string;
  namespace: string;
  inputs: InputDefinition[];
}

export type FlowInfoResult = { ok: true; flow: FlowInfo } | { ok: false; message: string };

export function readFlowInfo(text: string): FlowInfoResult {
  const document = parseFlowDocument(text);
  if (!document.isFlow)
    return {
      ok: false,
      message: 'This YAML is not a Kestra flow (it needs top-level `id`, `namespace` and `tasks`).',
    };
  const model = document.model;
  const id = model?.id?.value;
  const namespace = model?.namespace?.value;
  if (!model || typeof id !== 'string' || typeof namespace !== 'string') {
    return { ok: false, message: 'The flow needs a top-level `id` and `namespace` to run.' };
  }
  const inputs: InputDefinition[] = [];
  for (const input of model.inputs) {
    const definition = inputDefinitionFromPlain(input.node.toJSON());
    // An unreadable input is a validation error, reported in Problems; the form leaves it out.
    if (!('error' in definition)) inputs.push(definition);
  }
  return { ok: true, flow: { id, namespace, inputs } };
}
