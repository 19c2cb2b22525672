// Run Flow refuses a flow with errors, as the Problems view shows them. The language server publishes
// diagnostics shortly after each change (debounced), so before looking the gate waits until the
// diagnostics for the document's current version have arrived.
import * as vscode from 'vscode';

const FRESH_TIMEOUT_MS = 3000;

export class DiagnosticsTracker {
  /** Document version at the time its diagnostics last arrived, by URI. */
  private readonly versions = new Map<string, number>();
  private readonly waiters = new Map<string, Set<() => void>>();

  /** Language client middleware hook: called for every publishDiagnostics. */
  received(uri: vscode.Uri): void {
    const key = uri.toString();
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === key);
    if (document) this.versions.set(key, document.version);
    for (const wake of this.waiters.get(key) ?? []) wake();
  }

  /** Resolves once diagnostics for this version of the document arrived (or after a timeout). */
  async fresh(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    const deadline = Date.now() + FRESH_TIMEOUT_MS;
    while (this.versions.get(key) !== document.version && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const waiters = this.waiters.get(key) ?? new Set();
        this.waiters.set(key, waiters);
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.max(0, deadline - Date.now()));
        waiters.add(wake);
      });
    }
  }
}

/** The first error of the document (in text order), if any. */
export function firstError(uri: vscode.Uri): vscode.Diagnostic | undefined {
  const errors = vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  return errors[0];
}

/** Says where the first error is and offers to show Problems; returns false when the run must not start. */
export async function checkNoErrors(
  document: vscode.TextDocument,
  tracker: DiagnosticsTracker,
): Promise<boolean> {
  await tracker.fresh(document);
  const error = firstError(document.uri);
  if (!error) return true;
  const count = vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const more = count > 1 ? ` (and ${count - 1} more error${count > 2 ? 's' : ''})` : '';
  const name = vscode.workspace.asRelativePath(document.uri);
  // Not awaited: the command ends now; the buttons act whenever the user picks one.
  void vscode.window
    .showErrorMessage(
      `Kestra: ${name} was not run: line ${error.range.start.line + 1}: ${error.message}${more}`,
      'Show Problems',
      'Go to Error',
    )
    .then(async (choice) => {
      if (choice === 'Show Problems') await vscode.commands.executeCommand('workbench.actions.view.problems');
      if (choice === 'Go to Error')
        await vscode.window.showTextDocument(document, { selection: error.range });
    });
  return false;
}
