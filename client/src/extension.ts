// VS Code entry point: the language client, the flow context keys, the status bar, Run Flow (command,
// code lens, editor title, keybinding), last-run hovers, and sign-in to a Kestra server.
// Activation loads dist/extension.js only (the language client and these registrations): Run Flow's
// code (runner, panel, inputs form, Pebble engine) is dist/run.js, loaded on first use (run-loader.ts).
import { bundleStart } from './load-start';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CredentialStore } from './credentials';
import { FlowFiles, isFlowDocument } from './flow-files';
import { createLanguageClient } from './language-client';
import { RunCodeLensProvider } from './run/code-lens';
import { DiagnosticsTracker } from './run/diagnostics-gate';
import type { FlowRunner, RunOptions } from './run/flow-runner';
import { LastRuns } from './run/last-runs';
import { loadRunBundle } from './run-loader';
import { StatusBar } from './status-bar';
import type { KestraFlowApi } from './test-api';

const bundleEnd = performance.now();

let client: LanguageClient | undefined;

const YAML: vscode.DocumentSelector = [
  { scheme: 'file', language: 'yaml' },
  { scheme: 'untitled', language: 'yaml' },
];

export async function activate(context: vscode.ExtensionContext): Promise<KestraFlowApi> {
  const activationStart = performance.now();
  const output = vscode.window.createOutputChannel('Kestra Flow Tools');
  const status = new StatusBar('kestraFlow.showOutput');
  const flows = new FlowFiles();
  const diagnostics = new DiagnosticsTracker();
  const lastRuns = new LastRuns();
  const credentials = new CredentialStore(context.secrets);
  const runners = new Map<string, FlowRunner>();
  let lastRunHover: vscode.HoverProvider | undefined;
  const services = {
    extensionUri: context.extensionUri,
    workspaceState: context.workspaceState,
    output,
    credentials,
    diagnostics,
    lastRuns,
  };
  const runnerFor = (uri: vscode.Uri): FlowRunner => {
    const key = uri.toString();
    let runner = runners.get(key);
    if (!runner) {
      runner = new (loadRunBundle().FlowRunner)(uri, services);
      runners.set(key, runner);
    }
    return runner;
  };

  status.setVisible(flows.activeFlow !== undefined);
  context.subscriptions.push(
    output,
    status,
    flows,
    lastRuns,
    flows.onDidChange(() => status.setVisible(flows.activeFlow !== undefined)),
    vscode.commands.registerCommand('kestraFlow.run', async (target?: unknown, options?: RunOptions) => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showErrorMessage('Kestra: open a flow to run it.');
        return undefined;
      }
      const document = await vscode.workspace.openTextDocument(uri);
      if (!isFlowDocument(document)) {
        void vscode.window.showErrorMessage(
          'Kestra: this file is not a Kestra flow (it needs top-level `id`, `namespace` and `tasks`).',
        );
        return undefined;
      }
      return runnerFor(uri).run(options);
    }),
    vscode.commands.registerCommand('kestraFlow.signIn', () => credentials.signIn()),
    vscode.commands.registerCommand('kestraFlow.signOut', () => credentials.signOut()),
    vscode.commands.registerCommand('kestraFlow.showOutput', () => output.show(true)),
    vscode.languages.registerCodeLensProvider(YAML, new RunCodeLensProvider()),
    vscode.languages.registerHoverProvider(YAML, {
      // Only a file that was run has a last run, and running it loaded dist/run.js already.
      provideHover: (document, position, token) => {
        if (!lastRuns.get(document.uri)) return undefined;
        lastRunHover ??= new (loadRunBundle().LastRunHoverProvider)(lastRuns);
        return lastRunHover.provideHover(document, position, token);
      },
    }),
    { dispose: () => runners.forEach((runner) => runner.dispose()) },
  );

  client = createLanguageClient(context, output, status, diagnostics);
  let activationMs: number | undefined;
  let serverReady: number | undefined;
  const ready = client.start().then(() => {
    serverReady = performance.now();
    activationMs = Math.round(serverReady - activationStart);
    output.appendLine(`Language server ready (${activationMs} ms after activation started).`);
  });
  ready.catch((error: unknown) => {
    status.setState('stopped');
    output.appendLine(
      `The language server did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
  });

  const activateEnd = performance.now();
  return {
    ready,
    activationMs: () => activationMs,
    startupTimes: () => ({
      bundleStart,
      bundleEnd,
      activateStart: activationStart,
      activateEnd,
      serverReady,
    }),
    lastRun: (uri) => lastRuns.get(uri)?.state,
    nextRunEnd: (uri) =>
      new Promise((resolve) => {
        const subscription = lastRuns.onDidEnd((run) => {
          if (run.uri !== uri.toString()) return;
          subscription.dispose();
          resolve(run.state);
        });
      }),
    panelReady: (uri) => runners.get(uri.toString())?.panelReady,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
