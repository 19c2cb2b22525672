// The steps of the UI suite, each one thing a user does in VS Code with the extension, checked in
// the page (editor, Problems, palette, notifications) and in the run panel's frame.
import assert from 'node:assert/strict';
import { retryUntil, Workbench } from './harness/workbench';
import { WORKSPACE_FILES } from './harness/workspace';

const RUN_TIMEOUT = 60_000;
export const log = (text: string) => console.log(`[e2e ${new Date().toISOString().slice(11, 19)}] ${text}`);

export async function diagnosticsOnFlowsOnly(wb: Workbench): Promise<void> {
  await wb.openFile(WORKSPACE_FILES.workflow, 'name: CI');
  assert.equal(
    await wb.titleActions().locator('.codicon-play').count(),
    0,
    'no Run button on a GitHub workflow',
  );
  await wb.openFile(WORKSPACE_FILES.broken, 'id: broken');
  await wb.activeEditor().locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
  await wb.titleActions().locator('.codicon-play').first().waitFor({ timeout: 10_000 });
  await wb.page
    .locator('.statusbar-item', { hasText: 'Kestra: bundled schema' })
    .waitFor({ timeout: 10_000 });
  await wb.page.keyboard.press('Control+Shift+M');
  const markers = wb.page.locator('.markers-panel .monaco-list-row');
  await markers.first().waitFor({ timeout: 15_000 });
  const rows = await markers.allInnerTexts();
  await wb.shot('01-problems');
  assert.ok(
    rows.some((row) => row.includes('broken.yaml')),
    `Problems lists broken.yaml: ${rows.join(' | ')}`,
  );
  assert.ok(
    rows.some((row) => row.includes('io.kestra.plugin.core.log.Lgo')),
    'the unknown task type is reported',
  );
  assert.ok(!rows.some((row) => row.includes('ci.yml')), 'nothing for the GitHub workflow');
  await wb.page.keyboard.press('Control+Shift+M');
  // With a flow open beside it, the workflow still gets no Run button.
  await wb.openFile(WORKSPACE_FILES.workflow, 'name: CI');
  assert.equal(
    await wb.titleActions().locator('.codicon-play').count(),
    0,
    'no Run button on a GitHub workflow',
  );
  await wb.page
    .locator('.statusbar-item', { hasText: 'Kestra:' })
    .waitFor({ state: 'hidden', timeout: 10_000 });
  log(`diagnostics: ${rows.length} Problems rows, none for ci.yml; Run button on flows only`);
}

export async function completion(wb: Workbench): Promise<void> {
  await wb.openFile(WORKSPACE_FILES.scratch, 'id: scratch');
  await wb.activeEditor().locator('.view-lines').click();
  await wb.page.keyboard.press('Control+End');
  await wb.page.keyboard.press('ArrowUp');
  await wb.page.keyboard.press('End');
  await wb.page.keyboard.type('core.http.Req');
  const widget = wb.page.locator('.editor-widget.suggest-widget.visible');
  const labels = await retryUntil(
    async () => {
      await wb.page.keyboard.press('Control+Space');
      try {
        await widget.waitFor({ timeout: 3000 });
      } catch {
        return [];
      }
      return widget.locator('.monaco-list-row .label-name').allInnerTexts();
    },
    (found) => found.includes('io.kestra.plugin.core.http.Request'),
    30_000,
  );
  await wb.shot('02-completion');
  assert.ok(
    labels.includes('io.kestra.plugin.core.http.Request'),
    `completion offers Request: ${labels.join(', ')}`,
  );
  await wb.page.keyboard.press('Escape');
  await wb.command('File: Revert File');
  log(`completion: ${labels.length} items shown, Request among them`);
}

