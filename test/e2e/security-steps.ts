// The security steps of the UI suite (issue 8, items 5 and 6), checked inside the run panel's frame
// and on disk: hostile log lines and outputs stay text and run nothing under a strict CSP; secret()
// values are masked everywhere; server credentials live in SecretStorage and reach only the run's
// environment, never settings, the output channel, the panel or any file of the profile.
import assert from 'node:assert/strict';
import { rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FakeKestra } from '../remote/fake-kestra/fake-kestra';
import type { Profile } from './harness/code-server';
import { HOSTILE_ERROR, HOSTILE_LOGS, HOSTILE_OUTPUTS, HOSTILE_PAGE } from './harness/hostile';
import { filesHolding, outputChannelText } from './harness/leaks';
import { PANEL_DOM_PROBE, type PanelDom } from './harness/panel-dom';
import { SECRET_VALUE, SECURITY_FILES } from './harness/security-workspace';
import { retryUntil, type Workbench } from './harness/workbench';
import { log } from './ui-steps';

const RUN_TIMEOUT = 60_000;

async function panelDom(wb: Workbench): Promise<PanelDom> {
  return wb.webview().locator('body').evaluate<PanelDom>(PANEL_DOM_PROBE);
}

/** Nothing in the panel's document can run code; only the nonce'd bundle is a script of ours. */
function assertInert(dom: PanelDom, where: string): void {
  // VS Code itself prepends one inline script to every webview (id _vscodeApiScript: acquireVsCodeApi),
  // before the page's CSP meta; every other script must be our bundle, loaded with the CSP's nonce.
  const ours = dom.scripts.filter((script) => script.id !== '_vscodeApiScript');
  assert.equal(ours.length, 1, `${where}: one script besides VS Code's: ${JSON.stringify(dom.scripts)}`);
  const [bundle] = ours;
  assert.match(bundle.src, /\/dist\/webview\/main\.js$/, `${where}: the bundle`);
  assert.equal(bundle.inline, false, `${where}: the bundle has no inline code`);
  assert.ok(dom.csp, `${where}: a Content-Security-Policy meta`);
  const policy = new Map(
    dom.csp.split(';').map((part): [string, string[]] => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
  assert.deepEqual(policy.get('default-src'), ["'none'"], `${where}: ${dom.csp}`);
  assert.deepEqual(policy.get('script-src'), [`'nonce-${bundle.nonce}'`], `${where}: ${dom.csp}`);
  assert.ok(bundle.nonce.length >= 16, `${where}: a real nonce`);
  assert.deepEqual(dom.active, [], `${where}: no img, iframe, svg… elements`);
  assert.deepEqual(dom.handlers, [], `${where}: no on* attributes`);
  assert.deepEqual(dom.javascriptUrls, [], `${where}: no javascript: URLs`);
  assert.equal(dom.pwned, 'undefined', `${where}: no payload ran in the panel`);
  assert.equal(dom.parentPwned, 'undefined', `${where}: no payload ran in the webview host frame`);
}

export async function hostileTextStaysText(wb: Workbench): Promise<void> {
  await wb.command('View: Close All Editor Groups');
  await wb.openFile(SECURITY_FILES.hostile, 'id: hostile_text');
  await wb.command('Kestra: Run Flow');
  const view = wb.webview();
  await view.locator('#app[data-phase="ended"]').waitFor({ timeout: RUN_TIMEOUT });
  const onLogs = await panelDom(wb);
  assert.equal(onLogs.runState, 'WARNING', 'the tolerated failure makes the run WARNING');
  for (const line of [...HOSTILE_LOGS, HOSTILE_PAGE, HOSTILE_ERROR])
    assert.ok(onLogs.logMessages.includes(line), `log row ${line}: ${JSON.stringify(onLogs.logMessages)}`);
  assert.deepEqual(onLogs.taskValues, [` [${HOSTILE_LOGS[3]}]`, ` [${HOSTILE_LOGS[4]}]`]);
  assert.deepEqual(onLogs.taskErrors, [HOSTILE_ERROR]);
  assertInert(onLogs, 'logs tab');
  await wb.panelShot('13-panel-hostile-logs');

  await view.locator('#tab-outputs').click();
  await view
    .locator('.outputs-tasks .json-key', { hasText: /^values$/ })
    .first()
    .click();
  await view
    .locator('.outputs-tasks .json-leaf', { hasText: 'markdown' })
    .first()
    .waitFor({ timeout: 10_000 });
  const onOutputs = await panelDom(wb);
  for (const value of [...Object.values(HOSTILE_OUTPUTS), HOSTILE_PAGE]) {
    assert.ok(
      onOutputs.jsonStrings.includes(JSON.stringify(value)),
      `output ${value}: ${JSON.stringify(onOutputs.jsonStrings)}`,
    );
  }
  assert.ok(onOutputs.flowOutputs.includes(JSON.stringify(HOSTILE_OUTPUTS.img)), onOutputs.flowOutputs);
  assertInert(onOutputs, 'outputs tab');
  assert.equal(
    await wb.page.evaluate(() => typeof (window as { __pwned?: unknown }).__pwned, undefined),
    'undefined',
  );
  await wb.panelShot('14-panel-hostile-outputs');
  log(
    `hostile text: ${onLogs.logMessages.length} log rows and ${onOutputs.jsonStrings.length} output strings shown as text; ` +
      `no img/svg/iframe, on* attribute or javascript: URL; scripts ${onLogs.scripts.map((script) => script.id || script.src.split('/').pop()).join(' + ')}; CSP ${onLogs.csp}`,
  );
}

export interface SecretContext {
  profile: Profile;
  folder: string;
}

export async function secretIsMasked(wb: Workbench, context: SecretContext): Promise<void> {
  await wb.command('View: Close All Editor Groups');
  await wb.openFile(SECURITY_FILES.secret, 'id: uses_secret');
  await wb.command('Kestra: Run Flow');
  const view = wb.webview();
  await view.locator('#app[data-phase="ended"]').waitFor({ timeout: RUN_TIMEOUT });
  const onLogs = await panelDom(wb);
  assert.equal(onLogs.runState, 'SUCCESS');
  // The Log task's message, and the Return task's DEBUG line with its value.
  assert.deepEqual(onLogs.logMessages, ['token=******', '******']);
  await view.locator('#tab-outputs').click();
  await view.locator('.outputs-tasks .json-leaf', { hasText: 'value' }).first().waitFor({ timeout: 10_000 });
  const onOutputs = await panelDom(wb);
  assert.deepEqual(onOutputs.jsonStrings, ['"******"']);
  for (const dom of [onLogs, onOutputs])
    assert.ok(!dom.everything.includes(SECRET_VALUE), 'the secret is nowhere in the panel');
  const channel = await retryUntil(
    () => Promise.resolve(outputChannelText(context.profile.userData)),
    (text) => /secret\.yaml[^\n]*\n(?:[^\n]*\n)*?[^\n]*run ended SUCCESS/.test(text),
    15_000,
  );
  assert.match(channel, /kestra-flow run \S*secret\.yaml \(embedded/, 'the output channel shows the run');
  assert.match(channel, /run ended SUCCESS/);
  assert.ok(!channel.includes(SECRET_VALUE), 'the secret is not in the output channel');
  await wb.panelShot('15-panel-secret-masked');
  log(
    'secret(): log row token=******, output "******"; the value is in neither the panel nor the output channel',
  );
}

export interface CredentialContext extends SecretContext {
  kestra: FakeKestra;
  token: string;
  username: string;
  password: string;
}

/** Runs Kestra: Sign In until it is for `serverUrl` (the settings file may take a moment to apply). */
async function openSignIn(wb: Workbench, serverUrl: string): Promise<void> {
  const title = `Kestra: Sign In to ${serverUrl}`;
  const shown = await retryUntil(
    async () => {
      await wb.command('Kestra: Sign In', true);
      const widget = wb.page.locator('.quick-input-widget', { hasText: 'Kestra: Sign In to' });
      await widget.waitFor({ state: 'visible', timeout: 15_000 });
      if ((await widget.locator('.quick-input-title').innerText()).trim() === title) return true;
      await wb.page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 15_000 });
      return false;
    },
    (ok) => ok,
    30_000,
  );
  assert.ok(shown, `Sign In asks about ${serverUrl}`);
}

async function signInWithToken(wb: Workbench, serverUrl: string, token: string): Promise<void> {
  await openSignIn(wb, serverUrl);
  await wb.pick('API token', 'Kestra API token');
  await wb.answer('Kestra API token', token);
  await wb.page.keyboard.press('Enter');
  await wb.page
    .locator('.notifications-toasts', { hasText: `Signed in to ${serverUrl} (api token).` })
    .waitFor({ timeout: 15_000 });
}

async function signInWithPassword(
  wb: Workbench,
  serverUrl: string,
  username: string,
  password: string,
): Promise<void> {
  await openSignIn(wb, serverUrl);
  await wb.page.keyboard.press('ArrowDown');
  await wb.pick('Username and password', 'Kestra username');
  await wb.answer('Kestra username', username);
  await wb.page.keyboard.press('Enter');
  const box = await wb.answer(`Password of ${username}`, password);
  assert.equal(await box.getAttribute('type'), 'password');
  await wb.page.keyboard.press('Enter');
  await wb.page
    .locator('.notifications-toasts', { hasText: `Signed in to ${serverUrl} (username and password).` })
    .waitFor({ timeout: 15_000 });
}

/** Runs the on_server flow from the palette and waits for the panel to show the end. */
async function runOnServer(wb: Workbench): Promise<PanelDom> {
  await wb.command('View: Close All Editor Groups');
  await wb.openFile(SECURITY_FILES.onServer, 'id: on_server');
  await wb.command('Kestra: Run Flow');
  await wb.webview().locator('#app[data-phase="ended"]').waitFor({ timeout: RUN_TIMEOUT });
  return panelDom(wb);
}

/** The Authorization headers of the requests the fake server got since `from`. */
function authorizations(kestra: FakeKestra, from: number): (string | undefined)[] {
  return [...new Set(kestra.requests.slice(from).map((request) => request.headers.authorization))];
}

/**
 * The workbench's SecretStorage as the browser holds it: code-server keeps it in localStorage under
 * `secrets.provider`, sealed with a key from the server (the OS keychain's role in desktop VS Code).
 */
function sealedSecrets(wb: Workbench): Promise<string | null> {
  return wb.page.evaluate(() => localStorage.getItem('secrets.provider'), undefined);
}

/** Waits for the sealed store to change from `before` (it is saved asynchronously). */
async function sealedChange(wb: Workbench, before: string | null, what: string): Promise<string | null> {
  const after = await retryUntil(
    () => sealedSecrets(wb),
    (value) => value !== before,
    10_000,
  );
  assert.notEqual(after, before, `${what} changed the SecretStorage`);
  return after;
}

export async function credentialsStaySecret(wb: Workbench, context: CredentialContext): Promise<void> {
  const { kestra, token, username, password } = context;
  const workspaceSettings = join(context.folder, '.vscode/settings.json');
  mkdirSync(join(context.folder, '.vscode'), { recursive: true });
  writeFileSync(
    workspaceSettings,
    JSON.stringify({ 'kestraFlow.run.target': 'server', 'kestraFlow.server.url': kestra.url }, null, 2),
  );
  try {
    let sealed = await sealedSecrets(wb);
    await signInWithToken(wb, kestra.url, token);
    sealed = await sealedChange(wb, sealed, 'signing in with a token');
    assert.ok(sealed && !sealed.includes(token), 'the stored token is sealed');
    let from = kestra.requests.length;
    const withToken = await runOnServer(wb);
    assert.equal(withToken.runState, 'SUCCESS', withToken.everything.slice(0, 500));
    assert.ok(withToken.logMessages.includes('hello from the server'));
    assert.ok(kestra.requests.length > from, 'the run went to the server');
    assert.deepEqual(authorizations(kestra, from), [`Bearer ${token}`]);
    assert.ok(
      kestra.requests.every((request) => !request.path.includes(token) && !request.body.includes(token)),
    );

    await wb.command('Kestra: Sign Out');
    await wb.page
      .locator('.notifications-toasts', { hasText: `Signed out of ${kestra.url}.` })
      .waitFor({ timeout: 15_000 });
    sealed = await sealedChange(wb, sealed, 'signing out');
    from = kestra.requests.length;
    const signedOut = await runOnServer(wb);
    assert.deepEqual(authorizations(kestra, from), [undefined], 'signed out: no credentials sent');
    assert.match(signedOut.everything, /401 Unauthorized[^\n]*Kestra: Sign In/);

    await signInWithPassword(wb, kestra.url, username, password);
    sealed = await sealedChange(wb, sealed, 'signing in with a password');
    assert.ok(sealed && !sealed.includes(password), 'the stored password is sealed');
    from = kestra.requests.length;
    const withPassword = await runOnServer(wb);
    assert.equal(withPassword.runState, 'SUCCESS');
    assert.deepEqual(authorizations(kestra, from), [
      `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
    ]);
    await wb.panelShot('16-panel-server-run');

    for (const dom of [withToken, signedOut, withPassword]) {
      assert.ok(!dom.everything.includes(token), 'the token is not in the panel');
      assert.ok(!dom.everything.includes(password), 'the password is not in the panel');
    }
    const userSettings = readFileSync(join(context.profile.userData, 'User/settings.json'), 'utf8');
    const folderSettings = readFileSync(workspaceSettings, 'utf8');
    assert.ok(folderSettings.includes(kestra.url), 'the workspace settings name the server');
    for (const text of [userSettings, folderSettings]) {
      assert.ok(!text.includes(token) && !text.includes(password), 'no credential in settings.json');
    }
    const channel = await retryUntil(
      () => Promise.resolve(outputChannelText(context.profile.userData)),
      (text) => (text.match(/--server/g) ?? []).length >= 3 && /run ended[^\n]*\n?$/.test(text),
      15_000,
    );
    assert.equal((channel.match(new RegExp(`--server ${kestra.url}`, 'g')) ?? []).length, 3, channel);
    assert.ok(!channel.includes(token) && !channel.includes(password), 'no credential in the output channel');
    // Nothing the code-server profile or the workspace holds on disk (settings, state databases, logs,
    // the extension's storage, temp files) has a credential or the secret() value.
    const { found, scanned } = filesHolding(
      [context.profile.dir, context.folder],
      [token, password, SECRET_VALUE],
    );
    assert.deepEqual(found, [], `files holding a secret (of ${scanned} read)`);
    log(
      `credentials: token then password from Sign In, kept sealed in SecretStorage, reached the server as ` +
        `Bearer/Basic (401 when signed out); ` +
        `in no settings.json, output channel line, panel, or any of ${scanned} files of the profile and workspace`,
    );
  } finally {
    rmSync(workspaceSettings, { force: true });
  }
}
