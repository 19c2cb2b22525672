// Small DOM helpers for the run panel. Text always goes in through textContent, never as HTML: logs
// and outputs are untrusted.

export interface ElementOptions {
  className?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string>;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  children: (Node | string)[] = [],
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  if (options.text !== undefined) element.textContent = options.text;
  if (options.title !== undefined) element.title = options.title;
  for (const [name, value] of Object.entries(options.attrs ?? {})) element.setAttribute(name, value);
  for (const child of children)
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return element;
}

export function button(label: string, onClick: () => void, options: ElementOptions = {}): HTMLButtonElement {
  const result = el('button', {
    ...options,
    text: label,
    attrs: { type: 'button', ...(options.attrs ?? {}) },
  });
  result.addEventListener('click', onClick);
  return result;
}

export function clear(element: Element): void {
  element.replaceChildren();
}

/** A state badge: `SUCCESS`, `FAILED`… coloured by a `state-<STATE>` class. */
export function stateBadge(state: string): HTMLSpanElement {
  return el('span', { className: `badge state-${state}`, text: state });
}

/** Calls `render` at most once per animation frame however often `schedule` is called. */
export function frameScheduler(render: () => void): () => void {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      render();
    });
  };
}
