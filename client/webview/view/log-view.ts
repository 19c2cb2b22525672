// The log: a toolbar (level, task, search), a virtualised list (only the rows in sight exist in the
// DOM, so 100,000 lines scroll as fast as 100) that follows the tail while scrolled to the bottom,
// and a detail pane with the selected line's full message.
import { LOG_LEVELS, type LogLevel } from '../../../server/src/engine/events';
import { FilteredLog, splitMatches, type LogFilter } from '../model/log-filter';
import type { LogLine } from '../model/run-state';
import { button, clear, el } from './dom';

const OVERSCAN = 8;

function clockTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function firstLine(message: string): { text: string; more: number } {
  const newline = message.indexOf('\n');
  if (newline === -1) return { text: message, more: 0 };
  return { text: message.slice(0, newline), more: message.split('\n').length - 1 };
}

export class LogView {
  readonly element: HTMLElement;
  private lines: readonly LogLine[] = [];
  private readonly filtered = new FilteredLog();
  private filter: LogFilter = { minLevel: 'TRACE', search: '' };
  private follow = true;
  /** Position of the selected line in the filtered list. */
  private selected: number | undefined;
  private rowHeight = 0;
  private readonly viewport: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly rows: HTMLElement;
  private readonly count: HTMLElement;
  private readonly detail: HTMLElement;
  private readonly levelSelect: HTMLSelectElement;
  private readonly taskSelect: HTMLSelectElement;
  private readonly searchInput: HTMLInputElement;
  private taskIds: string[] = [];
  private renderPending = false;
  /** Called when the task drop-down changes, so the task tree can follow. */
  onTaskChange: (taskId: string | undefined) => void = () => undefined;

  constructor(private readonly copy: (text: string, what: string) => void) {
    this.levelSelect = el('select', { attrs: { 'aria-label': 'Minimum log level' } });
    for (const level of LOG_LEVELS)
      this.levelSelect.append(el('option', { text: `${level} and above`, attrs: { value: level } }));
    this.levelSelect.addEventListener('change', () =>
      this.applyFilter({ ...this.filter, minLevel: this.levelSelect.value as LogLevel }),
    );
    this.taskSelect = el('select', { attrs: { 'aria-label': 'Task' } });
    this.taskSelect.addEventListener('change', () => {
      const taskId = this.taskSelect.value === '' ? undefined : this.taskSelect.value;
      this.applyFilter({ ...this.filter, taskId });
      this.onTaskChange(taskId);
    });
    this.searchInput = el('input', {
      attrs: { type: 'search', placeholder: 'Search logs', 'aria-label': 'Search logs' },
    });
    let searchTimer: ReturnType<typeof setTimeout> | undefined;
    this.searchInput.addEventListener('input', () => {
      clearTimeout(searchTimer);
      searchTimer = setTimeout(
        () => this.applyFilter({ ...this.filter, search: this.searchInput.value }),
        120,
      );
    });
    this.count = el('span', { className: 'log-count', attrs: { 'aria-live': 'polite' } });
    const toolbar = el('div', { className: 'toolbar' }, [
      this.levelSelect,
      this.taskSelect,
      this.searchInput,
      this.count,
    ]);

    this.spacer = el('div', { className: 'log-spacer' });
    this.rows = el('div', { className: 'log-rows' });
    this.viewport = el(
      'div',
      {
        className: 'log-viewport',
        attrs: { tabindex: '0', role: 'listbox', 'aria-label': 'Log lines' },
      },
      [this.spacer, this.rows],
    );
    this.viewport.addEventListener('scroll', () => {
      const bottom = this.viewport.scrollHeight - this.viewport.clientHeight;
      this.follow = this.viewport.scrollTop >= bottom - Math.max(2, this.rowHeight);
      this.schedule();
    });
    this.viewport.addEventListener('keydown', (event) => this.onKey(event));
    this.viewport.addEventListener('click', (event) => {
      const row = (event.target as Element).closest<HTMLElement>('.log-row');
      if (row?.dataset.position !== undefined) this.select(Number(row.dataset.position));
    });
    this.detail = el('div', { className: 'log-detail', attrs: { hidden: '' } });
    this.element = el('div', { className: 'log-view' }, [toolbar, this.viewport, this.detail]);
    this.setTaskIds([]);
  }

  /** A new run's log (the same array keeps growing while it runs). */
  setLines(lines: readonly LogLine[]): void {
    this.lines = lines;
    this.filtered.setFilter(this.filter, lines);
    this.selected = undefined;
    this.follow = true;
    this.showDetail();
    this.schedule();
  }

  /** Lines were appended to the array given to setLines. */
  linesAdded(): void {
    if (this.filtered.update(this.lines) > 0 || this.count.textContent === '') this.schedule();
  }

  setTaskIds(taskIds: string[]): void {
    if (taskIds.length === this.taskIds.length && taskIds.every((id, i) => id === this.taskIds[i])) return;
    this.taskIds = taskIds;
    const current = this.filter.taskId;
    clear(this.taskSelect);
    this.taskSelect.append(el('option', { text: 'All tasks', attrs: { value: '' } }));
    for (const id of taskIds) this.taskSelect.append(el('option', { text: id, attrs: { value: id } }));
    this.taskSelect.value = current !== undefined && taskIds.includes(current) ? current : '';
  }

