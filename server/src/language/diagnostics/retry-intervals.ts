// Kestra's Constant/Exponential/RandomRetryValidator: a retry interval must be shorter than the
// `maxDuration` (else no retry could ever happen) and than `maxInterval`.
import { isMap, type Node, type YAMLMap } from 'yaml';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import { containsPebble } from '../../flow/expression-sites';
import type { LineIndex } from '../../flow/range';
import { parseJacksonDuration } from './java-duration';
import { diagnostic, getValueNode, nodeRange, scalarString, type FlowRule } from './rule-context';

interface Field {
  name: string;
  text: string;
  seconds: number;
  node: Node;
}

function field(retry: YAMLMap, name: string): Field | undefined {
  const node = getValueNode(retry, name);
  const text = scalarString(node);
  if (!node || text === undefined || containsPebble(text)) return undefined;
  const value = typeof (node as { value?: unknown }).value === 'number' ? Number(text) : text;
  const seconds = parseJacksonDuration(value);
  return seconds === undefined ? undefined : { name, text, seconds, node };
}

function mustBeLess(
  lines: LineIndex,
  small: Field | undefined,
  large: Field | undefined,
): FlowDiagnostic | undefined {
  if (!small || !large || small.seconds < large.seconds) return undefined;
  const range = nodeRange(lines, small.node);
  if (!range) return undefined;
  return diagnostic(
    range,
    'error',
    'invalid-retry',
    `'${small.name}' must be less than '${large.name}' but is ${small.text} (${large.name}: ${large.text}): shorten '${small.name}' or lengthen '${large.name}'.`,
  );
}

function checkRetry(lines: LineIndex, retry: YAMLMap): (FlowDiagnostic | undefined)[] {
  const type = scalarString(getValueNode(retry, 'type'));
  const maxDuration = field(retry, 'maxDuration');
  const maxInterval = field(retry, 'maxInterval');
  switch (type) {
    case 'constant':
      return [mustBeLess(lines, field(retry, 'interval'), maxDuration)];
    case 'exponential': {
      const interval = field(retry, 'interval');
      return [mustBeLess(lines, interval, maxDuration), mustBeLess(lines, interval, maxInterval)];
    }
    case 'random': {
      const minInterval = field(retry, 'minInterval');
      const both = maxDuration && maxInterval;
      return [
        both ? mustBeLess(lines, minInterval, maxDuration) : undefined,
        both ? mustBeLess(lines, maxInterval, maxDuration) : undefined,
        mustBeLess(lines, minInterval, maxInterval),
      ];
    }
    default:
      return [];
  }
}

export const retryIntervals: FlowRule = ({ model, lines }) =>
  [model.root, ...model.allTasks.map((task) => task.node)]
    .map((owner) => getValueNode(owner, 'retry'))
    .filter(isMap)
    .flatMap((retry) => checkRetry(lines, retry))
    .filter((d): d is FlowDiagnostic => d !== undefined);
