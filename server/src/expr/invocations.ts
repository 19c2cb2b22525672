// Calls from templates: functions and macros, filters, tests, `block()`, the `..` range, with their
// arguments bound by name as Pebble does.
import { bindArguments, bindMacroArguments } from './arguments';
import type { ArgumentList, Expression, FilterCall, FunctionCall, MacroNode, Span, Statement } from './ast';
import { PebbleError, PebbleUndefinedError } from './errors';
import { withSpan, type EvaluationEnvironment } from './evaluation-environment';
import { javaToString } from './java-semantics';
import { StringOutput, type Output } from './output';
import { filters, functions, tests } from './registry';
import type { Args, CallContext, ParamSpec } from './registry-types';
import type { ScopeChain } from './scope';
import { isNumber, numberValue, type PebbleValue } from './values';

/** What invocations need from the evaluator. */
export interface InvocationHost {
  readonly env: EvaluationEnvironment;
  readonly scope: ScopeChain;
  readonly context: CallContext;
  evaluate(node: Expression): PebbleValue;
  render(statements: Statement[], out: Output): void;
}

const RENDER_FUNCTIONS = new Set(['render', 'renderOnce']);

export class Invocations {
  constructor(private readonly host: InvocationHost) {}

  /** `input is [not] name(args)`. */
  applyTest(node: Extract<Expression, { type: 'TestApplication' }>): boolean {
    const spec = tests.get(node.name.name);
    if (!spec) throw new PebbleError(`Test [${node.name.name}] does not exist.`, 'runtime', node.name.span);
    const args = this.bind(spec.params, node.args, `test "${spec.name}"`);
    const input = this.input(node.input, spec.acceptsUndefined === true);
    const result = spec.test(input, args, this.host.context);
    return node.negated ? !result : result;
  }

  range(values: PebbleValue[], span: Span): PebbleValue {
    const spec = functions.get('range');
    if (!spec) throw new PebbleError('Function or Macro [range] does not exist.', 'runtime', span);
    const args: Args = {};
    spec.params.forEach((param, index) => {
      if (index < values.length) args[param.name] = values[index];
    });
    this.chargeRange(values);
    return this.host.env.budget.charge(spec.call(args, this.host.context), false);
  }

  /** `range()` builds its whole list at once: charge its size before it is built. */
  private chargeRange([start, end, increment]: (PebbleValue | undefined)[]): void {
    if (!isNumber(start) || !isNumber(end)) return;
    const step =
      increment === undefined || increment === null ? 1 : isNumber(increment) ? numberValue(increment) : 1;
    if (step === 0) return;
    const count = Math.floor((numberValue(end) - numberValue(start)) / step) + 1;
    if (count > 0) this.host.env.budget.step(count);
  }

  callFunction(node: FunctionCall): PebbleValue {
    const name = node.callee.name;
    if (name === 'block') return this.callBlock(node);
    if (name === 'parent') {
      throw new PebbleError(
        'parent() needs a parent template, and Kestra templates cannot extend others.',
        'runtime',
      );
    }
    const spec =
      this.host.env.recursiveRendering && RENDER_FUNCTIONS.has(name) ? undefined : functions.get(name);
    if (spec) {
      const args = this.bind(spec.params, node.args, `function "${name}"`);
      const isRange = name === 'range';
      if (isRange) this.chargeRange(spec.params.map((param) => args[param.name]));
      return this.host.env.budget.charge(spec.call(args, this.host.context), !isRange);
    }
    const macro = this.host.env.macros.get(name);
    if (macro) return this.callMacro(macro, node);
    throw new PebbleError(`Function or Macro [${name}] does not exist.`, 'runtime', node.callee.span);
  }

  private callBlock(node: FunctionCall): PebbleValue {
    const first = node.args.items[0];
    const name = first ? this.host.evaluate(first.value) : null;
    const block = typeof name === 'string' ? this.host.env.blocks.get(name) : undefined;
    if (!block) throw new PebbleError(`Block [${javaToString(name)}] does not exist.`, 'runtime');
    // A block may call itself through block(): count it like a macro call.
    return this.host.env.budget.nested('block() calls', () => {
      const out = new StringOutput(this.host.env.budget, 'java');
      this.host.render(block.body, out);
      return out.toString();
    });
  }

  private callMacro(macro: MacroNode, node: FunctionCall): PebbleValue {
    const names = macro.params.map((param) => param.name.name);
    const bound = bindMacroArguments(names, node.args.items, (argument) =>
      this.host.evaluate(argument.value),
    );
    return this.host.env.budget.nested('macro calls', () => {
      const out = new StringOutput(this.host.env.budget, 'java');
      // Macros see only their arguments: defaults are evaluated in a fresh local scope.
      this.host.scope.push(new Map(), true);
      try {
        for (const param of macro.params) {
          this.host.scope.put(
            param.name.name,
            param.defaultValue ? this.host.evaluate(param.defaultValue) : null,
          );
        }
        this.host.scope.push(bound);
        try {
          this.host.render(macro.body, out);
        } finally {
          this.host.scope.pop();
        }
      } finally {
        this.host.scope.pop();
      }
      return out.toString();
    });
  }

  /** `input | filter(args)`; `inputNode` absent for `{% filter %}` blocks, whose input is given. */
  applyFilter(
    filter: FilterCall | Extract<Expression, { type: 'FilterApplication' }>,
    given: PebbleValue | undefined,
    inputNode?: Expression,
  ): PebbleValue {
    const spec = filters.get(filter.name.name);
    if (!spec)
      throw new PebbleError(`Filter [${filter.name.name}] does not exist.`, 'runtime', filter.name.span);
    const args = this.bind(spec.params, filter.args, `filter "${spec.name}"`);
    const input = inputNode ? this.input(inputNode, spec.acceptsUndefined === true) : given;
    try {
      // Filters build strings and lists too (`replace`, `merge`…): they count against the limits.
      return this.host.env.budget.charge(spec.apply(input, args, this.host.context));
    } catch (error) {
      throw withSpan(error, filter.name.span);
    }
  }

  /** The input of a filter or test; `undefined` for an undefined one when the spec accepts it. */
  private input(node: Expression, acceptsUndefined: boolean): PebbleValue | undefined {
    if (!acceptsUndefined) return this.host.evaluate(node);
    try {
      return this.host.evaluate(node);
    } catch (error) {
      if (error instanceof PebbleUndefinedError) return undefined;
      throw error;
    }
  }

  private bind(params: ParamSpec[], argList: ArgumentList | null, what: string): Args {
    return bindArguments(
      params,
      argList ? argList.items : [],
      (argument) => this.host.evaluate(argument.value),
      what,
    );
  }
}
