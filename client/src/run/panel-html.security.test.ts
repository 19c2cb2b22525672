import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as vscode from 'vscode';
import { URI, Utils } from 'vscode-uri';
import { panelCsp, panelHtml, PANEL_SCRIPT, PANEL_STYLESHEETS, type PanelPage } from './panel-html';
import { runPanelOptions, type JoinPath } from './panel-options';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const page: PanelPage = {
  cspSource: CSP_SOURCE,
  asset: (name) => `${CSP_SOURCE}/ext/dist/webview/${name}`,
};

/** The policy's directives, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('panelHtml: content security', () => {
  const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
  const html = panelHtml(page, nonce);

  it('declares a policy that allows nothing by default and scripts only with the nonce', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
    assert.ok(meta, html);
    assert.equal(meta[1], panelCsp(CSP_SOURCE, nonce).replace(/&/g, '&amp;'));
    const policy = directives(meta[1]);
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('script-src'), [`'nonce-${nonce}'`]);
    assert.deepEqual(policy.get('style-src'), [CSP_SOURCE, `'nonce-${nonce}'`]);
    assert.deepEqual(policy.get('font-src'), [CSP_SOURCE]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'none'"]);
    assert.ok(!/unsafe-(inline|eval)|\*|https?:(?!\/\/file\+)/.test(meta[1]), meta[1]);
  });

  it('loads one script, the bundle, with that nonce, and no inline script or handler', () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.equal(scripts[0][1], ` nonce="${nonce}" src="${page.asset(PANEL_SCRIPT)}"`);
    assert.equal(scripts[0][2], '', 'the script element has no inline code');
    assert.doesNotMatch(html, /\son[a-z]+\s*=/i);
    assert.doesNotMatch(html, /javascript:/i);
    assert.doesNotMatch(html, /<style\b/i);
  });

  it('links only the stylesheets of dist/webview, with the nonce', () => {
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]*)" nonce="([^"]*)">/g)];
    assert.deepEqual(
      links.map((link) => [link[1], link[2]]),
      PANEL_STYLESHEETS.map((name) => [page.asset(name), nonce]),
    );
  });

  it('makes a new nonce for every page', () => {
    const nonceOf = (text: string) => /script-src 'nonce-([^']+)'/.exec(text)?.[1];
    const first = nonceOf(panelHtml(page));
    const second = nonceOf(panelHtml(page));
    assert.ok(first && second);
    assert.notEqual(first, second);
    assert.ok(Buffer.from(first, 'base64').length >= 16, 'at least 128 bits');
  });

  it('escapes quotes in the URIs it is given', () => {
    const hostile = panelHtml(
      { cspSource: CSP_SOURCE, asset: (name) => `x" onload="alert(1)/${name}` },
      nonce,
    );
    assert.doesNotMatch(hostile, /\sonload="/);
    assert.match(hostile, /src="x&quot; onload=&quot;alert\(1\)\/main\.js"/);
  });
});

describe('runPanelOptions', () => {
  const joinPath = Utils.joinPath as unknown as JoinPath;
  const extensionUri = URI.file(
    '/home/user/.vscode/extensions/kestra-flow-tools-0.1.0',
  ) as unknown as vscode.Uri;
  const options = runPanelOptions(extensionUri, joinPath);

  it('lets the panel load from the dist/webview folder of the extension and nowhere else', () => {
    assert.deepEqual(
      options.localResourceRoots?.map((root) => root.toString()),
      ['file:///home/user/.vscode/extensions/kestra-flow-tools-0.1.0/dist/webview'],
    );
  });

  it('runs scripts, keeps the page while hidden, and opens no command links', () => {
    assert.equal(options.enableScripts, true);
    assert.equal(options.retainContextWhenHidden, true);
    assert.equal(options.enableCommandUris, false);
  });
});
