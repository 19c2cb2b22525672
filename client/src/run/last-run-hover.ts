// After a run, hovering a `{{ … }}` in the flow shows the value it had in that run (evaluated with the
// run's inputs and outputs by the project's Pebble engine). Only for runs of the same file.
import * as vscode from 'vscode';
import { parseFlowDocument, type FlowDocument } from '../../../server/src/flow/flow-document';
import { printAt } from './expression-at';
import type { LastRuns } from './last-runs';
import { evaluateInRun, runVariables } from './run-variables';

const MAX_SHOWN = 2000;

export class LastRunHoverProvider implements vscode.HoverProvider {
  private cache: { uri: string; version: number; flow: FlowDocument } | undefined;

  constructor(private readonly lastRuns: LastRuns) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const run = this.lastRuns.get(document.uri);
    if (!run) return undefined;
    const flow = this.parse(document);
    if (!flow.isFlow) return undefined;
    const print = printAt(flow, document.offsetAt(position));
    if (!print) return undefined;
    const result = evaluateInRun(print.source, runVariables(run.state));
    const when = new Date(run.endedAt).toLocaleTimeString();
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**Value** (last run, ${when}, ${run.state.state})\n\n`);
    if (result.ok) {
      const text = result.text.length > MAX_SHOWN ? `${result.text.slice(0, MAX_SHOWN)}…` : result.text;
      markdown.appendCodeblock(text, typeof result.value === 'string' ? 'text' : 'json');
    } else {
      markdown.appendText(result.message);
    }
    return new vscode.Hover(
      markdown,
      new vscode.Range(document.positionAt(print.start), document.positionAt(print.end)),
    );
  }

  private parse(document: vscode.TextDocument): FlowDocument {
    const uri = document.uri.toString();
    if (this.cache?.uri !== uri || this.cache.version !== document.version) {
      this.cache = { uri, version: document.version, flow: parseFlowDocument(document.getText()) };
    }
    return this.cache.flow;
  }
}
