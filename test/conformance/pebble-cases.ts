// Shared helpers of the Pebble conformance suite: case shapes, running one template, and telling
// whether a case depends on a filter, function or test of the registry.
import { walk } from '../../server/src/expr/ast-walk';
import { parseTemplate } from '../../server/src/expr/parser';
import { filters, functions, tests } from '../../server/src/expr/registry';
import { renderTemplate, type RenderOptions } from '../../server/src/expr/render';
import type { EvalServices } from '../../server/src/expr/registry-types';

export interface PebbleCase {
  template: string | null;
  vars?: Record<string, unknown>;
  expected?: unknown;
  error?: boolean;
  errorContains?: string;
  varTypes?: Record<string, string>;
  options?: { recursiveRendering?: boolean };
  tags?: string[];
  source?: string;
  note?: string;
  [check: string]: unknown;
}

export type Outcome = { ok: true; output: string } | { ok: false; error: string };

/** Java types of `varTypes` that the JSON value stands for faithfully enough in our value model. */
const REPRESENTABLE = [
  /^java\.lang\.(Float|Long|Integer|String)\b/,
  /^java (String|Integer)\[\]/,
  /^java (Immutable)?Set/,
  /^java\.time\.Duration/,
  // Date-time values are injected as ISO strings: Kestra's date filters accept those too.
  /^java\.time\.(ZonedDateTime|Instant|LocalDateTime)/,
  /^java\.util\.Date/,
  /^ZonedDateTime\.parse\(.*not used by these cases/,
];

export function unrepresentable(testCase: PebbleCase): string[] {
  return Object.values(testCase.varTypes ?? {}).filter((type) => !REPRESENTABLE.some((re) => re.test(type)));
}

export function render(
  template: string,
  vars: Record<string, unknown>,
  options: RenderOptions = {},
): Outcome {
  try {
    return { ok: true, output: renderTemplate(template, vars, options) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Fixed services: a namespace file for `read()`, nothing else external. */
export const services: EvalServices = {
  read: (path: string) => {
    if (path === 'file.txt') return 'Hello from {{ flow.namespace }}';
    throw new Error(`File not found: ${path}`);
  },
};

export interface RegistryUse {
  /** Filters, functions and tests the template calls. */
  names: string[];
  /** Those the registry does not define (yet). */
  missing: string[];
}

/** Which registry entries a template uses (`block` and `parent` are the evaluator's own). */
export function registryUse(template: string): RegistryUse {
  const names = new Set<string>();
  const missing = new Set<string>();
  walk(parseTemplate(template).ast, (node) => {
    let name: string | null = null;
    let known = true;
    if (node.type === 'FilterApplication' || node.type === 'FilterCall') {
      name = `|${node.name.name}`;
      known = filters.has(node.name.name);
    } else if (node.type === 'FunctionCall' && !['block', 'parent'].includes(node.callee.name)) {
      name = `${node.callee.name}()`;
      known = functions.has(node.callee.name);
    } else if (node.type === 'TestApplication') {
      name = `is ${node.name.name}`;
      known = tests.has(node.name.name);
    } else if (node.type === 'BinaryExpression' && node.operator === '..') {
      name = 'range()';
      known = functions.has('range');
    }
    if (name) {
      names.add(name);
      if (!known) missing.add(name);
    }
  });
  return { names: [...names], missing: [...missing] };
}

export function show(value: unknown): string {
  return JSON.stringify(value);
}
