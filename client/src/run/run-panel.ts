// The run panel's host side: a webview beside the editor that keeps its state while hidden, loads
// only dist/webview, and talks in typed messages. Messages posted before the page said `ready` wait.
import * as vscode from 'vscode';
import { parseWebviewMessage, type HostMessage, type WebviewMessage } from '../../webview/protocol';
import { panelHtml } from './panel-html';
import { panelAssetsFolder, runPanelOptions } from './panel-options';

export class RunPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly queue: HostMessage[] = [];
  private isReady = false;
  private disposed = false;
  readonly ready: Promise<void>;
  private markReady!: () => void;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    extensionUri: vscode.Uri,
    title: string,
    onMessage: (message: WebviewMessage) => void,
    onDispose: () => void,
  ) {
    const assets = panelAssetsFolder(extensionUri, vscode.Uri.joinPath);
    this.panel = vscode.window.createWebviewPanel(
      'kestraFlow.run',
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      runPanelOptions(extensionUri, vscode.Uri.joinPath),
    );
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((data: unknown) => {
        const message = parseWebviewMessage(data);
        if (!message) return;
        if (message.type === 'ready') this.flush();
        onMessage(message);
      }),
      this.panel.onDidDispose(() => {
        this.disposed = true;
        for (const disposable of this.disposables) disposable.dispose();
        onDispose();
      }),
    );
    const webview = this.panel.webview;
    webview.html = panelHtml({
      cspSource: webview.cspSource,
      asset: (name) => webview.asWebviewUri(vscode.Uri.joinPath(assets, name)).toString(),
    });
  }

  get alive(): boolean {
    return !this.disposed;
  }

  set title(title: string) {
    if (!this.disposed) this.panel.title = title;
  }

  reveal(preserveFocus: boolean): void {
    if (!this.disposed) this.panel.reveal(undefined, preserveFocus);
  }

  post(message: HostMessage): void {
    if (this.disposed) return;
    if (!this.isReady) {
      this.queue.push(message);
      return;
    }
    void this.panel.webview.postMessage(message);
  }

  private flush(): void {
    // A reload of the page (rare with retainContextWhenHidden) says ready again: start over.
    this.isReady = true;
    for (const message of this.queue.splice(0)) void this.panel.webview.postMessage(message);
    this.markReady();
  }

  dispose(): void {
    if (!this.disposed) this.panel.dispose();
  }
}
