// Functions (with signature snippets), filters after `|`, tests after `is`, and tag names after `{%`.
import type { CompletionItem } from 'vscode-languageserver-types';
import type { MacroNode } from '../../expr/ast';
import type { ParamSpec } from '../../expr/registry-types';
import { knownCallableNames, type CallableKind, type CallableRegistry } from '../expressions/known-callables';
import { filterMarkdown, functionMarkdown, testMarkdown } from '../hover/markdown';
import { expressionItem, Kind, rank, snippetText, type ItemTarget } from './expression-items';

function required(params: ParamSpec[]): ParamSpec[] {
  return params.filter((p) => !p.optional && p.default === undefined && !p.variadic);
}

/** `name(${1:a}, ${2:b})` with the required parameters; `name($1)` when all are optional. */
function callSnippet(name: string, params: ParamSpec[] | undefined): string {
  if (!params) return `${snippetText(name)}($1)`;
  const needed = required(params);
  if (needed.length === 0) return params.length ? `${snippetText(name)}($1)` : `${snippetText(name)}()`;
  return `${snippetText(name)}(${needed.map((p, i) => `\${${i + 1}:${snippetText(p.name)}}`).join(', ')})`;
}

function signature(name: string, params: ParamSpec[]): string {
  return `${name}(${params.map((p) => (p.optional || p.default !== undefined ? `${p.name}?` : p.variadic ? `...${p.name}` : p.name)).join(', ')})`;
}

/** Names Kestra has that the registry does not describe yet: offered plainly. */
function undescribed(
  registry: CallableRegistry,
  kind: CallableKind,
  described: ReadonlyMap<string, unknown>,
): string[] {
  return knownCallableNames(registry, kind).filter((name) => !described.has(name));
}

export function functionItems(
  target: ItemTarget,
  registry: CallableRegistry,
  group: number,
): CompletionItem[] {
  const items = [...registry.functions.values()].map((spec) =>
    expressionItem(target, spec.name, callSnippet(spec.name, spec.params), {
      kind: Kind.Function,
      detail: `${signature(spec.name, spec.params)} → ${spec.returns}`,
      documentation: functionMarkdown(spec),
      snippet: true,
      deprecated: spec.deprecated !== undefined,
    }),
  );
  for (const name of undescribed(registry, 'function', registry.functions)) {
    items.push(
      expressionItem(target, name, callSnippet(name, undefined), {
        kind: Kind.Function,
        detail: 'function',
        snippet: true,
      }),
    );
  }
  return items.sort(byLabel).map((item, i) => ({ ...item, sortText: rank(group, i) }));
}

export function macroItems(target: ItemTarget, macros: MacroNode[], group: number): CompletionItem[] {
  return macros.map((macro, i) => {
    const params = macro.params.map((p) => ({
      name: p.name.name,
      type: 'any',
      optional: p.defaultValue !== null,
    }));
    return expressionItem(target, macro.name.name, callSnippet(macro.name.name, params), {
      kind: Kind.Function,
      detail: `macro ${signature(macro.name.name, params)}`,
      snippet: true,
      sortText: rank(group, i),
    });
  });
}

export function filterItems(target: ItemTarget, registry: CallableRegistry): CompletionItem[] {
  const items = [...registry.filters.values()].map((spec) => {
    const needsArgs = required(spec.params).length > 0;
    return expressionItem(target, spec.name, needsArgs ? callSnippet(spec.name, spec.params) : spec.name, {
      kind: Kind.Method,
      detail: spec.params.length ? signature(spec.name, spec.params) : spec.name,
      documentation: filterMarkdown(spec),
      snippet: needsArgs,
      deprecated: spec.deprecated !== undefined,
    });
  });
  for (const name of undescribed(registry, 'filter', registry.filters)) {
    items.push(expressionItem(target, name, name, { kind: Kind.Method, detail: 'filter' }));
  }
  return items;
}

export function testItems(target: ItemTarget, registry: CallableRegistry): CompletionItem[] {
  const items = [...registry.tests.values()].map((spec) => {
    const needsArgs = required(spec.params).length > 0;
    return expressionItem(target, spec.name, needsArgs ? callSnippet(spec.name, spec.params) : spec.name, {
      kind: Kind.Operator,
      detail: spec.params.length ? signature(spec.name, spec.params) : spec.name,
      documentation: testMarkdown(spec),
      snippet: needsArgs,
    });
  });
  for (const name of undescribed(registry, 'test', registry.tests)) {
    items.push(expressionItem(target, name, name, { kind: Kind.Operator, detail: 'test' }));
  }
  return items;
}

interface TagSpec {
  name: string;
  snippet: string;
  description: string;
}

const TAGS: TagSpec[] = [
  {
    name: 'if',
    snippet: 'if ${1:condition}',
    description: 'Renders its body when the condition is true; closes with `endif`.',
  },
  {
    name: 'for',
    snippet: 'for ${1:item} in ${2:items}',
    description: 'Renders its body for each item; `loop.index`, `loop.first`… inside; closes with `endfor`.',
  },
  {
    name: 'set',
    snippet: 'set ${1:name} = ${2:value}',
    description: 'Binds a name for the rest of the template.',
  },
  {
    name: 'raw',
    snippet: 'raw',
    description: 'Kestra keeps the text up to `{% endraw %}` (on the same line) as written.',
  },
  {
    name: 'verbatim',
    snippet: 'verbatim',
    description: 'Keeps the text up to `{% endverbatim %}` as written, across lines.',
  },
  {
    name: 'macro',
    snippet: 'macro ${1:name}(${2:args})',
    description: 'Defines a reusable template; it sees only its arguments. Closes with `endmacro`.',
  },
  {
    name: 'filter',
    snippet: 'filter ${1:upper}',
    description: 'Passes the output of its body through filters; closes with `endfilter`.',
  },
  { name: 'block', snippet: 'block ${1:name}', description: 'A named block; closes with `endblock`.' },
];

const INNER: Record<string, string[]> = { if: ['elseif', 'else', 'endif'], for: ['else', 'endfor'] };

/** Tags after `{%`: the ones closing or continuing the innermost open block first. */
export function tagItems(target: ItemTarget, openTags: string[]): CompletionItem[] {
  const innermost = openTags[openTags.length - 1];
  const items: CompletionItem[] = [];
  if (innermost) {
    const names = INNER[innermost] ?? [`end${innermost}`];
    names.forEach((name, i) => {
      const snippet = name === 'elseif' ? 'elseif ${1:condition}' : name;
      items.push(
        expressionItem(target, name, snippet, {
          kind: Kind.Keyword,
          detail: `${name === `end${innermost}` ? 'closes' : 'continues'} {% ${innermost} %}`,
          snippet: snippet !== name,
          sortText: rank(0, i),
        }),
      );
    });
  }
  TAGS.forEach((tag, i) =>
    items.push(
      expressionItem(target, tag.name, tag.snippet, {
        kind: Kind.Keyword,
        detail: `{% ${tag.name} %}`,
        documentation: tag.description,
        snippet: tag.snippet !== tag.name,
        sortText: rank(1, i),
      }),
    ),
  );
  return items;
}

function byLabel(a: CompletionItem, b: CompletionItem): number {
  return a.label.localeCompare(b.label);
}
