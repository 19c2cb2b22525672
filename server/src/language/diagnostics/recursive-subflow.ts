// FlowValidator: `Recursive call to flow [ns.id]`: a Subflow or ForEachItem whose literal namespace
// and flowId are this flow's own.
import {
  diagnostic,
  getValueNode,
  isTaskOfType,
  nodeRange,
  scalarString,
  taskAnchor,
  type FlowRule,
} from './rule-context';

const CALLERS = ['io.kestra.plugin.core.flow.Subflow', 'io.kestra.plugin.core.flow.ForEachItem'];

export const recursiveSubflow: FlowRule = ({ model, catalog, lines }) => {
  const namespace = model.namespace?.value;
  const id = model.id?.value;
  if (!namespace || !id) return [];
  return model.allTasks
    .filter((task) => CALLERS.some((type) => isTaskOfType(catalog, task, type)))
    .filter(
      (task) =>
        scalarString(getValueNode(task.node, 'namespace')) === namespace &&
        scalarString(getValueNode(task.node, 'flowId')) === id,
    )
    .map((task) =>
      diagnostic(
        nodeRange(lines, getValueNode(task.node, 'flowId')) ?? taskAnchor(lines, task),
        'error',
        'recursive-subflow',
        `Recursive call to flow [${namespace}.${id}]: a flow cannot start itself as a subflow. Point \`flowId\` at another flow.`,
      ),
    );
};
