// Quick fixes for the diagnostics of validation: replace a name by the suggested one, write an old
// type's new name, quote an unquoted expression, add missing required properties. A diagnostic's
// `data` carries the suggestion when its producer knew it; otherwise it is computed here.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { Catalog, PluginKind } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import { shapeAt } from '../shapes';
import { textPosition, unquote } from '../yaml-path';
import { missingPropertiesAction } from './missing-properties';
import { propertySuggestion, referenceSuggestion, typeSuggestions } from './suggestions';

export function codeActions(
  doc: FlowDocument,
  catalog: Catalog,
  uri: string,
  range: Range,
  diagnostics: Diagnostic[],
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (!overlaps(diagnostic.range, range)) continue;
    for (const action of actionsFor(doc, catalog, uri, diagnostic, diagnostics)) {
      // Several diagnostics may ask for the same edit (one per missing property): offer it once.
      const key = `${action.title}@${JSON.stringify(action.edit)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      actions.push(action);
    }
  }
  return actions;
}

function actionsFor(
  doc: FlowDocument,
  catalog: Catalog,
  uri: string,
  diagnostic: Diagnostic,
  all: Diagnostic[],
): CodeAction[] {
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const text = doc.text.slice(
    doc.lines.offsetAt(diagnostic.range.start),
    doc.lines.offsetAt(diagnostic.range.end),
  );
  const start = doc.lines.offsetAt(diagnostic.range.start);
  const given = (key: string): string | undefined =>
    typeof data[key] === 'string' ? (data[key] as string) : undefined;
  const replace = (title: string, newText: string, preferred = true): CodeAction =>
    replaceAction(uri, diagnostic, title, newText, preferred);
  switch (diagnostic.code) {
    case 'unknown-property': {
      const suggestion = given('suggestion') ?? propertySuggestion(doc, catalog, start);
      return suggestion ? [replace(`Change to \`${suggestion}\``, suggestion)] : [];
    }
    case 'unknown-task-type':
    case 'unknown-plugin-type': {
      const given_ = given('suggestion');
      const suggestions = given_
        ? [given_]
        : typeSuggestions(catalog, unquote(text), pluginKinds(doc, catalog, start));
      return suggestions.map((s, i) => replace(`Change to \`${s}\``, quoteLike(text, s), i === 0));
    }
    case 'unknown-type':
    case 'unknown-reference':
    case 'unknown-input':
    case 'unknown-task-reference':
    case 'unknown-variable':
    case 'unknown-output':
    case 'unknown-function':
    case 'unknown-filter':
    case 'unknown-test': {
      const end = doc.lines.offsetAt(diagnostic.range.end);
      const suggestion =
        given('suggestion') ??
        (diagnostic.code === 'unknown-reference' ? referenceSuggestion(doc, start, end) : undefined);
      return suggestion ? [replace(`Change to \`${suggestion}\``, quoteLike(text, suggestion))] : [];
    }
    case 'deprecated-type':
    case 'type-case': {
      const replacement = given('replacement') ?? catalog.resolve(unquote(text))?.spec.type;
      if (!replacement || replacement === unquote(text)) return [];
      return [replace(`Use \`${replacement}\``, quoteLike(text, replacement))];
    }
    case 'deprecated-property': {
      const replacement = given('replacement');
      return replacement ? [replace(`Use \`${replacement}\``, replacement)] : [];
    }
    case 'unquoted-expression': {
      const replacement = given('replacement') ?? `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      return [replace('Put the expression in quotes', replacement)];
    }
    case 'missing-property':
    case 'missing-required-property': {
      const action = missingPropertiesAction(doc, catalog, uri, diagnostic, all);
      return action ? [action] : [];
    }
    default:
      return [];
  }
}

/** Which plugin kinds the `type:` at `offset` is for (a task, a trigger, a condition…). */
function pluginKinds(doc: FlowDocument, catalog: Catalog, offset: number): PluginKind[] {
  const at = textPosition(doc.text, offset);
  if (!at || at.kind !== 'value') return ['task'];
  const shape = shapeAt(catalog, at.outline.root, at.path.slice(0, -1));
  return shape.kind === 'plugin' ? [shape.pluginKind] : ['task', 'trigger', 'condition', 'taskRunner'];
}

/** Keeps the quotes of the replaced text. */
function quoteLike(original: string, value: string): string {
  const quote = original[0];
  if ((quote === '"' || quote === "'") && original.endsWith(quote) && original.length > 1) {
    return `${quote}${value}${quote}`;
  }
  return value;
}

function replaceAction(
  uri: string,
  diagnostic: Diagnostic,
  title: string,
  newText: string,
  preferred: boolean,
): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [{ range: diagnostic.range, newText }] } },
  };
  if (preferred) action.isPreferred = true;
  return action;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']): boolean =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
