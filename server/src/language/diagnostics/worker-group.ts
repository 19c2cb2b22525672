// Kestra's WorkerGroupValidator: worker groups are an Enterprise Edition feature, and an open-source
// server rejects any `workerGroup.key`. A warning rather than an error, since the same flow is valid
// on an Enterprise server.
import { isMap, type Node, type YAMLMap } from 'yaml';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { LineIndex } from '../../flow/range';
import { diagnostic, getPair, getValueNode, nodeRange, type FlowRule } from './rule-context';

function check(lines: LineIndex, owner: YAMLMap): FlowDiagnostic | undefined {
  const workerGroup = getValueNode(owner, 'workerGroup');
  if (!isMap(workerGroup)) return undefined;
  const key = getPair(workerGroup, 'key');
  if (!key) return undefined;
  const range = nodeRange(lines, key.value as Node) ?? nodeRange(lines, key.key as Node);
  if (!range) return undefined;
  return diagnostic(
    range,
    'warning',
    'enterprise-only',
    'Worker groups are an Enterprise Edition feature: an open-source Kestra server rejects a `workerGroup.key`. Remove it unless this flow runs on Kestra Enterprise.',
  );
}

export const workerGroup: FlowRule = ({ model, lines }) =>
  [...model.allTasks.map((t) => t.node), ...model.triggers.map((t) => t.node)]
    .map((node) => check(lines, node))
    .filter((d): d is FlowDiagnostic => d !== undefined);
