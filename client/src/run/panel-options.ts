// How the run panel's webview is created: scripts on (the bundle), state kept while hidden, and local
// resources limited to dist/webview of the extension (not the extension's root, the workspace or the
// user's files). Pure: `joinPath` is `vscode.Uri.joinPath`, injected so that this is unit-tested.
import type * as vscode from 'vscode';

/** The only folder the panel may load from, relative to the extension. */
export const PANEL_ASSETS = ['dist', 'webview'] as const;

export type JoinPath = (base: vscode.Uri, ...segments: string[]) => vscode.Uri;

export function panelAssetsFolder(extensionUri: vscode.Uri, joinPath: JoinPath): vscode.Uri {
  return joinPath(extensionUri, ...PANEL_ASSETS);
}

export function runPanelOptions(
  extensionUri: vscode.Uri,
  joinPath: JoinPath,
): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    // The panel opens nothing through command: links.
    enableCommandUris: false,
    retainContextWhenHidden: true,
    localResourceRoots: [panelAssetsFolder(extensionUri, joinPath)],
    enableFindWidget: true,
  };
}
