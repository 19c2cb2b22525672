// `npm run test:e2e`: the packaged extension (.vsix) installed into a fresh code-server profile and
// driven through the UI with Playwright and Debian Chromium, as a user would: diagnostics only on
// flows, completion, Run Flow from the palette, the inputs form, the run panel (state, logs, outputs,
// Debug Outputs, copy expression, Re-run, Cancel), the error gate and sign-in; security (hostile log
// text and outputs, secret() masking, credentials kept secret on a fake Kestra server); plus the log
// view's speed with 100,000 lines in the same browser. Screenshots go to test-results/e2e/.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startDummyServer, type DummyServer } from '../engine/support/dummy-server';
import { FakeKestra } from '../remote/fake-kestra/fake-kestra';
import { launchBrowser } from './harness/browser';
import { packageExtension } from './harness/build';
import {
  installExtension,
  newProfile,
  removeTempDirs,
  startCodeServer,
  type CodeServer,
} from './harness/code-server';
import { startHostileServer, type HostileServer } from './harness/hostile';
import { secretEnvironment, writeSecurityFixtures } from './harness/security-workspace';
import { checkTools, type BrowserContext } from './harness/tools';
import { measureLogView } from './harness/log-perf';
import { SHOTS, Workbench } from './harness/workbench';
import { makeWorkspace } from './harness/workspace';
import { credentialsStaySecret, hostileTextStaysText, secretIsMasked } from './security-steps';
import {
  cancelFromCodeLens,
  completion,
  diagnosticsOnFlowsOnly,
  formForEveryType,
  log,
  refusesBrokenFlow,
  runGetFlow,
  runWithInputs,
  signInAndOut,
} from './ui-steps';

async function main(): Promise<number> {
  const missing = checkTools();
  if (missing) {
    console.error(`test:e2e: ${missing}`);
    return 2;
  }
  const vsix = packageExtension();
  const profile = newProfile({}, secretEnvironment());
  log(installExtension(profile, vsix));
  let loopback: DummyServer | undefined;
  let hostile: HostileServer | undefined;
  let kestra: FakeKestra | undefined;
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  let wb: Workbench | undefined;
  try {
    loopback = await startDummyServer();
    hostile = await startHostileServer();
    // Credentials made for this run, so that finding them anywhere means this run leaked them.
    const token = `kfe2e-token-${randomBytes(12).toString('hex')}`;
    const password = `kfe2e-pw-${randomBytes(12).toString('hex')}`;
    const username = 'e2e@kestra.io';
    kestra = await FakeKestra.start({
      auth: { tokens: { [token]: 'write' }, basic: { username, password } },
    });
    browser = await launchBrowser();
    const perfPage = await browser.newPage();
    const perf = await measureLogView(perfPage, 100_000);
    log(
      `log view, 100,000 lines: all delivered and counted in ${perf.loadMs} ms, ${perf.renderedRows} rows in the DOM, scroll to middle rendered in ${perf.scrollMs} ms`,
    );
    await perfPage.close();
    const folder = makeWorkspace(loopback.port);
    writeSecurityFixtures(folder, hostile.port);
    server = await startCodeServer(profile);
    const page = await browser.newPage();
    wb = new Workbench(page);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page
      .locator('.explorer-folders-view .monaco-list-row', { hasText: 'flows' })
      .waitFor({ timeout: 60_000 });
    await diagnosticsOnFlowsOnly(wb);
    await completion(wb);
    await runGetFlow(wb);
    await runWithInputs(wb);
    await formForEveryType(wb);
    await cancelFromCodeLens(wb);
    await refusesBrokenFlow(wb);
    await signInAndOut(wb, loopback.url);
    await hostileTextStaysText(wb);
    assert.deepEqual(hostile.requested, ['/page.html'], 'the flow fetched the hostile page');
    await secretIsMasked(wb, { profile, folder });
    await credentialsStaySecret(wb, { profile, folder, kestra, token, username, password });
    log(`passed; screenshots in ${SHOTS}`);
    return 0;
  } catch (error) {
    console.error(
      `test:e2e: FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    if (wb) console.error(`screenshot: ${await wb.shot('99-failure').catch(() => 'none')}`);
    if (server) console.error(`code-server log: ${server.logFile}`);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await loopback?.close();
    await hostile?.close();
    await kestra?.close();
  }
}

main().then(
  (code) => {
    if (code === 0) removeTempDirs();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(`test:e2e: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
