// What an evaluation needs besides the tree: source, services, limits, macros and blocks, and the
// way to render nested templates; plus helpers shared by the evaluator and the invocations.
import type { BlockNode, MacroNode, Span } from './ast';
import { PebbleError, PebbleUndefinedError } from './errors';
import type { Budget } from './limits';
import type { EvalServices } from './registry-types';
import type { PebbleMap, PebbleValue } from './values';

export interface EvaluationEnvironment {
  /** The template source, for raw blocks and messages. */
  source: string;
  services: EvalServices;
  budget: Budget;
  /** In recursive-rendering mode `render()`/`renderOnce()` do not exist. */
  recursiveRendering: boolean;
  macros: Map<string, MacroNode>;
  blocks: Map<string, BlockNode>;
  /** Renders another template with the given variables (the `render()` function). */
  renderNested(template: string, variables: PebbleMap): string;
}

const finalMessages = new WeakSet<PebbleError>();

/** Marks an error whose message is complete (Kestra's wording, location included). */
export function markFinal<T extends PebbleError>(error: T): T {
  finalMessages.add(error);
  return error;
}

export function isFinal(error: unknown): boolean {
  return error instanceof PebbleError && finalMessages.has(error);
}

/** Attaches the span of the failing node to an error that has none. */
export function withSpan(error: unknown, span: Span): PebbleError {
  if (error instanceof PebbleError) {
    if (error.span) return error;
    const located =
      error instanceof PebbleUndefinedError
        ? new PebbleUndefinedError(error.message, error.attribute, span)
        : new PebbleError(error.message, error.kind, span);
    return isFinal(error) ? markFinal(located) : located;
  }
  // Stack overflow, or a string or array too long for the runtime: resources, not a template error.
  if (error instanceof RangeError) {
    return new PebbleError(
      'Rendering stopped: the template nests too deeply or builds too large a value.',
      'limit',
      span,
    );
  }
  return new PebbleError(error instanceof Error ? error.message : String(error), 'runtime', span);
}

/** Variables read from the caller's JSON-like data: `undefined` reads as null. */
export function normalize(value: unknown): PebbleValue {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  return value as PebbleValue;
}
