// Functions, filters and tests: the name must be one Kestra defines (or a macro of the same string),
// and the arguments must fit the signature the registry gives.
import type { Span } from '../../expr/ast';
import type { ParamSpec } from '../../expr/registry-types';
import type { FlowDiagnostic } from '../../flow/diagnostic';
import type { LineIndex } from '../../flow/range';
import { closestName } from '../../flow/schema-validation-suggest';
import {
  isKnownCallable,
  knownCallableNames,
  type CallableKind,
  type CallableRegistry,
} from './known-callables';
import { spanRange } from './site-range';
import type { Call, TemplateFacts } from './template-facts';

const CODES: Record<CallableKind, string> = {
  function: 'unknown-function',
  filter: 'unknown-filter',
  test: 'unknown-test',
};

export function callableDiagnostics(
  facts: TemplateFacts,
  /** Read only when there is something to report (the site computes it on first use). */
  site: { readonly offsets: number[] },
  lines: LineIndex,
  registry: CallableRegistry,
): FlowDiagnostic[] {
  const { calls, macros } = facts;
  const found: FlowDiagnostic[] = [];
  for (const call of calls) {
    const name = call.name.name;
    // An empty name is a syntax error already; a macro is called like a function.
    if (name === '' || (call.kind === 'function' && macros.has(name))) continue;
    const range = (span: Span) => spanRange(site.offsets, lines, span);
    if (!isKnownCallable(registry, call.kind, name)) {
      const suggestion = closestName(name, knownCallableNames(registry, call.kind));
      found.push({
        range: range(call.name.span),
        severity: 'error',
        code: CODES[call.kind],
        message: `Kestra has no ${call.kind} \`${name}\`: ${suggestion ? `did you mean \`${suggestion}\`? Check` : 'check'} the name against the ${call.kind}s Kestra provides.`,
        ...(suggestion ? { data: { suggestion } } : {}),
      });
      continue;
    }
    const params = paramsOf(registry, call.kind, name);
    if (params) found.push(...argumentCount(call, params, range));
  }
  return found;
}

function paramsOf(registry: CallableRegistry, kind: CallableKind, name: string): ParamSpec[] | undefined {
  if (kind === 'function') return registry.functions.get(name)?.params;
  return (kind === 'filter' ? registry.filters.get(name) : registry.tests.get(name))?.params;
}

function argumentCount(
  call: Call,
  params: ParamSpec[],
  range: (span: Span) => FlowDiagnostic['range'],
): FlowDiagnostic[] {
  const items = call.args?.items ?? [];
  const positional = items.filter((a) => a.name === null);
  const named = new Set(items.flatMap((a) => (a.name ? [a.name.name] : [])));
  const name = call.name.name;
  const signature = `${name}(${params.map((p) => p.name).join(', ')})`;
  if (!params.some((p) => p.variadic) && positional.length > params.length) {
    const extra = positional.slice(params.length);
    const span: Span = [extra[0].span[0], extra[extra.length - 1].span[1]];
    const most =
      params.length === 0
        ? 'no arguments'
        : `at most ${params.length} argument${params.length > 1 ? 's' : ''}`;
    return [
      {
        range: range(span),
        severity: 'error',
        code: 'wrong-argument-count',
        message: `The ${call.kind} \`${name}\` takes ${most} (${signature}): remove the extra ones.`,
      },
    ];
  }
  const missing = params.filter(
    (p, i) =>
      !p.optional && p.default === undefined && !p.variadic && i >= positional.length && !named.has(p.name),
  );
  if (missing.length === 0) return [];
  const names = missing.map((p) => `\`${p.name}\``).join(', ');
  return [
    {
      range: range(call.args?.span ?? call.name.span),
      severity: 'error',
      code: 'wrong-argument-count',
      message: `The ${call.kind} \`${name}\` needs ${names} (${signature}): add ${missing.length > 1 ? 'them' : 'it'}.`,
    },
  ];
}
