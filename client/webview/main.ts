// The run panel (browser code, no Node, no secrets): the inputs form, then the run view with its
// header, task tree, logs and outputs. Everything comes from the host as typed messages.
import {
  applyProcessExit,
  applyRunEvent,
  initialRunState,
  isActiveState,
  type RunState,
} from './model/run-state';
import type { FlowIdentity, HostMessage, RunTarget } from './protocol';
import { button, el, frameScheduler } from './view/dom';
import { RunHeader } from './view/header';
import { onHostMessage, post } from './view/host';
import { InputsForm } from './view/inputs-form';
import { LogView } from './view/log-view';
import { OutputsView } from './view/outputs-view';
import { TaskTree } from './view/task-tree';

type Tab = 'logs' | 'outputs';

class RunPanel {
  private state: RunState = initialRunState();
  private runId = -1;
  private readonly root: HTMLElement;
  private readonly copy = (text: string, what: string) => post({ type: 'copy', text, what });
  private readonly header = new RunHeader({
    cancel: () => post({ type: 'cancelRun' }),
    rerun: () => post({ type: 'rerun' }),
    editInputs: () => post({ type: 'editInputs' }),
  });
  private readonly logs = new LogView(this.copy);
  private readonly tree = new TaskTree((taskId) => {
    this.logs.showTask(taskId);
    this.selectTab('logs');
  });
  private readonly outputs = new OutputsView({
    copy: this.copy,
    evaluate: (requestId, expression) => post({ type: 'evaluate', requestId, expression }),
  });
  private readonly form = new InputsForm({
    submit: (values) => post({ type: 'submitInputs', values }),
    cancel: () => {
      // Back to the previous run, if there was one; the host closes an empty panel.
      if (this.runId >= 0) this.root.replaceChildren(this.runView);
      post({ type: 'cancelForm' });
    },
    pickFile: (inputId) => post({ type: 'pickFile', inputId }),
  });
  private readonly runView: HTMLElement;
  private readonly placeholder = el('p', { className: 'muted placeholder', text: 'Preparing the run…' });
  private readonly tabs = new Map<Tab, { tab: HTMLButtonElement; panel: HTMLElement }>();
  private readonly schedule = frameScheduler(() => this.render());
  private ticker: ReturnType<typeof setInterval> | undefined;

  constructor(root: HTMLElement) {
    this.root = root;
    this.logs.onTaskChange = (taskId) => this.tree.setSelected(taskId);
    const tablist = el('div', {
      className: 'tablist',
      attrs: { role: 'tablist', 'aria-label': 'Run details' },
    });
    const panels = el('div', { className: 'tab-panels' });
    for (const [name, label, content] of [
      ['logs', 'Logs', this.logs.element],
      ['outputs', 'Outputs', this.outputs.element],
    ] as const) {
      const tab = button(label, () => this.selectTab(name), {
        className: 'tab',
        attrs: { role: 'tab', id: `tab-${name}`, 'aria-controls': `panel-${name}` },
      });
      const panel = el(
        'div',
        {
          className: 'tab-panel',
          attrs: { role: 'tabpanel', id: `panel-${name}`, 'aria-labelledby': `tab-${name}` },
        },
        [content],
      );
      tablist.append(tab);
      panels.append(panel);
      this.tabs.set(name, { tab, panel });
    }
    tablist.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const next: Tab =
        this.tabs.get('logs')?.tab.getAttribute('aria-selected') === 'true' ? 'outputs' : 'logs';
      this.selectTab(next);
      this.tabs.get(next)?.tab.focus();
    });
    this.selectTab('logs');
    this.runView = el('div', { className: 'run-view' }, [
      this.header.element,
      el('div', { className: 'run-body' }, [
        this.tree.element,
        el('section', { className: 'details-pane' }, [tablist, panels]),
      ]),
    ]);
    this.root.replaceChildren(this.placeholder);
  }

  private selectTab(name: Tab): void {
    for (const [key, { tab, panel }] of this.tabs) {
      const selected = key === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
    }
    if (name === 'logs') this.logs.shown();
  }

  handle(message: HostMessage): void {
    switch (message.type) {
      case 'showForm':
        this.stopTicker();
        this.root.replaceChildren(this.form.element);
        this.form.show(message);
        break;
      case 'filePicked':
        this.form.filePicked(message.inputId, message.path);
        break;
      case 'runStarted':
        this.start(message.runId, message.flow, message.target, message.hasInputs, message.startedAt);
        break;
      case 'runEvents':
        if (message.runId !== this.runId) return;
        for (const event of message.events) applyRunEvent(this.state, event);
        this.logs.linesAdded();
        this.schedule();
        break;
      case 'runExited':
        if (message.runId !== this.runId) return;
        applyProcessExit(this.state, Date.now(), message.message, message.cancelled);
        this.stopTicker();
        this.schedule();
        break;
      case 'evaluationResult':
        this.outputs.debug.showResult(message);
        break;
    }
  }

  private start(
    runId: number,
    flow: FlowIdentity,
    target: RunTarget,
    hasInputs: boolean,
    startedAt: number,
  ): void {
    this.runId = runId;
    this.state = initialRunState(startedAt);
    this.header.start(flow, target, hasInputs);
    this.logs.setLines(this.state.logs);
    this.outputs.reset();
    this.root.replaceChildren(this.runView);
    this.selectTab('logs');
    this.stopTicker();
    // The durations move while the run goes on.
    this.ticker = setInterval(() => this.schedule(), 500);
    this.schedule();
  }

  private stopTicker(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private render(): void {
    const now = Date.now();
    this.header.render(this.state, now);
    this.tree.render(this.state, now);
    this.outputs.update(this.state);
    const taskIds = [...new Set(Object.values(this.state.taskRuns).map((run) => run.taskId))];
    this.logs.setTaskIds(taskIds);
    this.root.dataset.phase = this.state.phase;
    this.root.dataset.state = this.state.state;
    if (this.state.phase === 'ended' || !isActiveState(this.state.state)) this.stopTicker();
  }
}

const root = document.getElementById('app');
if (root) {
  const panel = new RunPanel(root);
  onHostMessage((message) => panel.handle(message));
  post({ type: 'ready' });
}
