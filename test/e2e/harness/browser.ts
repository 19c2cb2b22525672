// Debian's Chromium driven by playwright-core, headless, with a fresh profile and its own HOME.
import { join } from 'node:path';
import { tempDir } from './code-server';
import { CHROMIUM, chromium, type BrowserContext } from './tools';

export async function launchBrowser(): Promise<BrowserContext> {
  const profile = tempDir('chromium-');
  return chromium().launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1500, height: 950 },
    // "Copy expression" goes through VS Code's clipboard, which the test reads back.
    permissions: ['clipboard-read', 'clipboard-write'],
    env: {
      ...process.env,
      HOME: join(profile, 'home'),
      XDG_CONFIG_HOME: join(profile, 'xdg-config'),
      XDG_CACHE_HOME: join(profile, 'xdg-cache'),
    },
  });
}
