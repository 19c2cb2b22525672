// What to say about the `type` of a typed object: unknown, an alias, a different case, deprecated.
import type { Catalog, PluginKind } from './catalog-types';
import type { FlowDiagnostic, Severity } from './diagnostic';
import type { Range } from './range';
import type { SchemaIndex, UnionInfo } from './schema-validation-index';
import { closestName } from './schema-validation-suggest';

/** Replacements Kestra documents for deprecated types. */
const DEPRECATED_REPLACEMENTS: Record<string, string> = {
  'io.kestra.plugin.core.debug.Echo': 'io.kestra.plugin.core.log.Log',
  'io.kestra.plugin.core.flow.EachSequential': 'io.kestra.plugin.core.flow.ForEach',
  'io.kestra.plugin.core.flow.EachParallel': 'io.kestra.plugin.core.flow.ForEach (with concurrencyLimit)',
  'io.kestra.plugin.core.flow.Template': 'io.kestra.plugin.core.flow.Subflow',
  'io.kestra.plugin.core.storage.LocalFiles':
    'io.kestra.plugin.core.flow.WorkingDirectory (inputFiles/outputFiles)',
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

export function unknownTypeMessage(
  catalog: Catalog,
  type: string,
  kindWord: string,
  candidates: string[],
): { message: string; suggestion?: string } {
  const suggestion = closestName(type, candidates);
  const hint = suggestion ? ` Did you mean ${suggestion}?` : '';
  if (catalog.source !== 'bundled') {
    return {
      message: `Invalid type: ${type} is not a ${kindWord} of the Kestra server this schema comes from: check the name, or install the plugin on the server.${hint}`,
      suggestion,
    };
  }
  if (unknownTypeSeverity(catalog, type) === 'error') {
    return {
      message: `Invalid type: ${type} is not a Kestra core ${kindWord}.${hint || ' Check the name.'}`,
      suggestion,
    };
  }
  return {
    message: `${type} is not in the bundled catalog; a Kestra server schema (setting kestraFlow.schema.file or --schema) can validate it.${hint}`,
    suggestion,
  };
}

export interface TypeResolution {
  /** The type to validate against; undefined when it cannot be used. */
  canonical?: string;
  diagnostics: FlowDiagnostic[];
}

function diagnostic(
  range: Range,
  severity: Severity,
  code: string,
  message: string,
  data?: Record<string, unknown>,
): FlowDiagnostic {
  return data ? { range, severity, code, message, data } : { range, severity, code, message };
}

/** A plugin type (alias, any case): unknown types, a type of another kind, old names, case. */
export function resolvePluginType(
  catalog: Catalog,
  written: string,
  union: UnionInfo,
  kind: string,
  range: Range,
): TypeResolution {
  const resolved = catalog.resolve(written);
  let canonical = resolved?.spec.type;
  if (canonical === undefined || !union.branches.has(canonical)) {
    canonical =
      [...union.branches.keys()].find((value) => value.toLowerCase() === written.toLowerCase()) ?? canonical;
  }
  if (canonical === undefined) {
    const { message, suggestion } = unknownTypeMessage(catalog, written, kind, [...union.branches.keys()]);
    const code = kind === 'task' ? 'unknown-task-type' : 'unknown-plugin-type';
    return {
      diagnostics: [
        diagnostic(
          range,
          unknownTypeSeverity(catalog, written),
          code,
          message,
          suggestion ? { suggestion } : undefined,
        ),
      ],
    };
  }
  if (!union.branches.has(canonical)) {
    const actual = resolved?.spec.kind ?? 'plugin';
    const word = actual === 'taskRunner' ? 'task runner' : actual;
    return {
      diagnostics: [
        diagnostic(
          range,
          'error',
          'wrong-plugin-kind',
          `${canonical} is a ${word}: it cannot be used as a ${kind}.`,
        ),
      ],
    };
  }
  const isAlias =
    resolved?.spec.aliases.some((alias) => alias.toLowerCase() === written.toLowerCase()) ?? false;
  const replacement = { replacement: canonical };
  if (isAlias) {
    return {
      canonical,
      diagnostics: [
        diagnostic(
          range,
          'warning',
          'deprecated-type',
          `${written} is replaced by ${canonical}: use the new name.`,
          replacement,
        ),
      ],
    };
  }
  if (written !== canonical) {
    const message = `Kestra matches types case-insensitively, but this type is written ${canonical}.`;
    return { canonical, diagnostics: [diagnostic(range, 'information', 'type-case', message, replacement)] };
  }
  return { canonical, diagnostics: [] };
}

/** Input, retry and SLA types: an exact value of a closed set. */
export function resolveClosedType(
  written: string,
  union: UnionInfo,
  kind: string,
  range: Range,
): TypeResolution {
  if (union.branches.has(written)) return { canonical: written, diagnostics: [] };
  const values = [...union.branches.keys()];
  const suggestion =
    values.find((v) => v.toLowerCase() === written.toLowerCase()) ?? closestName(written, values);
  const article = /^[aeiou]/i.test(kind) ? 'an' : 'a';
  const message =
    `Invalid type: '${written}' is not ${article} ${kind} type: use one of ${values.join(', ')}.` +
    (suggestion ? ` Did you mean ${suggestion}?` : '');
  return {
    diagnostics: [
      diagnostic(range, 'error', 'unknown-type', message, suggestion ? { suggestion } : undefined),
    ],
  };
}

/** A warning when the type (or its definition in the schema) is deprecated. */
export function deprecatedTypeDiagnostic(
  catalog: Catalog,
  index: SchemaIndex,
  canonical: string,
  definition: string,
  range: Range,
): FlowDiagnostic | undefined {
  const flag = index.keyword(index.definitions[definition], '$deprecated');
  if (!(flag === true || flag === 'true' || catalog.resolve(canonical)?.spec.deprecated)) return undefined;
  const replacement = deprecationReplacement(canonical);
  const message =
    `${canonical} is deprecated` +
    (replacement ? `: use ${replacement} instead.` : '; check its documentation for the replacement.');
  return diagnostic(range, 'warning', 'deprecated-type', message, replacement ? { replacement } : undefined);
}
