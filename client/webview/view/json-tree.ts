// A collapsible JSON tree (native <details>: keyboard and screen-reader friendly) with "copy value"
// and "copy expression" on every node. Children are built when first opened, long lists in pages.
import type { JsonValue } from '../../../server/src/engine/events';
import type { PathSegment } from '../model/expression-path';
import { button, el } from './dom';

export interface JsonTreeActions {
  copyValue(value: JsonValue, path: readonly PathSegment[]): void;
  /** Absent where no expression reads the value (flow outputs). */
  copyExpression?(path: readonly PathSegment[]): void;
}

const PREVIEW_CHARS = 300;
const PAGE = 200;

function isContainer(value: JsonValue): value is JsonValue[] | { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null;
}

function summaryOf(value: JsonValue[] | { [key: string]: JsonValue }): string {
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  const count = Object.keys(value).length;
  return `{${count} key${count === 1 ? '' : 's'}}`;
}

function actionButtons(
  value: JsonValue,
  path: readonly PathSegment[],
  actions: JsonTreeActions,
): HTMLElement {
  const group = el('span', { className: 'json-actions' }, [
    button('Copy', () => actions.copyValue(value, path), {
      className: 'link',
      attrs: { 'aria-label': 'Copy value' },
    }),
  ]);
  if (actions.copyExpression) {
    const copyExpression = actions.copyExpression;
    group.append(
      button('{{ }}', () => copyExpression(path), {
        className: 'link',
        title: 'Copy the expression that reads this value',
        attrs: { 'aria-label': 'Copy expression' },
      }),
    );
  }
  // Inside a <summary>, a click would also open or close the node.
  group.addEventListener('click', (event) => event.preventDefault());
  return group;
}

function scalarElement(value: JsonValue): HTMLElement {
  if (typeof value !== 'string') {
    return el('span', {
      className: `json-value json-${value === null ? 'null' : typeof value}`,
      text: JSON.stringify(value),
    });
  }
  const shown = el('span', { className: 'json-value json-string' });
  if (value.length <= PREVIEW_CHARS && !value.includes('\n')) {
    shown.textContent = JSON.stringify(value);
    return shown;
  }
  shown.textContent = `${JSON.stringify(value.slice(0, PREVIEW_CHARS).split('\n')[0])}…`;
  const more = button(
    `show all ${value.length} characters`,
    () => {
      more.replaceWith(el('pre', { className: 'json-long', text: value }));
    },
    { className: 'link' },
  );
  return el('span', {}, [shown, ' ', more]);
}

export function jsonNode(
  label: string,
  value: JsonValue,
  path: readonly PathSegment[],
  actions: JsonTreeActions,
  open = false,
): HTMLElement {
  const key = el('span', { className: 'json-key', text: label });
  if (!isContainer(value)) {
    return el('div', { className: 'json-leaf' }, [
      key,
      el('span', { className: 'muted', text: ': ' }),
      scalarElement(value),
      actionButtons(value, path, actions),
    ]);
  }
  const summary = el('summary', {}, [
    key,
    el('span', { className: 'muted', text: ` ${summaryOf(value)}` }),
    actionButtons(value, path, actions),
  ]);
  const children = el('div', { className: 'json-children' });
  const details = el('details', { className: 'json-node' }, [summary, children]);
  const entries: [PathSegment, JsonValue][] = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : Object.entries(value);
  let rendered = 0;
  const renderPage = (): void => {
    const end = Math.min(entries.length, rendered + PAGE);
    for (; rendered < end; rendered++) {
      const [segment, child] = entries[rendered];
      children.append(
        jsonNode(typeof segment === 'number' ? `[${segment}]` : segment, child, [...path, segment], actions),
      );
    }
    if (rendered < entries.length) {
      const more = button(
        `show ${Math.min(PAGE, entries.length - rendered)} more of ${entries.length - rendered}`,
        () => {
          more.remove();
          renderPage();
        },
        { className: 'link' },
      );
      children.append(more);
    }
  };
  if (entries.length === 0) children.append(el('div', { className: 'muted', text: 'empty' }));
  details.addEventListener('toggle', () => {
    if (details.open && rendered === 0 && entries.length > 0) renderPage();
  });
  details.open = open;
  if (open && entries.length > 0) renderPage();
  return details;
}
