// A real VS Code (code-server on Node 24) with a fresh profile: its own user data, extensions, HOME,
// XDG folders and temp dir, so nothing leaks into the machine's home or /tmp. Stopped with SIGTERM,
// then SIGKILL of its process group.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER, NODE24, TOOLS } from './tools';

export interface Profile {
  dir: string;
  userData: string;
  extensions: string;
  env: NodeJS.ProcessEnv;
}

const created: string[] = [];

/** A new folder under the tools' tmp/ (short paths: VS Code's IPC sockets live in them). */
export function tempDir(prefix: string): string {
  const root = join(TOOLS, 'tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, prefix));
  created.push(dir);
  return dir;
}

/** Removes the folders made by tempDir (after a passing run; a failing one keeps them to look at). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * A fresh profile; `files.autoSave: off` keeps typing out of the fixtures. `env`: extra variables for
 * code-server, which its extension host and so the runs inherit (secrets for `secret()`).
 */
export function newProfile(
  settings: Record<string, unknown> = {},
  env: Record<string, string> = {},
): Profile {
  const dir = tempDir('profile-');
  const userData = join(dir, 'user-data');
  const extensions = join(dir, 'extensions');
  mkdirSync(join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(
    join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'chat.commandCenter.enabled': false,
        'git.enabled': false,
        'files.autoSave': 'off',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.quickSuggestions': { other: false, comments: false, strings: false },
        ...settings,
      },
      null,
      2,
    ),
  );
  const run = join(dir, 'run');
  const home = join(dir, 'home');
  mkdirSync(run, { recursive: true });
  mkdirSync(home, { recursive: true });
  const profileEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    XDG_RUNTIME_DIR: run,
    TMPDIR: run,
  };
  return { dir, userData, extensions, env: profileEnv };
}

export function installExtension(profile: Profile, vsix: string): string {
  const out = execFileSync(
    NODE24,
    [
      CODE_SERVER,
      '--user-data-dir',
      profile.userData,
      '--extensions-dir',
      profile.extensions,
      '--install-extension',
      vsix,
    ],
    {
      encoding: 'utf8',
      env: profile.env,
    },
  );
  return out.trim().split('\n').pop() ?? '';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve(true);
    });
    request.on('error', () => resolve(false));
  });
}

export interface CodeServer {
  port: number;
  url: string;
  logFile: string;
  stop(): Promise<void>;
}

export async function startCodeServer(
  profile: Profile,
  options: { smokeTestDriver?: boolean } = {},
): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    CODE_SERVER,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    profile.userData,
    '--extensions-dir',
    profile.extensions,
    // Needed for extension tests given in the page's payload (ignored otherwise).
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
  ];
  const logFile = join(profile.dir, 'code-server.log');
  const out = openSync(logFile, 'w');
  const child: ChildProcess = spawn(NODE24, args, {
    stdio: ['ignore', out, out],
    env: profile.env,
    detached: true,
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await answers(`${url}/healthz`))) {
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`code-server did not start; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    port,
    url,
    logFile,
    stop: async () => {
      const pid = child.pid;
      if (pid === undefined) return;
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      try {
        process.kill(-pid, 'SIGKILL'); // extension host and pty host are in its process group
      } catch {
        // the group is gone
      }
    },
  };
}
