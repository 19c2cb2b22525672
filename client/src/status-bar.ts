// The status bar item on flows: the language server's state and the schema in use (bundled, a file,
// or a server's), from the server's `kestraFlow/schemaStatus` notification. Click: the output channel.
import * as vscode from 'vscode';

export interface SchemaStatus {
  source: 'bundled' | 'file' | 'server';
  detail: string;
}

export type ServerState = 'starting' | 'running' | 'stopped';

const SOURCE_LABEL: Record<SchemaStatus['source'], string> = {
  bundled: 'bundled schema',
  file: 'schema file',
  server: 'server schema',
};

export function isSchemaStatus(value: unknown): value is SchemaStatus {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    (record.source === 'bundled' || record.source === 'file' || record.source === 'server') &&
    typeof record.detail === 'string'
  );
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'kestraFlow.status',
    vscode.StatusBarAlignment.Right,
    100,
  );
  private state: ServerState = 'starting';
  private schema: SchemaStatus | undefined;

  constructor(showOutputCommand: string) {
    this.item.name = 'Kestra Flow Tools';
    this.item.command = showOutputCommand;
    this.render();
  }

  setState(state: ServerState): void {
    this.state = state;
    this.render();
  }

  setSchema(schema: SchemaStatus): void {
    this.schema = schema;
    this.render();
  }

  /** Shown only while a flow is in the active editor. */
  setVisible(visible: boolean): void {
    if (visible) this.item.show();
    else this.item.hide();
  }

  private render(): void {
    const icon = { starting: '$(sync~spin)', running: '$(check)', stopped: '$(error)' }[this.state];
    const schema = this.schema ? SOURCE_LABEL[this.schema.source] : 'loading schema';
    this.item.text = `${icon} Kestra: ${schema}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`Kestra Flow Tools — language server ${this.state}.\n`);
    if (this.schema) tooltip.appendText(`Schema: ${this.schema.detail}\n`);
    tooltip.appendText('Click to show the output.');
    this.item.tooltip = tooltip;
    this.item.backgroundColor =
      this.state === 'stopped' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
