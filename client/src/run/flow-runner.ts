// Run Flow for one flow file: save, refuse on errors, ask for inputs in the panel, run the CLI,
// stream its events to the panel, and answer the panel (cancel, re-run, evaluate, copy, pick file).
import * as vscode from 'vscode';
import type { RunEvent } from '../../../server/src/engine/events';
import type { InputDefinition } from '../../../server/src/engine/inputs/input-definition';
import { initialFormValues } from '../../webview/model/form-values';
import {
  applyProcessExit,
  applyRunEvent,
  initialRunState,
  type RunState,
} from '../../webview/model/run-state';
import type { FlowIdentity, FormValues, WebviewMessage } from '../../webview/protocol';
import type { CredentialStore } from '../credentials';
import { readRunSettings } from '../settings';
import { checkNoErrors, type DiagnosticsTracker } from './diagnostics-gate';
import { readFlowInfo } from './flow-info';
import { rememberedValues } from './input-args';
import type { LastRuns } from './last-runs';
import { planLaunch } from './launch';
import { RunPanel } from './run-panel';
import { RunProcess } from './run-process';
import { maskRunEvent, runSecretMasker } from './secret-masking';
import { evaluateInRun, runVariables } from './run-variables';

export interface RunServices {
  extensionUri: vscode.Uri;
  workspaceState: vscode.Memento;
  output: vscode.OutputChannel;
  credentials: CredentialStore;
  diagnostics: DiagnosticsTracker;
  lastRuns: LastRuns;
}

export interface RunOptions {
  /** Values to run with, skipping the form (tests, keybindings with arguments). */
  inputs?: FormValues;
  /** Re-run: the values of the previous run, no form. */
  rerun?: boolean;
}

interface ActiveRun {
  id: number;
  process: RunProcess;
  state: RunState;
}

const BATCH_MS = 40;
let nextRunId = 1;

export class FlowRunner implements vscode.Disposable {
  private panel: RunPanel | undefined;
  private active: ActiveRun | undefined;
  private lastState: RunState | undefined;
  private lastValues: FormValues | undefined;
  private pendingForm: ((values: FormValues | undefined) => void) | undefined;

  constructor(
    readonly uri: vscode.Uri,
    private readonly services: RunServices,
  ) {}

  get panelReady(): Promise<void> | undefined {
    return this.panel?.ready;
  }

  get running(): boolean {
    return this.active?.process.running ?? false;
  }

