// The rendering API the engine, the CLI and the language server use, with Kestra's VariableRenderer
// behaviour around Pebble: a string without `{` is returned untouched, raw-block tags are stripped
// from the final output, optional recursive rendering, errors worded as Kestra words them.
import type { BlockNode, MacroNode, Span } from './ast';
import { compileTemplate, type CompiledTemplate } from './compiled-template';
import { PebbleError, PebbleUndefinedError } from './errors';
import { isFinal, markFinal, type EvaluationEnvironment } from './evaluation-environment';
import { Evaluator } from './evaluator';
import { Budget, type RenderLimits } from './limits';
import { StringOutput, TypedOutput, type Output } from './output';
import type { EvalServices } from './registry-types';
import { ScopeChain } from './scope';
import { isMap, type PebbleMap, type PebbleValue } from './values';

export interface RenderOptions {
  services?: EvalServices;
  /** Kestra's `kestra.variables.recursive-rendering` (default false). */
  recursiveRendering?: boolean;
  limits?: RenderLimits;
}

/** Variables as JSON-like data: objects, arrays, strings, numbers, booleans, null (and Pebble values). */
export type Variables = Record<string, unknown>;

interface Session {
  services: EvalServices;
  recursiveRendering: boolean;
  budget: Budget;
}

const MAX_RENDERING_AMOUNT = 100;
const RAW_BLOCK = /\{%-*\s*raw\s*-*%\}([^\n\r\u0085\u2028\u2029]*?)\{%-*\s*endraw\s*-*%\}/g;

function newSession(options: RenderOptions | undefined): Session {
  return {
    services: options?.services ?? {},
    recursiveRendering: options?.recursiveRendering === true,
    budget: new Budget(options?.limits),
  };
}

export function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) line++;
  }
  return line;
}

/** Gives an error Kestra's wording: undefined names as "Unable to find `x` used in the expression …". */
function finalize(error: unknown, source: string): PebbleError {
  if (error instanceof PebbleError && isFinal(error)) return error;
  let result: PebbleError;
  if (error instanceof PebbleUndefinedError) {
    const line = lineAt(source, error.span?.[0] ?? 0);
    result = new PebbleUndefinedError(
      `Unable to find \`${error.attribute}\` used in the expression \`${source}\` at line ${line}`,
      error.attribute,
      error.span,
    );
  } else if (error instanceof PebbleError) {
    result =
      error.kind === 'limit'
        ? error
        : new PebbleError(
            `${error.message} (${source}:${lineAt(source, error.span?.[0] ?? 0)})`,
            error.kind,
            error.span,
          );
  } else {
    result = new PebbleError(error instanceof Error ? error.message : String(error), 'runtime');
  }
  return markFinal(result);
}

function syntaxError(compiled: CompiledTemplate): PebbleError {
  const first = compiled.errors[0];
  return finalize(new PebbleError(first.message, 'syntax', first.span), compiled.source);
}

/** What one evaluation of a compiled template sees of its session (a class: no closure per render). */
class TemplateEnvironment implements EvaluationEnvironment {
  readonly source: string;
  readonly services: EvalServices;
  readonly budget: Budget;
  readonly recursiveRendering: boolean;
  readonly macros: Map<string, MacroNode>;
  readonly blocks: Map<string, BlockNode>;

  constructor(
    compiled: CompiledTemplate,
    private readonly session: Session,
  ) {
    this.source = compiled.source;
    this.services = session.services;
    this.budget = session.budget;
    this.recursiveRendering = session.recursiveRendering;
    this.macros = compiled.macros;
    this.blocks = compiled.blocks;
  }

  renderNested(template: string, variables: PebbleMap): string {
    return renderNested(template, variables, this.session);
  }
}

/** One Pebble evaluation of a template into `out`. */
function evaluateInto(compiled: CompiledTemplate, variables: PebbleMap, session: Session, out: Output): void {
  if (compiled.errors.length > 0) throw syntaxError(compiled);
  const evaluator = new Evaluator(new TemplateEnvironment(compiled, session), ScopeChain.forRoot(variables));
  try {
    evaluator.render(compiled.ast.body, out);
  } catch (error) {
    throw finalize(error, compiled.source);
  }
}

function renderOnce(source: string, variables: PebbleMap, session: Session): string {
  const out = new StringOutput(session.budget, 'json');
  evaluateInto(compileTemplate(source), variables, session, out);
  return out.toString();
}

function stripRawTags(text: string): string {
  return text.includes('raw') ? text.replace(RAW_BLOCK, '$1') : text;
}

