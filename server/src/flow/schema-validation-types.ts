// What to say about the `type` of a typed object: unknown, an alias, a different case, deprecated.
import type { Catalog, PluginKind } from './catalog-types';
import type { Severity } from './diagnostic';
import type { UnionInfo } from './schema-validation-index';
import { closestName } from './schema-validation-suggest';

/** Replacements Kestra documents for deprecated types. */
const DEPRECATED_REPLACEMENTS: Record<string, string> = {
  'io.kestra.plugin.core.debug.Echo': 'io.kestra.plugin.core.log.Log',
  'io.kestra.plugin.core.flow.EachSequential': 'io.kestra.plugin.core.flow.ForEach',
  'io.kestra.plugin.core.flow.EachParallel': 'io.kestra.plugin.core.flow.ForEach (with concurrencyLimit)',
  'io.kestra.plugin.core.flow.Template': 'io.kestra.plugin.core.flow.Subflow',
  'io.kestra.plugin.core.storage.LocalFiles': 'io.kestra.plugin.core.flow.WorkingDirectory (inputFiles/outputFiles)',
  ENUM: 'SELECT',
};

const KIND_WORDS: Record<PluginKind, string> = {
  task: 'task',
  trigger: 'trigger',
  condition: 'condition',
  taskRunner: 'task runner',
};

/** What a union holds, in words: `task`, `trigger`, `input`, `retry policy`… */
export function unionKindWord(catalog: Catalog, union: UnionInfo): string {
  if (union.plugin) {
    for (const value of union.branches.keys()) {
      const kind = catalog.resolve(value)?.spec.kind;
      if (kind) return KIND_WORDS[kind];
    }
    return 'plugin';
  }
  const keys = [...union.branches.values()].join(' ').toLowerCase();
  if (keys.includes('input')) return 'input';
  if (keys.includes('retry')) return 'retry policy';
  if (keys.includes('sla')) return 'SLA';
  return 'object';
}

/** The name of a typed object in messages. */
export function ownerName(union: UnionInfo, kindWord: string, canonical: string): string {
  return union.plugin ? canonical : `${/^[AEIOU]/i.test(canonical) ? 'an' : 'a'} ${canonical} ${kindWord}`;
}

export function deprecationReplacement(type: string): string | undefined {
  return DEPRECATED_REPLACEMENTS[type];
}

/**
 * An unknown plugin type is an error when the catalog speaks for a whole server (a downloaded
 * schema), or when the type claims Kestra's core package, which the bundled catalog covers;
 * otherwise the bundled catalog simply does not know the plugin.
 */
export function unknownTypeSeverity(catalog: Catalog, type: string): Severity {
  if (catalog.source !== 'bundled') return 'error';
  return type.toLowerCase().startsWith('io.kestra.plugin.core.') ? 'error' : 'information';
}

export function unknownTypeMessage(catalog: Catalog, type: string, kindWord: string, candidates: string[]): { message: string; suggestion?: string } {
  const suggestion = closestName(type, candidates);
  const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
  if (catalog.source !== 'bundled') {
    return {
      message: `Invalid type: ${type} is not a ${kindWord} of the Kestra server this schema comes from: check the name, or install the plugin on the server.${hint}`,
      suggestion,
    };
  }
  if (unknownTypeSeverity(catalog, type) === 'error') {
    return { message: `Invalid type: ${type} is not a Kestra core ${kindWord}.${hint || ' Check the name.'}`, suggestion };
  }
  return {
    message: `${type} is not in the bundled catalog; a Kestra server schema (setting kestraFlow.schema.file or --schema) can validate it.${hint}`,
    suggestion,
  };
}
