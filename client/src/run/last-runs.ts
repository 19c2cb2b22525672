// The last run of each flow file: what the hovers evaluate against, and what the test API observes.
import * as vscode from 'vscode';
import type { RunState } from '../../webview/model/run-state';

export interface LastRun {
  uri: string;
  state: RunState;
  /** Epoch ms when the run ended. */
  endedAt: number;
}

export class LastRuns implements vscode.Disposable {
  private readonly runs = new Map<string, LastRun>();
  private readonly ended = new vscode.EventEmitter<LastRun>();
  readonly onDidEnd = this.ended.event;

  record(uri: vscode.Uri, state: RunState): void {
    const run: LastRun = { uri: uri.toString(), state, endedAt: Date.now() };
    this.runs.set(run.uri, run);
    this.ended.fire(run);
  }

  get(uri: vscode.Uri | string): LastRun | undefined {
    return this.runs.get(uri.toString());
  }

  dispose(): void {
    this.ended.dispose();
  }
}
