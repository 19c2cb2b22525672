// What activate() returns: a small API for the extension-host tests to observe the extension (the
// language client's readiness, activation time, runs and their panel). Not a public contract.
import type * as vscode from 'vscode';
import type { RunState } from '../webview/model/run-state';

export interface KestraFlowApi {
  /** Resolves when the language client is ready. */
  ready: Promise<void>;
  /** Milliseconds from the start of activate() to the language client being ready. */
  activationMs(): number | undefined;
  /** The state of the last run of a flow file, as its panel shows it. */
  lastRun(uri: vscode.Uri | string): RunState | undefined;
  /** Resolves with the final state when the next run of the file ends. */
  nextRunEnd(uri: vscode.Uri): Promise<RunState>;
  /** Resolves when the run panel of the file has loaded (undefined: no panel). */
  panelReady(uri: vscode.Uri): Promise<void> | undefined;
}
