// What the engine needs from the Pebble implementation (server/src/expr): string and typed rendering,
// recursive rendering of maps and lists, and Kestra's truthiness. Injected so the engine can be
// tested and so rendering services (secrets, kv, files) are supplied per task run.
import type { EvalServices } from '../../expr/registry-types';
import type { PebbleMap, PebbleValue } from '../../expr/values';

export interface TemplateEngine {
  /** String mode: the output is text; maps and lists print as JSON, null as ''. */
  render(template: string, variables: PebbleMap, services: EvalServices): string;
  /** Typed mode: a lone `{{ expr }}` yields the raw value. */
  renderTyped(template: string, variables: PebbleMap, services: EvalServices): PebbleValue;
  /** Maps (keys too) and lists recursively, strings in string mode, other scalars unchanged. */
  renderValue(value: unknown, variables: PebbleMap, services: EvalServices): PebbleValue;
  /** Kestra's TruthUtils: false for null, '', 'false', '0', '-0'. */
  isTruthy(rendered: string | null | undefined): boolean;
}
