// Renders a parsed template with Kestra's Pebble settings: strict variables, no auto-escaping, Pebble's
// operator semantics, tags (if, for, set, macro, filter, block), filters/functions/tests from the
// registry. Errors are PebbleErrors carrying the span of the node that failed; render.ts turns them
// into Kestra's messages.
import type { ArgumentList, Expression, ForNode, IfNode, Span, Statement } from './ast';
import { resolveAttribute } from './attributes';
import { PebbleError, PebbleUndefinedError } from './errors';
import { normalize, withSpan, type EvaluationEnvironment } from './evaluation-environment';
import { Invocations, type InvocationHost } from './invocations';
import { javaHashMap, javaSimpleClassName, javaToString } from './java-semantics';
import type { MethodArgument } from './java-methods';
import { add, arithmetic, compare, contains, pebbleEquals, subtract, toBoolean } from './operators';
import { StringOutput, type Output } from './output';
import type { CallContext, EvalServices } from './registry-types';
import { LoopObject, MapEntryObject } from './runtime-objects';
import type { ScopeChain } from './scope';
import { isMap, isNumber, makeDouble, type PebbleMap, type PebbleValue } from './values';

export { withSpan, type EvaluationEnvironment } from './evaluation-environment';

/** What filters, functions and tests see of the render: variables as visible at the call. */
class EvaluatorCallContext implements CallContext {
  readonly services: EvalServices;
  readonly template: string;

  constructor(
    private readonly env: EvaluationEnvironment,
    private readonly scope: ScopeChain,
  ) {
    this.services = env.services;
    this.template = env.source;
  }

  get variables(): PebbleMap {
    return this.scope.visibleVariables();
  }

  render(template: string): string {
    return this.env.renderNested(template, this.scope.visibleVariables());
  }
}

export class Evaluator implements InvocationHost {
  // Made on first use: most renders print a variable and call nothing.
  private callContext?: CallContext;
  private invocations?: Invocations;

  constructor(
    readonly env: EvaluationEnvironment,
    readonly scope: ScopeChain,
  ) {}

  get context(): CallContext {
    return (this.callContext ??= new EvaluatorCallContext(this.env, this.scope));
  }

  private get calls(): Invocations {
    return (this.invocations ??= new Invocations(this));
  }

  render(statements: Statement[], out: Output): void {
    for (const statement of statements) this.renderStatement(statement, out);
  }

  private renderStatement(node: Statement, out: Output): void {
    this.env.budget.step();
    try {
      this.renderNode(node, out);
    } catch (error) {
      // Output errors (typed rendering, size limit) get the statement's span.
      throw withSpan(error, node.span);
    }
  }

  private renderNode(node: Statement, out: Output): void {
    switch (node.type) {
      case 'Text':
        if (node.value) out.text(node.value);
        return;
      case 'Print': {
        const value = this.evaluate(node.expression);
        if (value !== null) out.value(value);
        return;
      }
      case 'Verbatim':
        // Kestra puts raw blocks back with their tags and strips the tags from the final output.
        out.text(node.tag === 'raw' ? this.env.source.slice(node.span[0], node.span[1]) : node.value);
        return;
      case 'If':
        return this.renderIf(node, out);
      case 'For':
        return this.renderFor(node, out);
      case 'Set':
        this.scope.set(node.name.name, this.evaluate(node.value));
        return;
      case 'FilterBlock': {
        const body = new StringOutput(this.env.budget, 'java');
        this.render(node.body, body);
        const value = node.filters.reduce<PebbleValue>(
          (input, filter) => this.calls.applyFilter(filter, input),
          body.toString(),
        );
        if (value !== null) out.value(value);
        return;
      }
      case 'Block':
        return this.render(node.body, out);
      case 'Comment':
      case 'Macro':
      case 'InvalidTag':
        return;
    }
  }

  private renderIf(node: IfNode, out: Output): void {
    for (const branch of node.branches) {
      if (this.condition(branch.condition)) return this.render(branch.body, out);
    }
    if (node.elseBody) this.render(node.elseBody, out);
  }

