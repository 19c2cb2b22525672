// Completion of keys: the properties a mapping accepts that it does not have yet, required first,
// the plugin's own before the common ones, deprecated ones marked and last.
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver-types';
import type { Catalog, PluginProperty } from '../../flow/catalog-types';
import { fromProperty, propertiesOf, type Shape } from '../shapes';

export interface KeySlot {
  /** Range the chosen key replaces (the partial key typed so far). */
  range: Range;
  /** Column where the key starts: nested lines are indented from it. */
  column: number;
  /** Keys the mapping already has. */
  present: Set<string>;
  /** The cursor is inside an existing `key:`: insert the name only. */
  keyOnly: boolean;
}

export function keyCompletions(catalog: Catalog, shape: Shape, slot: KeySlot): CompletionItem[] {
  const properties = propertiesOf(catalog, shape);
  // The catalog shares the common property objects between plugins: identity tells them apart.
  const common = new Set([...catalog.commonTaskProperties, ...catalog.commonTriggerProperties]);
  return properties
    .filter((p) => !slot.present.has(p.name))
    .map((property, index) => keyItem(property, rank(property, common), index, slot));
}

/** 0 required, 1 the plugin's own, 2 common to every plugin, 9 deprecated. */
function rank(property: PluginProperty, common: Set<PluginProperty>): number {
  if (property.deprecated) return 9;
  if (property.required) return 0;
  return common.has(property) ? 2 : 1;
}

function keyItem(property: PluginProperty, group: number, index: number, slot: KeySlot): CompletionItem {
  const insert = slot.keyOnly ? property.name : `${property.name}:${valueSnippet(property, slot.column)}`;
  const item: CompletionItem = {
    label: property.name,
    kind: CompletionItemKind.Property,
    detail: detail(property),
    documentation: property.description
      ? { kind: MarkupKind.Markdown, value: property.description }
      : undefined,
    sortText: `${group}${String(index).padStart(3, '0')}`,
    filterText: property.name,
    textEdit: { range: slot.range, newText: insert },
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
  };
  if (property.deprecated) item.tags = [CompletionItemTag.Deprecated];
  if (!item.documentation) delete item.documentation;
  return item;
}

function detail(property: PluginProperty): string {
  const parts = [property.type];
  if (property.required) parts.push('required');
  else if (property.default !== undefined) parts.push(`default ${JSON.stringify(property.default)}`);
  if (property.deprecated) parts.push('deprecated');
  return parts.join(', ');
}

/** What follows `key:`: a placeholder on the same line, or an indented block for lists and objects. */
function valueSnippet(property: PluginProperty, column: number): string {
  const inner = ' '.repeat(column + 2);
  const shape = fromProperty(property);
  if (shape.kind === 'list') {
    const item = shape.item;
    if (item.kind === 'plugin' && item.pluginKind === 'task') {
      return `\n${inner}- id: \${1}\n${inner}  type: \${2}`;
    }
    return `\n${inner}- \${1}`;
  }
  if (['object', 'map', 'plugin', 'input', 'union', 'pluginDefault'].includes(shape.kind)) {
    return `\n${inner}\${1}`;
  }
  const choices = property.enum ?? (property.type === 'boolean' ? ['true', 'false'] : undefined);
  if (choices?.length) return ` \${1|${choices.map(escapeChoice).join(',')}|}`;
  return ' ${1}';
}

function escapeChoice(value: string): string {
  return value.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}
