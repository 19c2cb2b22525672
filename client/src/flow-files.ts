// Which open documents are Kestra flows (same rule as the language server: isFlowText), published as
// context keys so that buttons, the keybinding and the palette entry appear on flows only:
// `kestraFlow.isFlow` for the active editor, `kestraFlow.flowPaths` for every open flow (editor titles).
import * as vscode from 'vscode';
import { isFlowText } from '../../server/src/flow/flow-document';

const SCHEMES = new Set(['file', 'untitled']);

export function isFlowDocument(document: vscode.TextDocument): boolean {
  return SCHEMES.has(document.uri.scheme) && document.languageId === 'yaml' && isFlowText(document.getText());
}

export class FlowFiles implements vscode.Disposable {
  /** Open flow documents, by URI. */
  private readonly flows = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** The active editor's flow-ness or the set of open flows changed. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    for (const document of vscode.workspace.textDocuments) this.check(document, false);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document, true)),
      vscode.workspace.onDidChangeTextDocument((event) => this.check(event.document, true)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.flows.delete(document.uri.toString())) this.publish();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.publish()),
    );
    this.publish();
  }

  get activeFlow(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && this.flows.has(document.uri.toString()) ? document : undefined;
  }

  private check(document: vscode.TextDocument, publish: boolean): void {
    const key = document.uri.toString();
    const was = this.flows.has(key);
    const is = isFlowDocument(document);
    if (is) this.flows.set(key, document.uri);
    else this.flows.delete(key);
    if (publish && was !== is) this.publish();
  }

  private publish(): void {
    // The active document is checked again: its events may arrive in any order around the switch.
    const active = vscode.window.activeTextEditor?.document;
    if (active) this.check(active, false);
    // Both keys are sent every time (cheap), so that no ordering of events can leave a stale value.
    const paths = [...this.flows.values()].map((uri) => uri.fsPath);
    void vscode.commands.executeCommand('setContext', 'kestraFlow.flowPaths', paths);
    void vscode.commands.executeCommand('setContext', 'kestraFlow.isFlow', this.activeFlow !== undefined);
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