function renderString(source: string, variables: PebbleMap, session: Session): string {
  if (!source.includes('{')) return source;
  let result = renderOnce(source, variables, session);
  if (session.recursiveRendering) {
    let previous = source;
    let count = 0;
    while (result !== previous) {
      if (++count > MAX_RENDERING_AMOUNT) throw new PebbleError('Too many rendering attempts', 'runtime');
      previous = result;
      result = renderOnce(result, variables, session);
    }
  }
  return stripRawTags(result);
}

/** `render()` inside a template: same session (limits shared), one level deeper, failures not undefined. */
function renderNested(source: string, variables: PebbleMap, session: Session): string {
  return session.budget.nested('render() calls', () => {
    try {
      return renderString(source, variables, session);
    } catch (error) {
      // Kestra rethrows a nested failure as a plain PebbleException (no longer "undefined"), located at
      // the call in the outer template.
      if (!(error instanceof PebbleError) || error.kind === 'limit') throw error;
      throw markFinal(new PebbleError(error.message, error.kind === 'undefined' ? 'runtime' : error.kind));
    }
  });
}

/** Renders a template to a string (Kestra's `render`): non-string values print as JSON, null as nothing. */
export function renderTemplate(source: string, variables: Variables, options?: RenderOptions): string {
  return renderString(source, variables as PebbleMap, newSession(options));
}

/** Typed rendering (Kestra's `renderTyped`): a lone `{{ expr }}` returns the value itself. */
export function renderTyped(source: string, variables: Variables, options?: RenderOptions): PebbleValue {
  if (!source.includes('{')) return source;
  const session = newSession(options);
  const out = new TypedOutput(session.budget);
  evaluateInto(compileTemplate(source), variables as PebbleMap, session, out);
  const result = out.result();
  return typeof result === 'string' ? stripRawTags(result) : result;
}

/**
 * Evaluates the inside of a `{{ }}` (e.g. `outputs.t.body | length`) and returns its value; a text that
 * is itself `{{ … }}` is rendered as a typed template.
 */
export function evaluateExpression(
  expression: string,
  variables: Variables,
  options?: RenderOptions,
): PebbleValue {
  // Users paste whole expressions too: `{{ outputs.t.value }}` renders as a (typed) template.
  const trimmed = expression.trim();
  if (trimmed.startsWith('{{') && trimmed.endsWith('}}')) return renderTyped(trimmed, variables, options);
  const source = `{{ ${expression} }}`;
  // Spans are reported relative to `expression`, not to the `{{ … }}` built around it.
  const shift = (span: Span | undefined): Span | undefined =>
    span && [clamp(span[0] - 3, expression.length), clamp(span[1] - 3, expression.length)];
  const compiled = compileTemplate(source);
  const single = compiled.ast.body.length === 1 && compiled.ast.body[0].type === 'Print';
  if (compiled.errors.length > 0 || !single) {
    const first = compiled.errors[0];
    throw new PebbleError(
      first ? first.message : 'Expected a single expression.',
      'syntax',
      shift(first?.span),
    );
  }
  const session = newSession(options);
  const out = new TypedOutput(session.budget);
  try {
    evaluateInto(compiled, variables as PebbleMap, session, out);
  } catch (error) {
    if (!(error instanceof PebbleError)) throw error;
    const moved =
      error instanceof PebbleUndefinedError
        ? new PebbleUndefinedError(error.message, error.attribute, shift(error.span))
        : new PebbleError(error.message, error.kind, shift(error.span));
    throw markFinal(moved);
  }
  return out.result();
}

function clamp(offset: number, length: number): number {
  return Math.max(0, Math.min(length, offset));
}

/**
 * Renders a property value as Kestra renders dynamic maps and lists: strings rendered, map keys too
 * (the first of two keys rendering alike wins), other scalars untouched.
 */
export function renderValue(value: PebbleValue, variables: Variables, options?: RenderOptions): PebbleValue {
  const session = newSession(options);
  const visit = (item: PebbleValue): PebbleValue => {
    if (typeof item === 'string') return renderString(item, variables as PebbleMap, session);
    if (Array.isArray(item)) return item.map(visit);
    if (isMap(item)) {
      const result: PebbleMap = {};
      for (const [key, child] of Object.entries(item)) {
        const renderedKey = renderString(key, variables as PebbleMap, session);
        if (!Object.prototype.hasOwnProperty.call(result, renderedKey)) result[renderedKey] = visit(child);
      }
      return result;
    }
    return item;
  };
  return visit(value);
}

/** Kestra's TruthUtils.isTruthy on a rendered string: false only for null, "false", "0", "-0" and "". */
export function isTruthy(rendered: string | null | undefined): boolean {
  return rendered !== null && rendered !== undefined && !['false', '0', '-0', ''].includes(rendered);
}
