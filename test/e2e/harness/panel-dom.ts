// What the run panel's document holds, read inside its frame: scripts, the CSP, anything that could
// run code (images, frames, SVG, `on*` attributes, javascript: URLs), the texts of log rows, task
// values and errors and JSON strings, and whether a payload ran. The probe is plain JavaScript text
// so that nothing of the test's compiled code (helpers) has to exist in the page.

export interface PanelDom {
  scripts: { id: string; src: string; nonce: string; inline: boolean }[];
  csp: string | null;
  /** Tags of elements that load or run something (img, iframe, svg, object, embed, frame, base). */
  active: string[];
  /** `tag[attribute]` of every attribute named on…, anywhere in the document. */
  handlers: string[];
  /** `tag[attribute]` of every attribute whose value is a javascript: URL. */
  javascriptUrls: string[];
  /** `typeof window.__pwned` here and in the parent frame. */
  pwned: string;
  parentPwned: string;
  logMessages: string[];
  taskValues: string[];
  taskErrors: string[];
  jsonStrings: string[];
  flowOutputs: string;
  runState: string;
  /** Every text and attribute value of the body, to search for values that must not be there. */
  everything: string;
}

export const PANEL_DOM_PROBE = `(() => {
  const all = [...document.querySelectorAll('*')];
  const texts = (selector) => [...document.querySelectorAll(selector)].map((node) => node.textContent ?? '');
  const handlers = [];
  const javascriptUrls = [];
  const attributeValues = [];
  for (const node of all) {
    for (const name of node.getAttributeNames()) {
      const value = node.getAttribute(name) ?? '';
      if (node.closest('body')) attributeValues.push(value);
      if (/^on/i.test(name)) handlers.push(node.tagName.toLowerCase() + '[' + name + ']');
      if (/^\\s*javascript:/i.test(value)) javascriptUrls.push(node.tagName.toLowerCase() + '[' + name + ']');
    }
  }
  let parentPwned = 'unreadable';
  try { parentPwned = typeof window.parent.__pwned; } catch { /* another origin */ }
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  return {
    scripts: [...document.scripts].map((script) => ({
      id: script.id,
      src: script.getAttribute('src') ?? '',
      nonce: script.nonce,
      inline: (script.textContent ?? '').trim().length > 0,
    })),
    csp: meta ? meta.getAttribute('content') : null,
    active: [...document.querySelectorAll('img, iframe, frame, svg, object, embed, base, video, audio, link:not([rel="stylesheet"])')]
      .map((node) => node.tagName.toLowerCase()),
    handlers,
    javascriptUrls,
    pwned: typeof window.__pwned,
    parentPwned,
    logMessages: texts('.log-row .log-message'),
    taskValues: texts('.task-value'),
    taskErrors: texts('.task-error'),
    jsonStrings: texts('.json-string'),
    flowOutputs: document.querySelector('.outputs-flow')?.textContent ?? '',
    runState: document.querySelector('.run-state')?.textContent?.trim() ?? '',
    everything: (document.body.textContent ?? '') + '\\n' + attributeValues.join('\\n'),
  };
})()`;
