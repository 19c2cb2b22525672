// Measures the run panel's log view in a real browser: 100,000 log events delivered in the batches
// the host sends, until the count is shown; then how many rows exist in the DOM (virtualised) and how
// long a jump to the middle takes to render.
import { join } from 'node:path';
import { REPO, type Page } from './tools';

export interface LogViewMeasure {
  loadMs: number;
  renderedRows: number;
  scrollMs: number;
}

export async function measureLogView(page: Page, count: number): Promise<LogViewMeasure> {
  await page.setContent(
    '<!DOCTYPE html><html><head><meta charset="UTF-8"></head><body><div id="app"></div></body></html>',
  );
  await page.addStyleTag({ path: join(REPO, 'dist/webview/styles.css') });
  await page.addStyleTag({ path: join(REPO, 'dist/webview/run.css') });
  await page.addScriptTag({ path: join(REPO, 'dist/webview/main.js') });
  // tsx compiles with keepNames: the function below, serialised into the page, calls `__name`.
  await page.addScriptTag({ content: 'window.__name = (fn) => fn;' });
  return page.evaluate(async (total: number) => {
    const frames = (n: number) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      });
    const start = performance.now();
    const base = Date.now();
    window.postMessage(
      {
        type: 'runStarted',
        runId: 1,
        flow: { id: 'perf', namespace: 'bench', fileName: 'perf.yaml' },
        target: 'embedded',
        hasInputs: false,
        startedAt: base,
      },
      '*',
    );
    for (let i = 0; i < total; i += 2000) {
      const events = [];
      for (let j = i; j < Math.min(total, i + 2000); j++) {
        events.push({
          event: 'log',
          time: new Date(base + j).toISOString(),
          level: j % 10 === 0 ? 'WARN' : 'INFO',
          message: `line ${j}: the quick brown fox jumps over the lazy dog`,
          taskId: `task_${j % 5}`,
        });
      }
      window.postMessage({ type: 'runEvents', runId: 1, events }, '*');
    }
    await new Promise<void>((resolve) => {
      const check = () =>
        document.querySelector('.log-count')?.textContent === `${total} lines`
          ? resolve()
          : requestAnimationFrame(check);
      check();
    });
    await frames(2);
    const loadMs = Math.round(performance.now() - start);
    const renderedRows = document.querySelectorAll('.log-rows .log-row').length;
    const viewport = document.querySelector('.log-viewport') as HTMLElement;
    const scrollStart = performance.now();
    viewport.scrollTop = viewport.scrollHeight / 2;
    await frames(2);
    const scrollMs = Math.round(performance.now() - scrollStart);
    // The rows in the DOM are now those around the middle of the log.
    const first = document.querySelector('.log-rows .log-row')?.textContent ?? '';
    const shown = Number(/line (\d+):/.exec(first)?.[1] ?? NaN);
    if (!(Math.abs(shown - total / 2) < 200))
      throw new Error(`after scrolling to the middle the first row is: ${first}`);
    return { loadMs, renderedRows, scrollMs };
  }, count);
}
