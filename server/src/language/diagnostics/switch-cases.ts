// Kestra's SwitchTaskValidator: a Switch needs tasks in `cases` or in `defaults`.
import { isMap, isSeq, type Node } from 'yaml';
import { diagnostic, getValueNode, isTaskOfType, taskAnchor, type FlowRule } from './rule-context';

const SWITCH = 'io.kestra.plugin.core.flow.Switch';

function hasCaseTasks(cases: Node | null | undefined): boolean {
  if (!isMap(cases)) return false;
  return cases.items.some((pair) => isSeq(pair.value) && pair.value.items.length > 0);
}

export const switchCases: FlowRule = ({ model, catalog, lines }) =>
  model.allTasks
    .filter((task) => isTaskOfType(catalog, task, SWITCH))
    .filter((task) => {
      const defaults = getValueNode(task.node, 'defaults');
      return (
        !hasCaseTasks(getValueNode(task.node, 'cases')) && !(isSeq(defaults) && defaults.items.length > 0)
      );
    })
    .map((task) =>
      diagnostic(
        taskAnchor(lines, task),
        'error',
        'switch-without-tasks',
        `Switch '${task.id?.value ?? ''}' has no task to run: neither \`cases\` nor \`defaults\` holds any task. Add tasks under a case value or under \`defaults\`.`,
      ),
    );
