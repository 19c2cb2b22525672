// Which open documents are Kestra flows (same rule as the language server: isFlowText), published as
// context keys so that buttons, the keybinding and the palette entry appear on flows only:
// `kestraFlow.isFlow` for the active editor, `kestraFlow.flowPaths` for every open flow (editor titles).
import * as vscode from 'vscode';
import { isFlowText } from '../../server/src/flow/flow-document';

export function isFlowDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'yaml' && isFlowText(document.getText());
}

export class FlowFiles implements vscode.Disposable {
  private readonly flows = new Set<string>();
  private activeIsFlow = false;
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
        if (this.flows.delete(document.uri.fsPath)) this.publish();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.publish()),
    );
    this.publish();
  }

  get activeFlow(): vscode.TextDocument | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document && this.flows.has(document.uri.fsPath) ? document : undefined;
  }

  private check(document: vscode.TextDocument, publish: boolean): void {
    const path = document.uri.fsPath;
    const was = this.flows.has(path);
    const is = isFlowDocument(document);
    if (is) this.flows.add(path);
    else this.flows.delete(path);
    if (publish && was !== is) this.publish();
  }

  private publish(): void {
    const activeIsFlow = this.activeFlow !== undefined;
    void vscode.commands.executeCommand('setContext', 'kestraFlow.flowPaths', [...this.flows]);
    if (activeIsFlow !== this.activeIsFlow) {
      this.activeIsFlow = activeIsFlow;
      void vscode.commands.executeCommand('setContext', 'kestraFlow.isFlow', activeIsFlow);
    }
    this.changed.fire();
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
