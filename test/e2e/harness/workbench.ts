// Driving the VS Code workbench in the browser: open a file, run a palette command, find the run
// panel's content frame, take screenshots. Every wait is on something appearing in the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS, type FrameLocator, type Locator, type Page } from './tools';

export const SHOTS = join(RESULTS, 'e2e');

export class Workbench {
  constructor(readonly page: Page) {
    mkdirSync(SHOTS, { recursive: true });
  }

  async shot(name: string): Promise<string> {
    const path = join(SHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /** A screenshot of the run panel alone. */
  async panelShot(name: string): Promise<string> {
    const path = join(SHOTS, `${name}.png`);
    await this.page.locator('iframe.webview.ready').screenshot({ path });
    return path;
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** Opens a workspace file with Quick Open and waits for its tab to be the active one. */
  async openFile(relativePath: string, firstLine: string): Promise<void> {
    const name = relativePath.split('/').pop() ?? relativePath;
    await this.page.keyboard.press('Control+P');
    await this.quickInput.waitFor({ state: 'visible', timeout: 15_000 });
    await this.page.keyboard.type(relativePath);
    // Enter picks the focused row: wait until the list has caught up with the typing.
    await this.quickInput.locator('.monaco-list-row.focused', { hasText: name }).waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
    await this.activeEditor().locator('.view-lines', { hasText: firstLine }).waitFor({ timeout: 15_000 });
  }

  activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** Runs a command from the palette (F1), by its label as shown; `asks`: it opens an input of its own. */
  async command(label: string, asks = false): Promise<void> {
    // The palette lists the commands whose `when` holds as it opens: a context key the extension
    // sets a moment after an editor opened (kestraFlow.isFlow) is missed. Then open it again.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await this.quickInput.waitFor({ state: 'visible', timeout: 15_000 });
      await this.page.keyboard.type(label);
      const row = this.quickInput.locator('.monaco-list-row.focused', { hasText: label });
      try {
        await row.waitFor({ timeout: attempt < 3 ? 5_000 : 15_000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
        await this.page.keyboard.press('Escape');
        await this.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
      }
    }
    await this.page.keyboard.press('Enter');
    if (!asks) await this.quickInput.waitFor({ state: 'hidden', timeout: 15_000 });
  }

  /**
   * Accepts the focused item of the open quick pick (`item`), pressing Enter again while the next
   * input (`nextTitle`) has not appeared: a key pressed while the pick is still settling is dropped.
   */
  async pick(item: string, nextTitle: string): Promise<void> {
    const row = this.quickInput.locator('.monaco-list-row.focused', { hasText: item });
    await row.waitFor({ timeout: 15_000 });
    const next = this.page.locator('.quick-input-widget', { hasText: nextTitle });
    for (let attempt = 0; attempt < 3; attempt++) {
      await this.page.keyboard.press('Enter');
      try {
        await next.waitFor({ state: 'visible', timeout: 5_000 });
        return;
      } catch {
        // Press again only while the pick itself is still showing the item.
        if (!(await row.isVisible())) break;
      }
    }
    await next.waitFor({ state: 'visible', timeout: 15_000 });
  }

  /** Answers the quick input titled `title`: types `text` (or nothing) and presses Enter. */
  async answer(title: string, text: string): Promise<Locator> {
    const widget = this.page.locator('.quick-input-widget', { hasText: title });
    await widget.waitFor({ state: 'visible', timeout: 15_000 });
    const input = widget.locator('.quick-input-box input');
    if (text) await input.fill(text);
    return input;
  }

  /** The content of the (only) visible webview: outer iframe, then its active frame. */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** The actions in the title of the active editor group. */
  titleActions(): Locator {
    return this.page.locator('.editor-group-container.active .editor-actions');
  }
}

/** Polls `read` until `accept` likes its value or the deadline passes (for UI that needs retries). */
export async function retryUntil<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) value = await read();
  return value;
}
