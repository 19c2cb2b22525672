// Fresh activations of the extension in a real VS Code: each launch is a new code-server with a new
// profile (so a new extension host process) whose window runs test/e2e/harness/activation-probe.ts as
// its extension tests. The probe activates the extension once and writes its marks to a file; while
// it waits, the bench reads VS Code's own figure from "Developer: Show Running Extensions".
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { build } from 'esbuild';
import type { ActivationSample } from '../../test/e2e/harness/activation-probe';
import { launchBrowser } from '../../test/e2e/harness/browser';
import {
  newProfile,
  removeTempDirs,
  startCodeServer,
  tempDir,
  type Profile,
} from '../../test/e2e/harness/code-server';
import { REPO, type BrowserContext, type Page } from '../../test/e2e/harness/tools';
import { Workbench } from '../../test/e2e/harness/workbench';

const LAUNCH_TIMEOUT_MS = 120_000;

export interface Launch extends ActivationSample {
  /** "Activation: N ms" of the Running Extensions view (code loading + activate() call), if read. */
  vscodeActivationMs?: number;
  /** Why it could not be read. */
  vscodeActivationError?: string;
}

async function bundleProbe(): Promise<string> {
  const outfile = join(tempDir('probe-'), 'probe.js');
  await build({
    entryPoints: [join(REPO, 'test/e2e/harness/activation-probe.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return outfile;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** VS Code's own activation time of the extension, as its Running Extensions view shows it. */
async function readRunningExtensions(page: Page): Promise<number> {
  await new Workbench(page).command('Developer: Show Running Extensions');
  // The rows are sorted slowest first; the page is tall enough for every row to be rendered.
  const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'kestra-flow-tools' });
  await row.waitFor({ timeout: 15_000 });
  const text = await row.innerText();
  const match = /Activation: (\d+)\s*ms/.exec(text);
  if (!match) throw new Error(`no activation time in ${JSON.stringify(text)}`);
  return Number(match[1]);
}

async function launchOnce(
  browser: BrowserContext,
  probe: string,
  extensionPath: string,
  profile: Profile,
): Promise<Launch> {
  const out = join(tempDir('activation-'), 'activation.json');
  // code-server hands its environment to the extension host, where the probe reads it.
  const server = await startCodeServer(
    { ...profile, env: { ...profile.env, KESTRA_BENCH_ACTIVATION_OUT: out } },
    { smokeTestDriver: true },
  );
  const page = await browser.newPage();
  try {
    const lines: string[] = [];
    let exitCode: number | undefined;
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
      lines.push(format(...(Array.isArray(args) ? args : [args])));
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => (exitCode = code));
    const fail = (what: string) =>
      new Error(
        `the activation probe ${what} (code-server log: ${server.logFile})\n${lines.slice(-30).join('\n')}`,
      );
    const authority = `127.0.0.1:${server.port}`;
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`],
      ['extensionTestsPath', `vscode-remote://${authority}${probe}`],
    ];
    await (page as Page & SizablePage).setViewportSize({ width: 1500, height: 2400 });
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(tempDir('ws-'))}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const deadline = Date.now() + LAUNCH_TIMEOUT_MS;
    while (!existsSync(out)) {
      if (exitCode !== undefined) throw fail(`exited with ${exitCode} before writing its figures`);
      if (Date.now() > deadline) throw fail('timed out');
      await sleep(100);
    }
    const sample = JSON.parse(readFileSync(out, 'utf8')) as ActivationSample;
    const launch: Launch = { ...sample };
    try {
      launch.vscodeActivationMs = await readRunningExtensions(page);
    } catch (error) {
      launch.vscodeActivationError = error instanceof Error ? error.message.split('\n')[0] : String(error);
    }
    writeFileSync(`${out}.done`, '');
    while (exitCode === undefined && Date.now() < deadline) await sleep(100);
    if (exitCode !== 0) throw fail(exitCode === undefined ? 'did not end' : `exited with ${exitCode}`);
    return launch;
  } finally {
    await page.close().catch(() => undefined);
    await server.stop();
  }
}

interface SizablePage {
  setViewportSize(size: { width: number; height: number }): Promise<void>;
}

/** A browser and the probe's bundle, to launch VS Code windows that each activate the extension once. */
export class ActivationLauncher {
  private constructor(
    private readonly browser: BrowserContext,
    private readonly probe: string,
  ) {}

  static async start(): Promise<ActivationLauncher> {
    const probe = await bundleProbe();
    return new ActivationLauncher(await launchBrowser(), probe);
  }

  /** One fresh extension host (a new code-server) with `profile`, activating `extensionPath`. */
  launch(extensionPath: string, profile: Profile): Promise<Launch> {
    return launchOnce(this.browser, this.probe, extensionPath, profile);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
  }
}

/**
 * `launches` activations of the extension in `extensionPath` (a folder with package.json and dist/),
 * each in a new code-server and so a new extension host, all with one profile as VS Code restarted;
 * a first launch, unmeasured, fills the profile's caches. Temp folders go when all pass.
 */
export async function measureActivations(launches: number, extensionPath = REPO): Promise<Launch[]> {
  const launcher = await ActivationLauncher.start();
  const profile = newProfile();
  const results: Launch[] = [];
  try {
    await launcher.launch(extensionPath, profile);
    for (let i = 0; i < launches; i++) results.push(await launcher.launch(extensionPath, profile));
  } finally {
    await launcher.close();
  }
  removeTempDirs();
  return results;
}
