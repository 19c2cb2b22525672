// Shape checks on the server's answers, beyond "no error": what VS Code itself would reject (a
// completion range off the cursor's line, a symbol whose selection lies outside it, an empty name)
// or what would point outside the document. Each check returns the problems it found.
import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Location,
  LocationLink,
  Position,
  Range,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { comparePositions, type TextBuffer } from './text-buffer';

function isPosition(value: Position | undefined): boolean {
  return (
    value !== undefined &&
    Number.isInteger(value.line) &&
    Number.isInteger(value.character) &&
    value.line >= 0 &&
    value.character >= 0
  );
}

function show(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** A range with integer, ordered positions; inside `text` when given. */
export function rangeProblems(range: Range | undefined, what: string, text?: TextBuffer): string[] {
  if (!range || !isPosition(range.start) || !isPosition(range.end)) return [`${what}: malformed range`];
  if (comparePositions(range.start, range.end) > 0)
    return [`${what}: range ${show(range)} ends before it starts`];
  if (text) {
    for (const end of [range.start, range.end]) {
      if (end.line >= text.lineCount || end.character > text.lineText(end.line).length) {
        return [`${what}: range ${show(range)} is outside the document`];
      }
    }
  }
  return [];
}

function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

function containsRange(outer: Range, inner: Range): boolean {
  return contains(outer, inner.start) && contains(outer, inner.end);
}

/** VS Code drops a completion list whose item ranges are not one line holding the cursor. */
export function completionProblems(
  result: CompletionList | CompletionItem[] | null | undefined,
  position: Position,
  text: TextBuffer,
): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  const problems: string[] = [];
  for (const item of items) {
    if (typeof item.label !== 'string' || item.label === '')
      problems.push('completion: an item without a label');
    const edit = item.textEdit;
    const ranges = !edit ? [] : 'range' in edit ? [edit.range] : [edit.insert, edit.replace];
    for (const range of ranges) {
      const found = rangeProblems(range, `completion '${item.label}'`, text);
      if (found.length === 0 && (range.start.line !== range.end.line || !contains(range, position))) {
        found.push(`completion '${item.label}': range ${show(range)} is not one line holding the cursor`);
      }
      problems.push(...found);
    }
    for (const extra of item.additionalTextEdits ?? []) {
      problems.push(...rangeProblems(extra.range, `completion '${item.label}' additional edit`, text));
    }
  }
  return problems;
}

/** VS Code refuses symbols with an empty name or a selection range outside the symbol's range. */
export function symbolProblems(result: (DocumentSymbol | SymbolInformation)[] | null | undefined): string[] {
  const problems: string[] = [];
  const visit = (symbol: DocumentSymbol | SymbolInformation): void => {
    if (!symbol.name) problems.push('symbol: empty name');
    if ('location' in symbol) {
      problems.push(...rangeProblems(symbol.location.range, `symbol '${symbol.name}'`));
      return;
    }
    const found = [
      ...rangeProblems(symbol.range, `symbol '${symbol.name}'`),
      ...rangeProblems(symbol.selectionRange, `symbol '${symbol.name}' selection`),
    ];
    if (found.length === 0 && !containsRange(symbol.range, symbol.selectionRange)) {
      found.push(
        `symbol '${symbol.name}': selection ${show(symbol.selectionRange)} outside ${show(symbol.range)}`,
      );
    }
    problems.push(...found);
    for (const child of symbol.children ?? []) visit(child);
  };
  for (const symbol of result ?? []) visit(symbol);
  return problems;
}

export function locationProblems(
  result: Location | Location[] | LocationLink[] | null | undefined,
  uri: string,
  text: TextBuffer,
): string[] {
  const list: (Location | LocationLink)[] =
    result === null || result === undefined ? [] : Array.isArray(result) ? result : [result];
  return list.flatMap((item) => {
    const target = 'targetUri' in item ? item.targetUri : item.uri;
    const range = 'targetUri' in item ? item.targetRange : item.range;
    return rangeProblems(range, 'location', target === uri ? text : undefined);
  });
}

export function workspaceEditProblems(
  edit: WorkspaceEdit | null | undefined,
  uri: string,
  text: TextBuffer,
): string[] {
  const problems: string[] = [];
  const check = (target: string, edits: TextEdit[]): void => {
    for (const item of edits)
      problems.push(...rangeProblems(item.range, 'edit', target === uri ? text : undefined));
  };
  for (const [target, edits] of Object.entries(edit?.changes ?? {})) check(target, edits);
  for (const change of edit?.documentChanges ?? []) {
    if ('textDocument' in change) check(change.textDocument.uri, change.edits as TextEdit[]);
  }
  return problems;
}

export function codeActionProblems(
  result: (CodeAction | Command)[] | null | undefined,
  uri: string,
  text: TextBuffer,
): string[] {
  return (result ?? []).flatMap((action) => {
    if (!action.title) return ['code action: empty title'];
    return 'edit' in action ? workspaceEditProblems(action.edit, uri, text) : [];
  });
}

/** VS Code wants the rename range to hold the cursor. */
export function prepareRenameProblems(
  result: Range | { range: Range; placeholder: string } | { defaultBehavior: boolean } | null | undefined,
  position: Position,
  text: TextBuffer,
): string[] {
  if (!result || 'defaultBehavior' in result) return [];
  const range = 'range' in result ? result.range : result;
  const found = rangeProblems(range, 'prepareRename', text);
  if (found.length === 0 && !contains(range, position))
    found.push(`prepareRename: range ${show(range)} does not hold the cursor`);
  return found;
}