export async function runGetFlow(wb: Workbench): Promise<void> {
  await wb.openFile(WORKSPACE_FILES.get, 'id: http_get_request_example');
  await wb.command('Kestra: Run Flow');
  const view = wb.webview();
  await view.locator('#app[data-phase="ended"]').waitFor({ timeout: RUN_TIMEOUT });
  assert.equal((await view.locator('.run-state').innerText()).trim(), 'SUCCESS');
  const logLine = view.locator('.log-row', { hasText: 'Essence Mascara Lash Princess' }).first();
  await logLine.waitFor({ timeout: 10_000 });
  assert.match(await logLine.innerText(), /print_status/);
  assert.match(await view.locator('.task-tree').innerText(), /send_data[\s\S]*print_status/);
  await wb.shot('03-run-logs');
  await view.locator('#tab-outputs').click();
  const code = view.locator('.outputs-tasks .json-leaf', { hasText: 'code' }).first();
  await code.waitFor({ timeout: 10_000 });
  assert.match(await code.innerText(), /code\s*:\s*200/);
  assert.match(await view.locator('.outputs-tasks').innerText(), /send_data/);
  await code.hover();
  await code.locator('button', { hasText: '{{ }}' }).click();
  await wb.page
    .locator('.statusbar', { hasText: 'Kestra: copied the expression' })
    .waitFor({ timeout: 10_000 });
  assert.equal(
    await wb.page.evaluate(() => navigator.clipboard.readText(), undefined),
    '{{ outputs.send_data.code }}',
  );
  await view.locator('.debug-input').fill('{{ outputs.send_data.code }}');
  await view.locator('.debug-input').press('Enter');
  const result = view.locator('.debug-value');
  await result.waitFor({ timeout: 10_000 });
  assert.equal((await result.innerText()).trim(), '200');
  await wb.shot('04-run-outputs-debug');
  await wb.panelShot('04-panel-outputs');
  const firstExecution = await view.locator('.run-meta').innerText();
  await view.locator('.run-actions button', { hasText: 'Re-run' }).click();
  const secondExecution = await retryUntil(
    () => view.locator('.run-meta').innerText(),
    (meta) => meta !== firstExecution && meta.includes('execution'),
    RUN_TIMEOUT,
  );
  assert.notEqual(secondExecution, firstExecution, 'Re-run started a new execution');
  await view.locator('#app[data-phase="ended"]').waitFor({ timeout: RUN_TIMEOUT });
  assert.equal((await view.locator('.run-state').innerText()).trim(), 'SUCCESS');
  log('GET flow: SUCCESS, log line, send_data.code 200, Debug Outputs 200, Re-run SUCCESS');
}

export async function runWithInputs(wb: Workbench): Promise<void> {
  await wb.command('View: Close All Editor Groups');
  await wb.openFile(WORKSPACE_FILES.inputs, 'id: http_with_inputs');
  await wb.activeEditor().locator('.view-lines').click();
  await wb.page.keyboard.press('Control+Alt+R');
  const view = wb.webview();
  await view.locator('.inputs-form').waitFor({ timeout: 30_000 });
  assert.match(await view.locator('.inputs-form').innerText(), /Product \*[\s\S]*Which product to delete/);
  await view.locator('#input-product_id').fill('0');
  const problem = view.locator('.field.invalid .field-error', { hasText: 'it must be more than `1`' });
  await problem.waitFor({ timeout: 10_000 });
  await wb.shot('05-inputs-form-invalid');
  await view.locator('#input-product_id').fill('2');
  await problem.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await view.locator('#input-dry_run').check();
  await view.locator('#input-channel').selectOption('slack');
  await wb.shot('06-inputs-form-filled');
  await view.locator('.inputs-form button[type="submit"]').click();
  await view.locator('#app[data-phase="ended"]').waitFor({ timeout: RUN_TIMEOUT });
  assert.equal((await view.locator('.run-state').innerText()).trim(), 'SUCCESS');
  await view
    .locator('.log-row', { hasText: 'slack dry_run=true reason=cleanup' })
    .first()
    .waitFor({ timeout: 10_000 });
  await wb.shot('07-inputs-run');
  await wb.panelShot('07-panel-inputs-run');
  log('inputs flow: form validated live, filled, SUCCESS');
}

