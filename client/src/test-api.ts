// What activate() returns: a small API for the extension-host tests to observe the extension (the
// language client's readiness, activation time, runs and their panel). Not a public contract.
import type * as vscode from 'vscode';
import type { RunState } from '../webview/model/run-state';

/** performance.now() marks of the extension's start (the extension host's clock, as the tests'). */
export interface StartupTimes {
  /** dist/extension.js began to evaluate (its first module)… */
  bundleStart: number;
  /** …and ended (the top level of extension.ts, the last module). */
  bundleEnd: number;
  activateStart: number;
  /** activate() returned its promise to VS Code. */
  activateEnd: number;
  /** The language client is ready (the server answered `initialize`); undefined until then. */
  serverReady?: number;
}

export interface KestraFlowApi {
  /** Resolves when the language client is ready. */
  ready: Promise<void>;
  /** Milliseconds from the start of activate() to the language client being ready. */
  activationMs(): number | undefined;
  startupTimes(): StartupTimes;
  /** The state of the last run of a flow file, as its panel shows it. */
  lastRun(uri: vscode.Uri | string): RunState | undefined;
  /** Resolves with the final state when the next run of the file ends. */
  nextRunEnd(uri: vscode.Uri): Promise<RunState>;
  /** Resolves when the run panel of the file has loaded (undefined: no panel). */
  panelReady(uri: vscode.Uri): Promise<void> | undefined;
}
