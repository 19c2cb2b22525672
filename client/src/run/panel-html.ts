// The run panel's HTML: a strict Content Security Policy with a fresh nonce, the bundled script and
// stylesheets from dist/webview, nothing remote, nothing inline, no handlers in attributes. Pure (the
// webview's URIs come in as strings) so that the policy is unit-tested.
import { randomBytes } from 'node:crypto';

/** The files of dist/webview the page loads. */
export const PANEL_SCRIPT = 'main.js';
export const PANEL_STYLESHEETS = ['styles.css', 'run.css'] as const;

export interface PanelPage {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  /** The webview URI of a file of dist/webview (`webview.asWebviewUri`). */
  asset(name: string): string;
}

export function newNonce(): string {
  return randomBytes(18).toString('base64');
}

/** The policy: nothing by default; scripts only with the nonce; styles and fonts from the extension. */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

export function panelHtml(page: PanelPage, nonce: string = newNonce()): string {
  const sheets = PANEL_STYLESHEETS.map(
    (name) => `<link rel="stylesheet" href="${attribute(page.asset(name))}" nonce="${nonce}">`,
  );
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(panelCsp(page.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${sheets.join('\n')}
<title>Kestra run</title>
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${attribute(page.asset(PANEL_SCRIPT))}"></script>
</body>
</html>`;
}
