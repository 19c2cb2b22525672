// The Outputs tab: Debug Outputs, each task's outputs as `{{ outputs.X }}` sees them, and the flow's
// own outputs. Rebuilt only when the outputs change, so opened nodes stay open while the run goes on.
import type { JsonValue } from '../../../server/src/engine/events';
import { outputsExpression, type PathSegment } from '../model/expression-path';
import { currentOutputs, type RunState } from '../model/run-state';
import { DebugBox } from './debug-box';
import { el } from './dom';
import { jsonNode } from './json-tree';

export interface OutputsActions {
  copy(text: string, what: string): void;
  evaluate(requestId: number, expression: string): void;
}

function copyText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}

export class OutputsView {
  readonly element: HTMLElement;
  readonly debug: DebugBox;
  private readonly tasks: HTMLElement;
  private readonly flow: HTMLElement;
  private signature = '';

  constructor(private readonly actions: OutputsActions) {
    this.debug = new DebugBox(actions.evaluate);
    this.tasks = el('div', { className: 'outputs-tasks' });
    this.flow = el('div', { className: 'outputs-flow' });
    this.element = el('div', { className: 'outputs-view' }, [this.debug.element, this.tasks, this.flow]);
  }

  update(state: RunState): void {
    const outputs = currentOutputs(state);
    const ended = Object.values(state.taskRuns).filter((run) => run.endedAt !== undefined).length;
    const signature = `${state.executions}:${state.phase}:${ended}:${Object.keys(outputs).length}`;
    if (signature === this.signature) return;
    this.signature = signature;
    const taskIds = Object.keys(outputs);
    const copyValue = (value: JsonValue, path: readonly PathSegment[]) =>
      this.actions.copy(copyText(value), `value of ${path.map(String).join('.')}`);
    this.tasks.replaceChildren(
      el('h3', { text: 'Task outputs' }),
      ...(taskIds.length === 0
        ? [
            el('p', {
              className: 'muted',
              text: state.phase === 'ended' ? 'No task produced outputs.' : 'No outputs yet.',
            }),
          ]
        : taskIds.map((taskId) =>
            jsonNode(
              taskId,
              outputs[taskId],
              [taskId],
              {
                copyValue,
                copyExpression: (path) => this.actions.copy(outputsExpression(path), 'expression'),
              },
              true,
            ),
          )),
    );
    const flowOutputs = state.flowOutputs;
    this.flow.replaceChildren(
      ...(flowOutputs && Object.keys(flowOutputs).length > 0
        ? [
            el('h3', { text: 'Flow outputs' }),
            ...Object.entries(flowOutputs).map(([id, value]) =>
              jsonNode(id, value, [id], { copyValue }, true),
            ),
          ]
        : []),
    );
  }

  reset(): void {
    this.signature = '';
    this.debug.reset();
  }
}
