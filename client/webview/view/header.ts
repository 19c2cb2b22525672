// The run header: flow, namespace, execution id, state badge, live duration, and the run's actions
// (Cancel while it runs, Re-run with the same inputs and Change inputs once it ended).
import type { FlowIdentity, RunTarget } from '../protocol';
import { elapsed, formatDuration, isActiveState, type RunState } from '../model/run-state';
import { button, el, stateBadge } from './dom';

export interface HeaderActions {
  cancel(): void;
  rerun(): void;
  editInputs(): void;
}

export class RunHeader {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly meta: HTMLElement;
  private readonly badge: HTMLElement;
  private readonly duration: HTMLElement;
  private readonly error: HTMLElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly rerunButton: HTMLButtonElement;
  private readonly editButton: HTMLButtonElement;
  private cancelling = false;

  constructor(actions: HeaderActions) {
    this.title = el('h2', { className: 'run-title' });
    this.meta = el('div', { className: 'run-meta muted' });
    this.badge = el('span', { className: 'run-state', attrs: { 'aria-live': 'polite' } });
    this.duration = el('span', { className: 'run-duration', attrs: { 'aria-label': 'Duration' } });
    this.cancelButton = button(
      'Cancel',
      () => {
        this.cancelling = true;
        this.cancelButton.disabled = true;
        this.cancelButton.textContent = 'Cancelling…';
        actions.cancel();
      },
      { className: 'secondary', title: 'Kill the execution' },
    );
    this.rerunButton = button('Re-run', actions.rerun, {
      className: 'primary',
      title: 'Run again with the same inputs',
    });
    this.editButton = button('Change inputs…', actions.editInputs, { className: 'secondary' });
    this.error = el('div', { className: 'run-error', attrs: { role: 'alert', hidden: '' } });
    this.element = el('header', { className: 'run-header' }, [
      el('div', { className: 'run-heading' }, [
        el('div', {}, [this.title, this.meta]),
        el('div', { className: 'run-status' }, [this.badge, this.duration]),
        el('div', { className: 'run-actions' }, [this.cancelButton, this.rerunButton, this.editButton]),
      ]),
      this.error,
    ]);
  }

  start(flow: FlowIdentity, target: RunTarget, hasInputs: boolean): void {
    this.title.textContent = flow.id;
    this.cancelling = false;
    this.cancelButton.textContent = 'Cancel';
    this.editButton.hidden = !hasInputs;
    this.meta.dataset.flow = `${flow.namespace} · ${flow.fileName}${target === 'server' ? ' · on the Kestra server' : ''}`;
  }

  render(state: RunState, now: number): void {
    const execution = state.executionId ? ` · execution ${state.executionId}` : '';
    this.meta.textContent = `${this.meta.dataset.flow ?? ''}${execution}`;
    const shown = state.phase === 'starting' ? 'STARTING' : state.state;
    if (this.badge.textContent !== shown) this.badge.replaceChildren(stateBadge(shown));
    const ms = elapsed(state.startedAt, state.endedAt, now);
    this.duration.textContent = ms === undefined ? '' : formatDuration(ms);
    const running = state.phase !== 'ended' && (state.phase === 'starting' || isActiveState(state.state));
    this.cancelButton.hidden = !running;
    this.cancelButton.disabled = this.cancelling;
    this.rerunButton.hidden = running;
    this.editButton.disabled = running;
    this.error.hidden = state.error === undefined;
    this.error.textContent = state.error ?? '';
  }
}
