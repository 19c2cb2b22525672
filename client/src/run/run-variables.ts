// The variables of a finished (or running) run, for Debug Outputs and for the last-run hovers:
// flow, execution, inputs, outputs and task states, as the run's expressions saw them. Evaluation is
// the project's Pebble engine; nothing of Pebble is re-implemented here.
import { toJsonValue, type JsonMap, type JsonValue } from '../../../server/src/engine/events';
import {
  evaluateExpression,
  parseTemplate,
  renderTemplate,
  renderTyped,
  type Variables,
} from '../../../server/src/expr/index';
import { currentOutputs, type RunState } from '../../webview/model/run-state';

export type Evaluation = { ok: true; value: JsonValue; text: string } | { ok: false; message: string };

/** `tasks.<id>.state` (iterations keyed by value), from the task runs seen. */
function taskStates(state: RunState): JsonMap {
  const tasks: JsonMap = {};
  for (const run of Object.values(state.taskRuns)) {
    if (run.value === undefined) {
      tasks[run.taskId] = { state: run.state };
    } else {
      const existing = tasks[run.taskId];
      const byValue: JsonMap =
        existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : {};
      byValue[run.value] = { state: run.state };
      tasks[run.taskId] = byValue;
    }
  }
  return tasks;
}

export function runVariables(state: RunState): Variables {
  const variables: Variables = {
    flow: { id: state.flowId ?? '', namespace: state.namespace ?? '' },
    outputs: currentOutputs(state),
    tasks: taskStates(state),
    labels: {},
  };
  if (state.executionId !== undefined) {
    const execution: JsonMap = { id: state.executionId, originalId: state.executionId };
    if (state.startedAt !== undefined) execution.startDate = new Date(state.startedAt).toISOString();
    variables.execution = execution;
  }
  if (Object.keys(state.inputs).length > 0) variables.inputs = state.inputs;
  return variables;
}

const PEBBLE = /\{[{%]/;

function isLonePrint(template: string): boolean {
  const { ast, errors } = parseTemplate(template);
  return errors.length === 0 && ast.body.length === 1 && ast.body[0].type === 'Print';
}

/**
 * Evaluates what the user typed: a template (`{{ outputs.t.code }}`, typed when it is a lone
 * `{{ }}`) or a bare expression (`outputs.t.code`).
 */
export function evaluateInRun(source: string, variables: Variables): Evaluation {
  const text = source.trim();
  if (text === '') return { ok: false, message: 'Type an expression, e.g. {{ outputs.my_task.value }}.' };
  try {
    let result: unknown;
    if (!PEBBLE.test(text)) result = evaluateExpression(text, variables);
    else if (isLonePrint(text)) result = renderTyped(text, variables);
    else result = renderTemplate(text, variables);
    const value = toJsonValue(result);
    return { ok: true, value, text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