  /** Truthiness of an `if` condition (Pebble's IfNode under strict variables). */
  private condition(expression: Expression): boolean {
    let value: PebbleValue;
    try {
      value = this.evaluate(expression);
      if (value === null)
        throw new PebbleError(
          'null value given to if statement and strict variables is set to true',
          'runtime',
        );
      if (typeof value !== 'boolean' && typeof value !== 'string' && !isNumber(value)) {
        throw new PebbleError(
          `Unsupported value type ${javaSimpleClassName(value)}. Expected Boolean, String, Number in "if" statement`,
          'runtime',
        );
      }
    } catch (error) {
      if (error instanceof PebbleUndefinedError || (error instanceof PebbleError && error.kind === 'limit'))
        throw error;
      const cause = error instanceof Error ? error.message : String(error);
      throw new PebbleError(
        `Wrong operand(s) type in conditional expression: ${cause}`,
        'runtime',
        expression.span,
      );
    }
    return toBoolean(value) === true;
  }

  private renderFor(node: ForNode, out: Output): void {
    const iterable = this.evaluate(node.iterable);
    if (iterable === null) return;
    let items: PebbleValue[];
    if (Array.isArray(iterable)) items = iterable;
    else if (isMap(iterable))
      items = Object.entries(iterable).map(([key, value]) => new MapEntryObject(key, value));
    else {
      throw new PebbleError(
        `Not an iterable object. Value = [${javaToString(iterable)}]`,
        'runtime',
        node.iterable.span,
      );
    }
    if (items.length === 0) {
      if (node.elseBody) this.render(node.elseBody, out);
      return;
    }
    this.scope.push();
    try {
      items.forEach((item, index) => {
        this.env.budget.step();
        this.scope.put('loop', new LoopObject(index, items.length));
        this.scope.put(node.variable.name, normalize(item));
        this.render(node.body, out);
      });
    } finally {
      this.scope.pop();
    }
  }

  evaluate(node: Expression): PebbleValue {
    this.env.budget.step();
    try {
      return this.evaluateNode(node);
    } catch (error) {
      throw withSpan(error, node.span);
    }
  }

  private evaluateNode(node: Expression): PebbleValue {
    switch (node.type) {
      case 'Literal':
        return node.kind === 'double' ? makeDouble(node.value as number) : node.value;
      case 'InterpolatedString': {
        if (node.parts.length === 1) return this.evaluate(node.parts[0]);
        return node.parts
          .map((part) => this.evaluate(part))
          .map((v) => (v === null ? '' : javaToString(v)))
          .join('');
      }
      case 'Variable': {
        const value = this.scope.lookup(node.name);
        if (value === undefined) throw this.rootNotFound(node.name, node.span);
        return normalize(value);
      }
      case 'MemberAccess':
        return this.attribute(node.object, node.property.name, node.property.span, node.args);
      case 'IndexAccess':
        return this.attribute(node.object, node.index, node.index.span, null);
      case 'FunctionCall':
        return this.calls.callFunction(node);
      case 'FilterApplication':
        return this.calls.applyFilter(node, undefined, node.input);
      case 'TestApplication':
        return this.calls.applyTest(node);
      case 'BinaryExpression':
        return this.binary(node);
      case 'UnaryExpression': {
        const value = this.evaluate(node.operand);
        if (node.operator === '-') return arithmetic(-1, value, 'MULTIPLICATION');
        if (node.operator === '+') return arithmetic(1, value, 'MULTIPLICATION');
        if (value === null)
          throw new PebbleError('null value given to not() and strict variables is set to true', 'runtime');
        if (typeof value !== 'boolean' && typeof value !== 'string' && !isNumber(value)) {
          throw new PebbleError(
            `Unsupported value type ${javaSimpleClassName(value)}. Expected Boolean, String, Number in "if" statement`,
            'runtime',
          );
        }
        return !toBoolean(value);
      }
      case 'ConditionalExpression': {
        const test = this.evaluate(node.test);
        return test !== null && toBoolean(test)
          ? this.evaluate(node.consequent)
          : this.evaluate(node.alternate);
      }
      case 'ListLiteral':
        return this.bounded(node.elements.map((element) => this.evaluate(element)));
      case 'MapLiteral':
        return this.bounded(
          javaHashMap(node.entries.map((entry) => [this.evaluate(entry.key), this.evaluate(entry.value)])),
        );
      case 'Missing':
        throw new PebbleError('Incomplete expression.', 'syntax');
    }
  }