  /** Runs the flow; resolves with the final state, or undefined when nothing ran. */
  async run(options: RunOptions = {}): Promise<RunState | undefined> {
    if (this.running) {
      this.panel?.reveal(false);
      void vscode.window.showInformationMessage(
        'Kestra: this flow is already running; cancel it in the run panel first.',
      );
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(this.uri);
    if (document.isUntitled) {
      void vscode.window.showErrorMessage('Kestra: save the flow to a file before running it.');
      return undefined;
    }
    if (document.isDirty && !(await document.save())) {
      void vscode.window.showErrorMessage('Kestra: the flow could not be saved, so it was not run.');
      return undefined;
    }
    if (!(await checkNoErrors(document, this.services.diagnostics))) return undefined;
    const info = readFlowInfo(document.getText());
    if (!info.ok) {
      void vscode.window.showErrorMessage(`Kestra: ${info.message}`);
      return undefined;
    }
    const flow: FlowIdentity = {
      id: info.flow.id,
      namespace: info.flow.namespace,
      fileName: vscode.workspace.asRelativePath(this.uri),
    };
    const inputs = info.flow.inputs;
    const panel = this.ensurePanel(flow);
    const values = await this.chooseValues(panel, flow, inputs, options);
    if (!values) return undefined;
    return this.launch(panel, flow, inputs, values);
  }

  private async chooseValues(
    panel: RunPanel,
    flow: FlowIdentity,
    inputs: InputDefinition[],
    options: RunOptions,
  ): Promise<FormValues | undefined> {
    const remembered = this.services.workspaceState.get<FormValues>(this.memoryKey());
    // Values given with the command win (SECRET ones too); the others start as the form would.
    if (options.inputs)
      return { ...initialFormValues(inputs, this.lastValues ?? remembered), ...options.inputs };
    if (inputs.length === 0) return {};
    if (options.rerun && this.lastValues) return initialFormValues(inputs, this.lastValues);
    panel.reveal(false);
    const target = readRunSettings(this.uri).target;
    panel.post({
      type: 'showForm',
      flow,
      inputs,
      values: initialFormValues(inputs, this.lastValues ?? remembered),
      target,
    });
    this.pendingForm?.(undefined);
    return new Promise((resolve) => (this.pendingForm = resolve));
  }

  private async launch(
    panel: RunPanel,
    flow: FlowIdentity,
    inputs: InputDefinition[],
    values: FormValues,
  ): Promise<RunState | undefined> {
    this.lastValues = values;
    await this.services.workspaceState.update(this.memoryKey(), rememberedValues(inputs, values));
    const settings = readRunSettings(this.uri);
    const launch = await planLaunch(this.uri, inputs, values, settings, this.services.credentials);
    if (!launch.ok) {
      const choice = await vscode.window.showErrorMessage(
        `Kestra: ${launch.message}`,
        ...(launch.openSettings ? ['Open Settings'] : []),
      );
      if (choice === 'Open Settings')
        await vscode.commands.executeCommand('workbench.action.openSettings', 'kestraFlow.server');
      return undefined;
    }
    const { plan } = launch;
    const output = this.services.output;
    // Secrets of the run are masked in everything it produces before anyone sees it.
    const masker = runSecretMasker({ ...globalThis.process.env, ...plan.env });
    output.appendLine(
      `[${new Date().toISOString()}] kestra-flow run ${masker.mask(plan.args.join(' '))} (${settings.target}, in ${plan.cwd})`,
    );
    const id = nextRunId++;
    const startedAt = Date.now();
    const state = initialRunState(startedAt);
    let pending: RunEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending.length === 0) return;
      panel.post({ type: 'runEvents', runId: id, events: pending });
      pending = [];
    };
    const process = new RunProcess({
      node: globalThis.process.execPath,
      cliPath: vscode.Uri.joinPath(this.services.extensionUri, 'dist', 'cli.js').fsPath,
      args: plan.args,
      cwd: plan.cwd,
      env: plan.env,
      onEvents: (received) => {
        const events = received.map((event) => maskRunEvent(event, masker));
        for (const event of events) applyRunEvent(state, event);
        pending.push(...events);
        timer ??= setTimeout(flush, BATCH_MS);
      },
      onOtherOutput: (line) => output.appendLine(masker.mask(line)),
    });
    this.active = { id, process, state };
    panel.title = `Run: ${flow.id}`;
    panel.post({
      type: 'runStarted',
      runId: id,
      flow,
      target: settings.target,
      hasInputs: inputs.length > 0,
      startedAt,
    });
    panel.reveal(true);
    const exit = await process.exited;
    flush();
    plan.cleanup();
    const stderr = masker.mask(exit.stderr.trim());
    if (stderr) output.appendLine(stderr);
    const message = exit.code === 2 || state.phase !== 'ended' ? stderr || undefined : undefined;
    applyProcessExit(state, Date.now(), message, exit.cancelled);
    panel.post({
      type: 'runExited',
      runId: id,
      exitCode: exit.code,
      ...(message ? { message } : {}),
      cancelled: exit.cancelled,
    });
    output.appendLine(
      `[${new Date().toISOString()}] run ended ${state.state} (exit ${exit.code ?? exit.signal})`,
    );
    this.lastState = state;
    this.services.lastRuns.record(this.uri, state);
    return state;
  }

  private ensurePanel(flow: FlowIdentity): RunPanel {
    if (this.panel?.alive) return this.panel;
    this.panel = new RunPanel(
      this.services.extensionUri,
      `Run: ${flow.id}`,
      (message) => void this.onMessage(message),
      () => {
        this.panel = undefined;
        this.pendingForm?.(undefined);
        this.pendingForm = undefined;
        // Nobody watches a run whose panel is closed: stop it.
        if (this.running) this.active?.process.cancel();
      },
    );
    return this.panel;
  }

  private async onMessage(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'submitInputs':
      case 'cancelForm': {
        const resolve = this.pendingForm;
        this.pendingForm = undefined;
        resolve?.(message.type === 'submitInputs' ? message.values : undefined);
        if (message.type === 'cancelForm' && !this.lastState && !this.running) this.panel?.dispose();
        break;
      }
      case 'cancelRun':
        this.active?.process.cancel();
        break;
      case 'rerun':
        await this.run({ rerun: true });
        break;
      case 'editInputs':
        await this.run();
        break;
      case 'evaluate': {
        const state = this.active?.state ?? this.lastState;
        const result = state
          ? evaluateInRun(message.expression, runVariables(state))
          : { ok: false as const, message: 'Run the flow first.' };
        this.panel?.post({
          type: 'evaluationResult',
          requestId: message.requestId,
          expression: message.expression,
          result,
        });
        break;
      }
      case 'copy':
        try {
          await vscode.env.clipboard.writeText(message.text);
          vscode.window.setStatusBarMessage(`Kestra: copied the ${message.what}`, 3000);
        } catch (error) {
          void vscode.window.showErrorMessage(
            `Kestra: could not copy: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        break;
      case 'pickFile': {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: 'Use this file',
          title: `File for input ${message.inputId}`,
        });
        if (picked?.[0])
          this.panel?.post({ type: 'filePicked', inputId: message.inputId, path: picked[0].fsPath });
        break;
      }
      case 'ready':
        break;
    }
  }

  private memoryKey(): string {
    return `kestraFlow.inputs:${this.uri.toString()}`;
  }

  dispose(): void {
    this.active?.process.cancel();
    this.panel?.dispose();
  }
}
