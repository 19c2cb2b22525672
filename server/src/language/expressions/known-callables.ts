// Names Kestra 0.21 defines (reference §5.5–§5.7), used as a safety net: a name the registry does
// not hold yet but Kestra has is never reported as unknown. The registry stays the source of
// signatures; these lists only stop false positives while it grows.
import { filters, functions, tests } from '../../expr/registry';
import type { FilterSpec, FunctionSpec, TestSpec } from '../../expr/registry-types';

const KESTRA_FUNCTIONS = [
  'max',
  'min',
  'range',
  'i18n',
  'block',
  'parent',
  'now',
  'fromJson',
  'json',
  'yaml',
  'fromIon',
  'currentEachOutput',
  'secret',
  'kv',
  'read',
  'fileURI',
  'fileSize',
  'render',
  'renderOnce',
  'encrypt',
  'decrypt',
  'uuid',
  'id',
  'randomInt',
  'printContext',
  'fetchContext',
  'errorLogs',
];

const KESTRA_FILTERS = [
  'abbreviate',
  'abs',
  'base64decode',
  'base64encode',
  'capitalize',
  'default',
  'first',
  'join',
  'last',
  'length',
  'lower',
  'merge',
  'numberFormat',
  'reverse',
  'rsort',
  'sha256',
  'slice',
  'sort',
  'split',
  'title',
  'trim',
  'upper',
  'urlencode',
  'date',
  'dateAdd',
  'timestamp',
  'timestampMicro',
  'timestampNano',
  'jq',
  'toJson',
  'json',
  'toIon',
  'yaml',
  'indent',
  'nindent',
  'keys',
  'values',
  'chunk',
  'flatten',
  'number',
  'className',
  'slugify',
  'substringBefore',
  'substringAfter',
  'substringBeforeLast',
  'substringAfterLast',
  'startsWith',
  'endsWith',
  'urldecode',
  'escapeChar',
  'replace',
  'sha1',
  'sha512',
  'md5',
];

const KESTRA_TESTS = ['defined', 'null', 'empty', 'even', 'odd', 'iterable', 'map', 'json'];

export type CallableKind = 'function' | 'filter' | 'test';

/** The filter, function and test specs the features read; unit tests inject their own. */
export interface CallableRegistry {
  filters: ReadonlyMap<string, FilterSpec>;
  functions: ReadonlyMap<string, FunctionSpec>;
  tests: ReadonlyMap<string, TestSpec>;
  /** Names known to exist without a spec (never reported unknown, offered without a signature). */
  otherNames?: Record<CallableKind, ReadonlySet<string>>;
}

export const defaultRegistry: CallableRegistry = {
  filters,
  functions,
  tests,
  otherNames: {
    function: new Set(KESTRA_FUNCTIONS),
    filter: new Set(KESTRA_FILTERS),
    test: new Set(KESTRA_TESTS),
  },
};

function specs(registry: CallableRegistry, kind: CallableKind): ReadonlyMap<string, { name: string }> {
  if (kind === 'function') return registry.functions;
  return kind === 'filter' ? registry.filters : registry.tests;
}

/** True when Kestra defines the name (registry or reference list). */
export function isKnownCallable(registry: CallableRegistry, kind: CallableKind, name: string): boolean {
  return specs(registry, kind).has(name) || (registry.otherNames?.[kind].has(name) ?? false);
}

/** Every known name of a kind, for suggestions. */
export function knownCallableNames(registry: CallableRegistry, kind: CallableKind): string[] {
  return [...new Set([...specs(registry, kind).keys(), ...(registry.otherNames?.[kind] ?? [])])].sort();
}
