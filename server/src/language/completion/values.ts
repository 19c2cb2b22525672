// Completion of values: plugin types after `type:`, input types, enum values, booleans, and the ids a
// `dependsOn` may name.
import {
  CompletionItemKind,
  CompletionItemTag,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver-types';
import type { Catalog, PluginKind, PluginSpec } from '../../flow/catalog-types';
import type { FlowDocument } from '../../flow/flow-document';
import type { Shape } from '../shapes';

export interface ValueSlot {
  range: Range;
  /** Put before the value (the cursor follows `key:` directly). */
  lead: string;
}

/** Values for `key` of a mapping of shape `parent`, whose value has shape `value`. */
export function valueCompletions(
  catalog: Catalog,
  parent: Shape,
  key: string | undefined,
  value: Shape,
  slot: ValueSlot,
): CompletionItem[] {
  if (key === 'type' && parent.kind === 'plugin') return typeItems(catalog, [parent.pluginKind], slot);
  if (key === 'type' && parent.kind === 'pluginDefault') {
    return typeItems(catalog, ['task', 'trigger', 'condition', 'taskRunner'], slot);
  }
  if (key === 'type' && parent.kind === 'input') {
    return catalog.inputTypes.map((input, index) =>
      plain(input.type, slot, {
        kind: CompletionItemKind.EnumMember,
        documentation: input.description,
        sortText: `${input.deprecated ? 9 : 1}${String(index).padStart(3, '0')}`,
        deprecated: input.deprecated,
      }),
    );
  }
  const property = value.kind === 'scalar' ? value.property : undefined;
  if (property?.enum?.length) {
    return property.enum.map((name, index) =>
      plain(name, slot, {
        kind: CompletionItemKind.EnumMember,
        sortText: `1${String(index).padStart(3, '0')}`,
        detail: property.default === name ? 'default' : undefined,
      }),
    );
  }
  if (property && /^boolean$/.test(property.type)) {
    return ['true', 'false'].map((name) =>
      plain(name, slot, {
        kind: CompletionItemKind.Value,
        detail: property.default === (name === 'true') ? 'default' : undefined,
      }),
    );
  }
  return [];
}

/** Task ids for a Dag `dependsOn`, input ids for an input's `dependsOn.inputs`. */
export function idCompletions(ids: string[], slot: ValueSlot, kind: 'task' | 'input'): CompletionItem[] {
  return ids.map((id) =>
    plain(id, slot, { kind: CompletionItemKind.Reference, detail: kind === 'task' ? 'task id' : 'input id' }),
  );
}

export function inputIds(doc: FlowDocument): string[] {
  return (doc.model?.inputs ?? []).flatMap((input) => (input.id ? [input.id.value] : []));
}

function typeItems(catalog: Catalog, kinds: PluginKind[], slot: ValueSlot): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const kind of kinds) {
    for (const spec of catalog.plugins(kind)) {
      items.push(typeItem(spec, spec.type, slot, false));
      for (const alias of spec.aliases) items.push(typeItem(spec, alias, slot, true));
    }
  }
  return items;
}

function typeItem(spec: PluginSpec, name: string, slot: ValueSlot, alias: boolean): CompletionItem {
  const deprecated = alias || !!spec.deprecated;
  const description = alias
    ? `Deprecated name of \`${spec.type}\`.\n\n${spec.description}`
    : spec.description;
  return plain(name, slot, {
    kind: CompletionItemKind.Class,
    detail: alias
      ? `${spec.title} (deprecated alias)`
      : spec.deprecated
        ? `${spec.title} (deprecated)`
        : spec.title,
    documentation: description,
    sortText: `${deprecated ? 9 : 1}${name.toLowerCase()}`,
    deprecated,
  });
}

interface PlainOptions {
  kind: CompletionItemKind;
  detail?: string;
  documentation?: string;
  sortText?: string;
  deprecated?: boolean;
}

function plain(label: string, slot: ValueSlot, options: PlainOptions): CompletionItem {
  const item: CompletionItem = {
    label,
    kind: options.kind,
    filterText: label,
    textEdit: { range: slot.range, newText: slot.lead + label },
  };
  if (options.detail) item.detail = options.detail;
  if (options.documentation) item.documentation = { kind: MarkupKind.Markdown, value: options.documentation };
  if (options.sortText) item.sortText = options.sortText;
  if (options.deprecated) item.tags = [CompletionItemTag.Deprecated];
  return item;
}