  private rootNotFound(name: string, span: Span): PebbleUndefinedError {
    return new PebbleUndefinedError(
      `Root attribute [${name}] does not exist or can not be accessed and strict variables is set to true.`,
      name,
      span,
    );
  }

  /** `object.name`, `object[key]` or `object.name(args)`. */
  private attribute(
    objectNode: Expression,
    keyNode: string | Expression,
    keySpan: Span,
    argList: ArgumentList | null,
  ): PebbleValue {
    const object = this.evaluate(objectNode);
    const key = typeof keyNode === 'string' ? keyNode : this.evaluate(keyNode);
    const args: MethodArgument[] | null = argList
      ? argList.items.map((item) => ({
          value: this.evaluate(item.value),
          longLiteral: isLongLiteral(item.value),
        }))
      : null;
    if (object === null) {
      if (objectNode.type === 'Variable') throw this.rootNotFound(objectNode.name, objectNode.span);
      const attribute = javaToString(key);
      throw new PebbleUndefinedError(
        'Attempt to get attribute of null object and strict variables is set to true.',
        attribute,
        keySpan,
      );
    }
    const result = resolveAttribute(object, key, args);
    if (!result.found) throw new PebbleUndefinedError(result.message, result.attribute, keySpan);
    return normalize(result.value);
  }

  private binary(node: Extract<Expression, { type: 'BinaryExpression' }>): PebbleValue {
    const { operator } = node;
    switch (operator) {
      case 'or':
      case 'and': {
        const left = this.logical(node.left);
        if (operator === 'or' ? left : !left) return left;
        return this.logical(node.right);
      }
      case '??':
      case '???':
        try {
          const left = this.evaluate(node.left);
          if (left !== null || operator === '???') return left;
        } catch (error) {
          if (!(error instanceof PebbleUndefinedError)) throw error;
        }
        return this.evaluate(node.right);
      case 'contains': {
        const left = this.evaluate(node.left);
        if (left === null) return false;
        return contains(left, this.evaluate(node.right));
      }
    }
    const left = this.evaluate(node.left);
    const right = this.evaluate(node.right);
    switch (operator) {
      case '==':
      case 'equals':
        return pebbleEquals(left, right);
      case '!=':
        return !pebbleEquals(left, right);
      case '<':
        return compare(left, right, 'LESS_THAN');
      case '>':
        return compare(left, right, 'GREATER_THAN');
      case '<=':
        return compare(left, right, 'LESS_THAN_EQUALS');
      case '>=':
        return compare(left, right, 'GREATER_THAN_EQUALS');
      case '+':
        return this.bounded(add(left, right));
      case '-':
        return this.bounded(subtract(left, right));
      case '*':
        return arithmetic(left, right, 'MULTIPLICATION');
      case '/':
        return arithmetic(left, right, 'DIVISION');
      case '%':
        return arithmetic(left, right, 'MODULUS');
      case '~':
        return this.bounded(
          (left === null ? '' : javaToString(left)) + (right === null ? '' : javaToString(right)),
        );
      case '..':
        return this.calls.range([left, right], node.span);
    }
  }

  /** Operand of `and` / `or`: Pebble's boolean cast, null refused under strict variables. */
  private logical(node: Expression): boolean {
    const value = toBoolean(this.evaluate(node));
    if (value === null) {
      throw new PebbleError(
        'null value used in and operator and strict variables is set to true',
        'runtime',
        node.span,
      );
    }
    return value;
  }

  /** Growing strings and lists cost in proportion to their size, so doubling loops hit the limits. */
  private bounded(value: PebbleValue): PebbleValue {
    return this.env.budget.charge(value);
  }
}

/** A Long literal (`1`, `-1`): Java finds no `int` method parameter for it. */
function isLongLiteral(node: Expression): boolean {
  if (node.type === 'Literal') return node.kind === 'long';
  return node.type === 'UnaryExpression' && node.operator !== 'not' && isLongLiteral(node.operand);
}
