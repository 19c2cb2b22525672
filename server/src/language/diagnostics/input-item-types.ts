// ArrayInputValidator: an ARRAY's `itemType` cannot be ARRAY; a MULTISELECT's items cannot be lists
// either, and it takes `values` or the deprecated `options`, not both.
import type { FlowDiagnostic } from '../../flow/diagnostic';
import {
  diagnostic,
  getPair,
  getValueNode,
  keyRange,
  nodeRange,
  scalarString,
  type FlowRule,
} from './rule-context';

export const inputItemTypes: FlowRule = ({ model, lines }) => {
  const found: FlowDiagnostic[] = [];
  for (const input of model.inputs) {
    const type = input.type?.value;
    if (type !== 'ARRAY' && type !== 'MULTISELECT') continue;
    const itemTypeNode = getValueNode(input.node, 'itemType');
    const itemType = scalarString(itemTypeNode);
    const range = nodeRange(lines, itemTypeNode);
    if (range && (itemType === 'ARRAY' || (type === 'MULTISELECT' && itemType === 'MULTISELECT'))) {
      found.push(
        diagnostic(
          range,
          'error',
          'invalid-item-type',
          `\`itemType\` cannot be \`${itemType}\`: ${type === 'ARRAY' ? 'an' : 'a'} ${type} input holds a flat list; use STRING, INT, JSON…`,
        ),
      );
    }
    const options = getPair(input.node, 'options');
    if (type === 'MULTISELECT' && options && getPair(input.node, 'values')) {
      found.push(
        diagnostic(
          keyRange(lines, options)!,
          'error',
          'values-and-options',
          "You can't define both `values` and `options`: keep `values` (`options` is its deprecated name).",
        ),
      );
    }
  }
  return found;
};
