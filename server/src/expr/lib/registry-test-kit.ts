// Test helpers: call registry specs directly with a minimal CallContext (used by the *.test.ts files).
import assert from 'node:assert/strict';
import { PebbleError } from '../errors';
import { filters, functions, tests } from '../registry';
import type { Args, CallContext, EvalServices } from '../registry-types';
import { toPebbleString, type PebbleValue } from '../values';

export interface ContextOptions {
  variables?: Record<string, PebbleValue>;
  services?: EvalServices;
  /** Renders a template; by default replaces `{{name}}` with the variable's printed value. */
  render?: (template: string, variables: Record<string, PebbleValue>) => string;
}

/** A tiny stand-in renderer: `{{ name }}` → the variable printed as Pebble would. */
export function substituteVariables(template: string, variables: Record<string, PebbleValue>): string {
  return template.replace(/\{\{\s*([A-Za-z_][\w]*)\s*\}\}/g, (_match, name: string) =>
    toPebbleString(variables[name]),
  );
}

export function makeContext(options: ContextOptions = {}): CallContext {
  const variables = options.variables ?? {};
  const render = options.render ?? substituteVariables;
  return {
    variables,
    services: options.services ?? { timeZone: 'UTC', now: () => new Date('2024-01-31T10:00:00.123Z') },
    render: (template) => render(template, variables),
    template: '{{ test }}',
  };
}

export function applyFilter(
  name: string,
  input: PebbleValue | undefined,
  args: Args = {},
  ctx: CallContext = makeContext(),
): PebbleValue {
  const spec = filters.get(name);
  assert.ok(spec, `filter ${name} is registered`);
  return spec.apply(input, args, ctx);
}

export function callFunction(name: string, args: Args = {}, ctx: CallContext = makeContext()): PebbleValue {
  const spec = functions.get(name);
  assert.ok(spec, `function ${name} is registered`);
  return spec.call(args, ctx);
}

export function runTest(
  name: string,
  input: PebbleValue | undefined,
  args: Args = {},
  ctx: CallContext = makeContext(),
): boolean {
  const spec = tests.get(name);
  assert.ok(spec, `test ${name} is registered`);
  return spec.test(input, args, ctx);
}

/** The message of the PebbleError `action` throws (fails the test when it does not throw one). */
export function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof PebbleError, `expected a PebbleError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected an error');
}

/** The printed form of a value, as `{{ value }}` shows it. */
export function printed(value: PebbleValue | undefined): string {
  return toPebbleString(value);
}