  /** Shows only one task's lines (or all with undefined), as chosen in the task tree. */
  showTask(taskId: string | undefined): void {
    if (taskId !== undefined && !this.taskIds.includes(taskId)) this.setTaskIds([...this.taskIds, taskId]);
    this.taskSelect.value = taskId ?? '';
    this.applyFilter({ ...this.filter, taskId });
  }

  private applyFilter(filter: LogFilter): void {
    this.filter = filter;
    this.filtered.setFilter(filter, this.lines);
    this.selected = undefined;
    this.showDetail();
    this.schedule();
  }

  private schedule(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    requestAnimationFrame(() => {
      this.renderPending = false;
      this.render();
    });
  }

  private measureRow(): number {
    if (this.rowHeight > 0) return this.rowHeight;
    const probe = el('div', { className: 'log-row', text: 'M' });
    this.rows.append(probe);
    this.rowHeight = probe.getBoundingClientRect().height || 20;
    probe.remove();
    return this.rowHeight;
  }

  private render(): void {
    const total = this.filtered.indices.length;
    this.count.textContent =
      total === this.lines.length
        ? `${total} line${total === 1 ? '' : 's'}`
        : `${total} of ${this.lines.length} lines`;
    if (this.viewport.clientHeight === 0) return; // hidden tab: rendered when shown
    const rowHeight = this.measureRow();
    this.spacer.style.height = `${total * rowHeight}px`;
    if (this.follow) this.viewport.scrollTop = this.viewport.scrollHeight;
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / rowHeight) - OVERSCAN);
    const last = Math.min(
      total,
      Math.ceil((this.viewport.scrollTop + this.viewport.clientHeight) / rowHeight) + OVERSCAN,
    );
    this.rows.style.transform = `translateY(${first * rowHeight}px)`;
    const needed = last - first;
    while (this.rows.childElementCount > needed) this.rows.lastElementChild?.remove();
    while (this.rows.childElementCount < needed)
      this.rows.append(el('div', { className: 'log-row', attrs: { role: 'option' } }));
    for (let i = 0; i < needed; i++) this.fillRow(this.rows.children[i] as HTMLElement, first + i);
    this.viewport.setAttribute(
      'aria-activedescendant',
      this.selected !== undefined && this.selected >= first && this.selected < last
        ? `log-${this.selected}`
        : '',
    );
  }

  private fillRow(row: HTMLElement, position: number): void {
    const line = this.lines[this.filtered.indices[position]];
    row.id = `log-${position}`;
    row.dataset.position = String(position);
    row.className = `log-row level-${line.level}${position === this.selected ? ' selected' : ''}`;
    row.setAttribute('aria-selected', String(position === this.selected));
    const { text, more } = firstLine(line.message);
    const message = el('span', { className: 'log-message' });
    for (const part of splitMatches(text, this.filter.search)) {
      message.append(part.match ? el('mark', { text: part.text }) : document.createTextNode(part.text));
    }
    if (more > 0) message.append(el('span', { className: 'log-more', text: ` (+${more} lines)` }));
    row.replaceChildren(
      el('span', { className: 'log-time', text: clockTime(line.time) }),
      el('span', { className: 'log-level', text: line.level }),
      el('span', { className: 'log-task', text: line.taskId ?? '' }),
      message,
    );
  }

  private select(position: number | undefined): void {
    const total = this.filtered.indices.length;
    this.selected =
      position === undefined || total === 0 ? undefined : Math.min(total - 1, Math.max(0, position));
    if (this.selected !== undefined) {
      const rowHeight = this.measureRow();
      const top = this.selected * rowHeight;
      if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
      else if (top + rowHeight > this.viewport.scrollTop + this.viewport.clientHeight) {
        this.viewport.scrollTop = top + rowHeight - this.viewport.clientHeight;
      }
      this.follow = this.selected === total - 1;
    }
    this.showDetail();
    this.schedule();
  }

  private onKey(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.viewport.clientHeight / this.measureRow()) - 1);
    const current = this.selected ?? -1;
    const moves: Record<string, number | undefined> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: this.filtered.indices.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.select(moves[event.key]);
    } else if (event.key === 'Escape' && this.selected !== undefined) {
      event.preventDefault();
      this.select(undefined);
    }
  }

  private showDetail(): void {
    const line = this.selected === undefined ? undefined : this.lines[this.filtered.indices[this.selected]];
    if (!line) {
      this.detail.hidden = true;
      clear(this.detail);
      return;
    }
    this.detail.hidden = false;
    const meta = `${line.time}  ${line.level}${line.taskId ? `  ${line.taskId}` : ''}`;
    this.detail.replaceChildren(
      el('div', { className: 'log-detail-head' }, [
        el('span', { className: 'muted', text: meta }),
        button('Copy message', () => this.copy(line.message, 'log message'), { className: 'link' }),
      ]),
      el('pre', { className: 'log-detail-message', text: line.message }),
    );
  }

  /** The tab became visible: sizes are known again. */
  shown(): void {
    this.schedule();
  }
}
