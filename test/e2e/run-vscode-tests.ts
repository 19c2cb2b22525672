// `npm run test:vscode`: the extension-host suite (test/vscode) inside a real VS Code. Here that is
// code-server with the extension loaded from the repository (extensionDevelopmentPath) and the tests
// given in the page's payload, as @vscode/test-web does; the result comes back through
// window.codeAutomationExit. Elsewhere the same module runs under @vscode/test-electron.
import { format } from 'node:util';
import { launchBrowser } from './harness/browser';
import { buildExtension, buildExtensionTests } from './harness/build';
import { newProfile, removeTempDirs, startCodeServer, tempDir, type CodeServer } from './harness/code-server';
import { secretEnvironment } from './harness/security-workspace';
import { checkTools, REPO, type BrowserContext } from './harness/tools';

const TIMEOUT_MS = 240_000;

async function main(): Promise<number> {
  const missing = checkTools();
  if (missing) {
    console.error(`test:vscode: ${missing}`);
    return 2;
  }
  buildExtension();
  const tests = await buildExtensionTests();
  // SECRET_API_TOKEN for secret() in the runs of the suite (test/vscode/secrets.suite.ts).
  const profile = newProfile({}, secretEnvironment());
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  try {
    server = await startCodeServer(profile, { smokeTestDriver: true });
    browser = await launchBrowser();
    const page = await browser.newPage();
    let reportExit: (code: number | 'timeout') => void = () => undefined;
    const exited = new Promise<number | 'timeout'>((resolve) => (reportExit = resolve));
    // The workbench logs a lot before the suite starts: show the suite's output, everything on failure.
    const lines: string[] = [];
    let suiteStarted = false;
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
      const text = format(...(Array.isArray(args) ? args : [args])).replace(/\n$/, '');
      lines.push(text);
      suiteStarted ||= text.includes('Kestra Flow Tools in VS Code');
      if (suiteStarted) process.stdout.write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${REPO}`],
      ['extensionTestsPath', `vscode-remote://${authority}${tests}`],
    ];
    const folder = tempDir('ws-');
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const timer = setTimeout(() => reportExit('timeout'), TIMEOUT_MS);
    const code = await exited;
    clearTimeout(timer);
    if (code === 'timeout') {
      console.log(lines.join('\n'));
      console.error(
        `test:vscode: no result after ${TIMEOUT_MS / 1000} s (code-server log: ${server.logFile})`,
      );
      return 1;
    }
    if (code !== 0 && !suiteStarted) console.log(lines.join('\n'));
    console.log(code === 0 ? 'test:vscode: passed' : `test:vscode: failed (exit ${code})`);
    return code === 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
  }
}

main().then(
  (code) => {
    if (code === 0) removeTempDirs();
    process.exit(code);
  },
  (error: unknown) => {
    console.error(`test:vscode: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
