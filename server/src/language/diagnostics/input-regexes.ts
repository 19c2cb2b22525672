// Kestra's RegexValidator: a STRING/SECRET `validator`, and each entry of `values`/`options` of
// SELECT, ENUM and MULTISELECT inputs, must compile as a Java regex (`invalid pattern [x]`).
import { isSeq, type Node } from 'yaml';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { InputModel } from '../../flow/model';
import type { LineIndex } from '../../flow/range';
import { javaRegexError } from './java-regex';
import { diagnostic, getValueNode, nodeRange, scalarString, type FlowRule } from './rule-context';

function check(lines: LineIndex, node: Node | null | undefined, role: string): FlowDiagnostic | undefined {
  const pattern = scalarString(node);
  const range = nodeRange(lines, node);
  if (pattern === undefined || !range) return undefined;
  const reason = javaRegexError(pattern);
  if (reason === undefined) return undefined;
  return diagnostic(
    range,
    'error',
    'invalid-regex',
    `Invalid pattern [${pattern}] in ${role}: ${reason}. Kestra compiles it as a Java regex.`,
  );
}

function checkInput(lines: LineIndex, input: InputModel): (FlowDiagnostic | undefined)[] {
  const type = input.type?.value;
  if (type === 'STRING' || type === 'SECRET')
    return [check(lines, getValueNode(input.node, 'validator'), '`validator`')];
  if (type === 'SELECT' || type === 'ENUM' || type === 'MULTISELECT') {
    return ['values', 'options'].flatMap((key) => {
      const list = getValueNode(input.node, key);
      return isSeq(list) ? list.items.map((item) => check(lines, item as Node, `\`${key}\``)) : [];
    });
  }
  return [];
}

export const inputRegexes: FlowRule = ({ model, lines }) =>
  model.inputs
    .flatMap((input) => checkInput(lines, input))
    .filter((d): d is FlowDiagnostic => d !== undefined);
