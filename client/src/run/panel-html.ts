// The run panel's HTML: a strict Content Security Policy with a fresh nonce, the bundled script and
// stylesheet from dist/webview, nothing remote, no inline handlers.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function panelHtml(webview: vscode.Webview, assets: vscode.Uri): string {
  const nonce = randomBytes(18).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(assets, 'main.js'));
  const sheets = ['styles.css', 'run.css'].map((name) =>
    webview.asWebviewUri(vscode.Uri.joinPath(assets, name)),
  );
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${sheets.map((sheet) => `<link rel="stylesheet" href="${sheet.toString()}" nonce="${nonce}">`).join('\n')}
<title>Kestra run</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
