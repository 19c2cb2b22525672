// "Run Flow" above the flow's `id` (the top of the flow); nothing on YAML that is not a flow.
import * as vscode from 'vscode';
import { isFlowText } from '../../../server/src/flow/flow-document';

export class RunCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const text = document.getText();
    if (!isFlowText(text)) return [];
    // The first top-level key line (the flow's own indentation, see isFlowText).
    const match = /^([ \t]*)(id|namespace|tasks)[ \t]*:/m.exec(text);
    const line = match ? document.positionAt(match.index).line : 0;
    const range = new vscode.Range(line, 0, line, 0);
    return [
      new vscode.CodeLens(range, {
        title: '$(play) Run Flow',
        tooltip: 'Kestra: Run Flow (Ctrl/Cmd+Alt+R)',
        command: 'kestraFlow.run',
        arguments: [document.uri],
      }),
    ];
  }
}