export async function formForEveryType(wb: Workbench): Promise<void> {
  await wb.command('View: Close All Editor Groups');
  await wb.openFile(WORKSPACE_FILES.allInputs, 'id: all_inputs');
  await wb.titleActions().locator('.codicon-play').first().click();
  const view = wb.webview();
  const form = view.locator('.inputs-form');
  await form.waitFor({ timeout: 30_000 });
  const controls: [string, string][] = [
    ['#input-name[type="text"]', 'STRING'],
    ['#input-count[type="number"][min="1"][max="5"]', 'INT'],
    ['#input-ratio[type="number"]', 'FLOAT'],
    ['#input-enabled[type="checkbox"][role="switch"]', 'BOOLEAN'],
    ['select#input-color', 'SELECT'],
    ['select#input-size', 'ENUM'],
    ['.choices input[type="checkbox"][value="c"]', 'MULTISELECT'],
    ['#input-day[type="date"]', 'DATE'],
    ['#input-at[type="time"]', 'TIME'],
    ['#input-when[placeholder="2024-01-31T10:00:00Z"]', 'DATETIME'],
    ['#input-wait[placeholder="PT5M"]', 'DURATION'],
    ['#input-password[type="password"]', 'SECRET'],
    ['textarea#input-config', 'JSON'],
    ['textarea#input-settings', 'YAML'],
    ['textarea#input-ids', 'ARRAY'],
    ['.file-row #input-upload', 'FILE'],
  ];
  for (const [selector, type] of controls)
    assert.equal(await form.locator(selector).count(), 1, `${type} control ${selector}`);
  assert.match(await form.innerText(), /Your name \*[\s\S]*Who to greet\./);
  await form.locator('#input-config').fill('{"retries": ');
  await form
    .locator('.field.invalid .field-error', { hasText: 'Invalid input for `config`' })
    .waitFor({ timeout: 10_000 });
  await form.locator('#input-mail').fill('not an email');
  await form
    .locator('.field.invalid .field-error', { hasText: 'The input must be a valid email' })
    .waitFor({ timeout: 10_000 });
  await wb.panelShot('08-panel-every-input-type');
  await form.locator('button', { hasText: 'Cancel' }).click();
  await wb.page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 10_000 });
  log(`form: ${controls.length} input types rendered with their controls, live errors for JSON and EMAIL`);
}

export async function cancelFromCodeLens(wb: Workbench): Promise<void> {
  await wb.command('View: Close All Editor Groups');
  await wb.openFile(WORKSPACE_FILES.sleep, 'id: long_sleep');
  await wb
    .activeEditor()
    .locator('.codelens-decoration a', { hasText: 'Run Flow' })
    .click({ timeout: 15_000 });
  const view = wb.webview();
  await view.locator('.log-row', { hasText: 'going to sleep' }).waitFor({ timeout: RUN_TIMEOUT });
  await view.locator('.task-row', { hasText: 'nap' }).locator('.state-RUNNING').waitFor({ timeout: 10_000 });
  await wb.panelShot('09-panel-running');
  await view.locator('.run-actions button', { hasText: 'Cancel' }).click();
  await view.locator('#app[data-phase="ended"]').waitFor({ timeout: 15_000 });
  assert.equal((await view.locator('.run-state').innerText()).trim(), 'KILLED');
  assert.equal(
    (await view.locator('.task-row', { hasText: 'nap' }).locator('.badge').innerText()).trim(),
    'KILLED',
  );
  await wb.panelShot('10-panel-killed');
  log('sleep flow: started from the code lens, cancelled, KILLED');
}

export async function signInAndOut(wb: Workbench, serverUrl: string): Promise<void> {
  await wb.command('Kestra: Sign In', true);
  await wb.answer('Kestra: Sign In', serverUrl);
  await wb.page.keyboard.press('Enter');
  await wb.answer(`Kestra: Sign In to ${serverUrl}`, '');
  await wb.pick('API token', 'Kestra API token');
  const token = await wb.answer('Kestra API token', 'e2e-token');
  assert.equal(await token.getAttribute('type'), 'password', 'the token is typed in a password box');
  await wb.shot('12-sign-in-token');
  await wb.page.keyboard.press('Enter');
  await wb.page
    .locator('.notifications-toasts', { hasText: `Signed in to ${serverUrl} (api token).` })
    .waitFor({ timeout: 15_000 });
  await wb.command('Kestra: Sign Out');
  await wb.page
    .locator('.notifications-toasts', { hasText: `Signed out of ${serverUrl}.` })
    .waitFor({ timeout: 15_000 });
  log('sign-in: server address saved, token asked in a password box, signed in and out');
}

export async function refusesBrokenFlow(wb: Workbench): Promise<void> {
  await wb.command('View: Close All Editor Groups');
  await wb.openFile(WORKSPACE_FILES.broken, 'id: broken');
  await wb.command('Kestra: Run Flow');
  const toast = wb.page.locator('.notifications-toasts', { hasText: 'was not run: line 6' });
  await toast.waitFor({ timeout: 15_000 });
  await wb.shot('11-refused');
  log('broken flow: refused, with the line of the first error');
}
