// Building completion items for expressions: every item replaces the word being typed, through the
// site's offset map, so that it lands in the right place in quoted, folded and block scalars.
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
} from 'vscode-languageserver-types';
import type { LineIndex } from '../../flow/range';

/** Where items go: the template's offset map and the word's template indices. */
export interface ItemTarget {
  offsets: number[];
  lines: LineIndex;
  start: number;
  end: number;
  /** The quote a key in brackets should use, so that the YAML string stays valid. */
  keyQuote: "'" | '"';
}

export interface ItemOptions {
  kind: CompletionItemKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** `newText` is a snippet (`${1:arg}`): literal parts are escaped by the caller with `snippetText`. */
  snippet?: boolean;
  /** Replace from this template index instead of the word start (a `.` that becomes `[…]`). */
  from?: number;
  sortText?: string;
  deprecated?: boolean;
}

export const Kind = CompletionItemKind;

export function expressionItem(
  target: ItemTarget,
  label: string,
  newText: string,
  options: ItemOptions,
): CompletionItem {
  const from = options.from ?? target.start;
  const range = target.lines.range(target.offsets[from], target.offsets[target.end]);
  const item: CompletionItem = { label, kind: options.kind, textEdit: { range, newText } };
  if (options.from !== undefined && options.from !== target.start) {
    // Clients filter on the replaced text: it starts with the `.` here.
    item.filterText = `.${label}`;
  }
  if (options.detail) item.detail = options.detail;
  if (options.documentation) item.documentation = { kind: MarkupKind.Markdown, value: options.documentation };
  if (options.snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (options.sortText) item.sortText = options.sortText;
  if (options.deprecated) item.tags = [1];
  return item;
}

/** Escapes the characters a snippet gives meaning to. */
export function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

const IDENTIFIER = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** True when `name` can follow a `.`; otherwise it needs `['name']`. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** `['name']` with the quote the YAML string allows. */
export function bracketed(name: string, quote: "'" | '"'): string {
  const escaped = name.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`);
  return `[${quote}${escaped}${quote}]`;
}

/** A stable sort key that keeps a given order. */
export function rank(group: number, index: number): string {
  return `${group}${String(index).padStart(4, '0')}`;
}

/** The short class name of a plugin type. */
export function shortType(type: string): string {
  return type.slice(type.lastIndexOf('.') + 1);
}

/** Inline code that survives backticks. */
export function code(text: string): string {
  return text.includes('`') ? `\`\`${text}\`\`` : `\`${text}\``;
}
