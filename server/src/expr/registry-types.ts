// Shapes of the filter, function and test registry that the evaluator, completion and hover share.
import type { PebbleValue } from './values';

export interface ParamSpec {
  name: string;
  /** Display type: `string`, `integer`, `number`, `boolean`, `map`, `list`, `any`… */
  type: string;
  optional?: boolean;
  default?: unknown;
  /** Takes any number of further positional arguments (e.g. `max(a, b, …)`). */
  variadic?: boolean;
  description?: string;
}

/** Services a filter or function may need; the engine and the server inject them. */
export interface EvalServices {
  /** Current time (tests pass a fixed clock). */
  now?: () => Date;
  /** Zone used when none is given (IANA id); default the machine's zone. */
  timeZone?: string;
  /** `secret('NAME')`; must throw a PebbleError with Kestra's message when missing. */
  secret?: (name: string) => string;
  kv?: (namespace: string, key: string) => { found: boolean; value: PebbleValue };
  /** `read(path)` for kestra:// URIs and namespace files. */
  read?: (path: string) => string;
  fileSize?: (path: string) => number;
  /** Called for every secret value returned, so logs can mask it. */
  onSecret?: (value: string) => void;
}

export interface CallContext {
  /** The variables of the current render (the root context). */
  variables: Record<string, PebbleValue>;
  services: EvalServices;
  /** Renders a template with the current variables (for `render()` / `renderOnce()`). */
  render(template: string): string;
  /** The template being rendered, for error messages. */
  template: string;
}

/** Arguments resolved by name: positional arguments are matched to `params` in order. */
export type Args = Record<string, PebbleValue | undefined> & { _rest?: PebbleValue[] };

export interface FilterSpec {
  name: string;
  params: ParamSpec[];
  returns: string;
  /** One line, our own words. */
  description: string;
  /** Defined by Kestra (true) or by Pebble itself (false). */
  kestra: boolean;
  deprecated?: string;
  /** When true the evaluator passes `undefined` for an undefined input instead of throwing (e.g. `default`). */
  acceptsUndefined?: boolean;
  apply(input: PebbleValue | undefined, args: Args, ctx: CallContext): PebbleValue;
}

export interface FunctionSpec {
  name: string;
  params: ParamSpec[];
  returns: string;
  description: string;
  kestra: boolean;
  deprecated?: string;
  call(args: Args, ctx: CallContext): PebbleValue;
}

export interface TestSpec {
  name: string;
  params: ParamSpec[];
  description: string;
  kestra: boolean;
  acceptsUndefined?: boolean;
  test(input: PebbleValue | undefined, args: Args, ctx: CallContext): boolean;
}
