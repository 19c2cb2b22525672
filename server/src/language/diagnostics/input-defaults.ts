// `defaults` of an input must be readable as the input's type (FlowInputOutput.parseType), FILE
// inputs take none (FileInputValidator), and SELECT/MULTISELECT defaults must be among `values`.
import { isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import { containsPebble } from '../../flow/expression-sites';
import type { InputModel } from '../../flow/model';
import type { LineIndex } from '../../flow/range';
import { valueProblem, type WrittenValue } from './input-value-parsers';
import {
  diagnostic,
  getPair,
  getValueNode,
  keyRange,
  nodeRange,
  scalarString,
  writtenValue,
  type FlowRule,
} from './rule-context';

const CODE = 'invalid-input-default';

/** Literal strings of a `values`/`options` list; undefined when absent or computed. */
function literalValues(input: InputModel, key: string): string[] | undefined {
  const node = getValueNode(input.node, key);
  if (!isSeq(node)) return undefined;
  const values = node.items.map((item) => scalarString(item as Node));
  if (values.some((v) => v === undefined || containsPebble(v))) return undefined;
  return values as string[];
}

/** A list default as its elements with their nodes; a JSON-array string is expanded. */
function listElements(document: Document, node: Node): { written: WrittenValue; node: Node }[] | undefined {
  if (isSeq(node))
    return node.items.map((item) => ({ written: writtenValue(document, item as Node), node: item as Node }));
  const text = scalarString(node);
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) return undefined;
    return parsed.map((value: unknown) => ({ written: { value }, node }));
  } catch {
    return undefined;
  }
}

function checkInput(document: Document, lines: LineIndex, input: InputModel): FlowDiagnostic[] {
  const type = input.type?.value;
  const pair: Pair | undefined = getPair(input.node, 'defaults');
  if (!type || !pair) return [];
  const node = pair.value as Node | null;
  const valueRange = nodeRange(lines, node) ?? keyRange(lines, pair)!;
  if (type === 'FILE') {
    return [
      diagnostic(
        keyRange(lines, pair)!,
        'error',
        CODE,
        "No `defaults` can be set for inputs of type 'FILE': remove it; the file is uploaded when the execution starts.",
      ),
    ];
  }
  if (node === null || (isScalar(node) && node.value === null)) return [];
  const written = writtenValue(document, node);
  if (typeof written.value === 'string' && containsPebble(written.value)) return [];
  const at = (range: typeof valueRange, problem: { severity: 'error' | 'warning'; message: string }) =>
    diagnostic(range, problem.severity, CODE, problem.message);

  if (type === 'SELECT' || type === 'ENUM') {
    const values = literalValues(input, 'values');
    const custom = scalarString(getValueNode(input.node, 'allowCustomValue')) === 'true';
    const required = scalarString(getValueNode(input.node, 'required')) !== 'false';
    const text = scalarString(node);
    if (!values || custom || !required || getPair(input.node, 'expression') || text === undefined) return [];
    if (values.includes(text)) return [];
    return [
      at(valueRange, {
        severity: 'error',
        message: `'${text}' is not one of the \`values\` of this ${type} input: use one of ${values.join(', ')}.`,
      }),
    ];
  }
  if (type === 'MULTISELECT' || type === 'ARRAY') {
    const elements = listElements(document, node);
    if (!elements) {
      return [
        at(valueRange, {
          severity: 'error',
          message: `A ${type} input takes a list (or a JSON array string) as its default.`,
        }),
      ];
    }
    const found: FlowDiagnostic[] = [];
    if (type === 'MULTISELECT') {
      const values = literalValues(input, 'values') ?? literalValues(input, 'options');
      const custom = scalarString(getValueNode(input.node, 'allowCustomValue')) === 'true';
      if (!values || custom || getPair(input.node, 'expression')) return [];
      for (const element of elements) {
        const text = typeof element.written.value === 'string' ? element.written.value : undefined;
        if (text !== undefined && !values.includes(text) && !containsPebble(text)) {
          found.push(
            at(nodeRange(lines, element.node) ?? valueRange, {
              severity: 'error',
              message: `'${text}' is not one of the \`values\` of this MULTISELECT input: use ${values.join(', ')}.`,
            }),
          );
        }
      }
      return found;
    }
    const itemType = scalarString(getValueNode(input.node, 'itemType'));
    if (!itemType) return [];
    for (const element of elements) {
      if (typeof element.written.value === 'string' && containsPebble(element.written.value)) continue;
      const problem = valueProblem(itemType, element.written);
      if (problem) found.push(at(nodeRange(lines, element.node) ?? valueRange, problem));
    }
    return found;
  }
  const problem = valueProblem(type, written);
  return problem ? [at(valueRange, problem)] : [];
}

export const inputDefaults: FlowRule = ({ document, model, lines }) =>
  model.inputs.flatMap((input) => checkInput(document, lines, input));
