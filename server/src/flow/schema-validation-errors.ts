// Turns ajv errors into diagnostics on the narrowest node with messages that say what to do: type
// and value errors on the value, a missing property on its parent's key (or the typed object's
// `type` line).
import type { ErrorObject } from 'ajv';
import type { Document, Node } from 'yaml';
import type { FlowDiagnostic } from './diagnostic';
import { containsPebble } from './expression-sites';
import type { LineIndex, Range } from './range';
import { reduceBranchErrors } from './schema-validation-branches';
import type { SchemaIndex } from './schema-validation-index';
import { locate, parseInstancePath, type Segment } from './schema-validation-locate';
import { describeValue, listValues, subjectOf, typeWords } from './schema-validation-messages';
import { closestName } from './schema-validation-suggest';

/** The object a validation run is about: the flow, a task, an input… */
export interface Owner {
  /** Canonical plugin type, input/retry type value, or `flow`. */
  type: string;
  /** How messages name it: `io.kestra.plugin.core.http.Request`, `the flow`, `a STRING input`. */
  name: string;
  /** Where a missing property of the object itself is reported. */
  anchor: Range;
}

export interface ErrorContext {
  document: Document;
  lines: LineIndex;
  /** Index over the rewritten schema the errors refer to. */
  index: SchemaIndex;
  basePath: Segment[];
  owner: Owner;
  /** Errors a semantic rule reports better (missing or empty task lists). */
  skip?: (ownerType: string, path: Segment[]) => boolean;
}

const SKIPPED_KEYWORDS = new Set(['if', 'additionalProperties', 'kestraExpression', 'kestraUnion']);
const COMPARISONS: Record<string, string> = {
  minimum: 'at least',
  maximum: 'at most',
  exclusiveMinimum: 'more than',
  exclusiveMaximum: 'less than',
};

function rangeOf(context: ErrorContext, path: Segment[], onKey: boolean): Range | undefined {
  const found = locate(context.document, [...context.basePath, ...path]);
  if (!found) return undefined;
  const keyNode = found.pair?.key as Node | undefined;
  const target = onKey ? (keyNode ?? found.node) : (found.node ?? keyNode);
  if (!target?.range) return undefined;
  return context.lines.range(target.range[0], target.range[1]);
}

/** For a missing property: the key of the object holding it, else the object's first key. */
function missingRange(context: ErrorContext, objectPath: Segment[]): Range {
  if (objectPath.length === 0) return context.owner.anchor;
  const found = locate(context.document, [...context.basePath, ...objectPath]);
  const keyNode = found?.pair?.key as Node | undefined;
  const node = keyNode ?? found?.node;
  if (node?.range) return context.lines.range(node.range[0], node.range[1]);
  return rangeOf(context, objectPath.slice(0, -1), true) ?? context.owner.anchor;
}

function notDynamicHint(data: unknown): string {
  return typeof data === 'string' && containsPebble(data)
    ? ' This property is not dynamic: Kestra does not render expressions in it, so write a literal value.'
    : '';
}

function toDiagnostic(error: ErrorObject, context: ErrorContext): FlowDiagnostic | undefined {
  const path = parseInstancePath(error.instancePath);
  const fullPath = [...context.basePath, ...path];
  const subject = subjectOf(fullPath);
  const params = error.params as Record<string, unknown>;
  const make = (
    code: string,
    message: string,
    range?: Range,
    data?: Record<string, unknown>,
  ): FlowDiagnostic => {
    const at = range ?? rangeOf(context, path, false) ?? context.owner.anchor;
    return data
      ? { range: at, severity: 'error', code, message, data }
      : { range: at, severity: 'error', code, message };
  };
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (context.skip?.(context.owner.type, [...path, missing])) return undefined;
      return make(
        'missing-property',
        `Missing required property '${missing}'.`,
        missingRange(context, path),
        { property: missing },
      );
    }
    case 'type':
      if (context.skip?.(context.owner.type, path)) return undefined;
      return make(
        'type-mismatch',
        `${subject} must be ${typeWords(params.type)}, not ${describeValue(error.data)}.${notDynamicHint(error.data)}`,
      );
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const written = String(error.data);
      const suggestion =
        allowed.map(String).find((v) => v.toLowerCase() === written.toLowerCase()) ??
        closestName(written, allowed.map(String));
      return make(
        'invalid-value',
        `${describeValue(error.data)} is not a valid value for ${subject}: use one of ${listValues(allowed)}.${notDynamicHint(error.data)}`,
        undefined,
        suggestion ? { suggestion } : undefined,
      );
    }
    case 'const':
      return make(
        'invalid-value',
        `${subject} must be '${String(params.allowedValue)}', not ${describeValue(error.data)}.`,
      );
    case 'format':
      return make(
        'invalid-value',
        `${describeValue(error.data)} is not a valid ${String(params.format)} for ${subject}: ${formatHint(String(params.format))}.${notDynamicHint(error.data)}`,
      );
    case 'pattern':
      return make(
        'invalid-value',
        `${describeValue(error.data)} does not match the pattern ${String(params.pattern)} required for ${subject}.`,
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make(
        'invalid-value',
        `${subject} must be ${COMPARISONS[error.keyword]} ${String(params.limit)}, not ${describeValue(error.data)}.`,
      );
    case 'minItems':
      if (context.skip?.(context.owner.type, path)) return undefined;
      return make(
        'invalid-value',
        Number(params.limit) === 1
          ? `${subject} must not be empty: add at least one item.`
          : `${subject} needs at least ${String(params.limit)} items.`,
      );
    case 'maxItems':
      return make('invalid-value', `${subject} can hold at most ${String(params.limit)} items.`);
    case 'minLength':
      return make(
        'invalid-value',
        Number(params.limit) === 1
          ? `${subject} must not be empty.`
          : `${subject} must be at least ${String(params.limit)} characters long.`,
      );
    case 'maxLength':
      return make('invalid-value', `${subject} must be at most ${String(params.limit)} characters long.`);
    case 'oneOf':
    case 'anyOf':
      return make(
        'type-mismatch',
        `${subject} does not have an accepted shape: ${describeValue(error.data)} fits none of the forms this property takes.`,
      );
    default:
      return make('schema-violation', `${subject} ${error.message ?? 'is not valid'}.`);
  }
}

function formatHint(format: string): string {
  switch (format) {
    case 'duration':
      return 'use ISO-8601, e.g. PT30S, PT5M, PT1H or P1D';
    case 'date-time':
      return 'use an ISO-8601 date and time, e.g. 2024-01-31T10:00:00Z';
    case 'date':
      return 'use yyyy-MM-dd, e.g. 2024-01-31';
    default:
      return 'use HH:mm or HH:mm:ss, e.g. 10:30:00';
  }
}

export function errorsToDiagnostics(errors: ErrorObject[], context: ErrorContext): FlowDiagnostic[] {
  const relevant = errors.filter((e) => !SKIPPED_KEYWORDS.has(e.keyword) || e.keyword === 'kestraExpression');
  const reduced = reduceBranchErrors(context.index, relevant).filter((e) => !SKIPPED_KEYWORDS.has(e.keyword));
  return reduced.map((e) => toDiagnostic(e, context)).filter((d): d is FlowDiagnostic => d !== undefined);
}
