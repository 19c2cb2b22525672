// The task runs as a tree: iterations and children under their parent, each with its state,
// duration and attempts. Choosing one shows only its task's log lines.
import { elapsed, formatDuration, type RunState, type TaskRunView } from '../model/run-state';
import { clear, el, stateBadge } from './dom';

export class TaskTree {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private selectedTask: string | undefined;

  constructor(private readonly onSelect: (taskId: string | undefined) => void) {
    this.list = el('ul', { className: 'task-tree', attrs: { role: 'tree', 'aria-label': 'Task runs' } });
    this.element = el('section', { className: 'tasks-pane' }, [el('h3', { text: 'Tasks' }), this.list]);
  }

  render(state: RunState, now: number): void {
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.taskRunId;
    clear(this.list);
    if (state.roots.length === 0) {
      this.list.append(
        el('li', {
          className: 'muted',
          text: state.phase === 'ended' ? 'No task ran.' : 'Waiting for the first task…',
        }),
      );
      return;
    }
    const build = (ids: string[], parent: HTMLElement, depth: number): void => {
      for (const id of ids) {
        const run = state.taskRuns[id];
        if (run) parent.append(this.item(state, run, depth, now));
      }
    };
    build(state.roots, this.list, 1);
    if (focused) this.list.querySelector<HTMLElement>(`[data-task-run-id="${CSS.escape(focused)}"]`)?.focus();
  }

  private item(state: RunState, run: TaskRunView, depth: number, now: number): HTMLElement {
    const duration = elapsed(run.startedAt, run.endedAt, now);
    const label = el('span', { className: 'task-label' }, [
      el('span', { className: 'task-id', text: run.taskId }),
      ...(run.value !== undefined ? [el('span', { className: 'task-value', text: ` [${run.value}]` })] : []),
    ]);
    const row = el(
      'button',
      {
        className: `task-row${this.selectedTask === run.taskId ? ' selected' : ''}`,
        title: run.error ?? `Show the logs of ${run.taskId}`,
        attrs: {
          type: 'button',
          'data-task-run-id': run.taskRunId,
          'aria-pressed': String(this.selectedTask === run.taskId),
        },
      },
      [
        stateBadge(run.state),
        label,
        el('span', {
          className: 'task-duration',
          text: duration === undefined ? '' : formatDuration(duration),
        }),
        ...(run.attempts > 1
          ? [el('span', { className: 'task-attempts', text: `${run.attempts} attempts` })]
          : []),
      ],
    );
    row.addEventListener('click', () => {
      this.selectedTask = this.selectedTask === run.taskId ? undefined : run.taskId;
      this.onSelect(this.selectedTask);
      this.render(state, Date.now());
    });
    const item = el('li', { attrs: { role: 'treeitem', 'aria-level': String(depth) } }, [row]);
    if (run.error && run.state !== 'SUCCESS')
      item.append(el('div', { className: 'task-error', text: run.error }));
    if (run.children.length > 0) {
      item.setAttribute('aria-expanded', 'true');
      const children = el('ul', { attrs: { role: 'group' } });
      for (const childId of run.children) {
        const child = state.taskRuns[childId];
        if (child) children.append(this.item(state, child, depth + 1, now));
      }
      item.append(children);
    }
    return item;
  }

  /** The log filter changed elsewhere (the task drop-down). */
  setSelected(taskId: string | undefined): void {
    this.selectedTask = taskId;
  }
}
