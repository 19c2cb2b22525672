// The task runs as a tree: iterations and children under their parent, each with its state,
// duration and attempts. Choosing one shows only its task's log lines. The tree is rebuilt only when
// runs or states change (a click must not land on a replaced button); running durations tick in place.
import { elapsed, formatDuration, type RunState, type TaskRunView } from '../model/run-state';
import { clear, el, stateBadge } from './dom';

export class TaskTree {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private selectedTask: string | undefined;
  private shape = '';
  /** Duration cells of the task runs still running. */
  private readonly durations = new Map<string, HTMLElement>();

  constructor(private readonly onSelect: (taskId: string | undefined) => void) {
    this.list = el('ul', { className: 'task-tree', attrs: { role: 'tree', 'aria-label': 'Task runs' } });
    this.element = el('section', { className: 'tasks-pane' }, [el('h3', { text: 'Tasks' }), this.list]);
  }

  render(state: RunState, now: number): void {
    const shape = this.shapeOf(state);
    if (shape === this.shape) {
      for (const [id, cell] of this.durations) {
        const run = state.taskRuns[id];
        const duration = run ? elapsed(run.startedAt, run.endedAt, now) : undefined;
        if (duration !== undefined) cell.textContent = formatDuration(duration);
      }
      return;
    }
    this.shape = shape;
    this.durations.clear();
    const focused = (document.activeElement as HTMLElement | null)?.dataset?.taskRunId;
    clear(this.list);
    if (state.roots.length === 0) {
      const text = state.phase === 'ended' ? 'No task ran.' : 'Waiting for the first task…';
      this.list.append(el('li', { className: 'muted', text }));
      return;
    }
    for (const id of state.roots) {
      const run = state.taskRuns[id];
      if (run) this.list.append(this.item(state, run, 1, now));
    }
    if (focused) this.list.querySelector<HTMLElement>(`[data-task-run-id="${CSS.escape(focused)}"]`)?.focus();
  }

  private shapeOf(state: RunState): string {
    const runs = Object.values(state.taskRuns).map(
      (run) => `${run.taskRunId}:${run.state}:${run.attempts}:${run.endedAt ?? ''}:${run.children.length}`,
    );
    return `${state.executions}|${state.phase}|${this.selectedTask ?? ''}|${state.roots.join(',')}|${runs.join(',')}`;
  }

  private item(state: RunState, run: TaskRunView, depth: number, now: number): HTMLElement {
    const duration = elapsed(run.startedAt, run.endedAt, now);
    const durationCell = el('span', {
      className: 'task-duration',
      text: duration === undefined ? '' : formatDuration(duration),
    });
    if (run.endedAt === undefined) this.durations.set(run.taskRunId, durationCell);
    const label = el('span', { className: 'task-label' }, [
      el('span', { className: 'task-id', text: run.taskId }),
      ...(run.value !== undefined ? [el('span', { className: 'task-value', text: ` [${run.value}]` })] : []),
    ]);
    const selected = this.selectedTask === run.taskId;
    const row = el(
      'button',
      {
        className: `task-row${selected ? ' selected' : ''}`,
        title: run.error ?? `Show the logs of ${run.taskId}`,
        attrs: { type: 'button', 'data-task-run-id': run.taskRunId, 'aria-pressed': String(selected) },
      },
      [
        stateBadge(run.state),
        label,
        durationCell,
        ...(run.attempts > 1
          ? [el('span', { className: 'task-attempts', text: `${run.attempts} attempts` })]
          : []),
      ],
    );
    row.addEventListener('click', () => {
      this.selectedTask = selected ? undefined : run.taskId;
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
