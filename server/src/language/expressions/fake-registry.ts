// A small filter/function/test registry for unit tests: exact item lists and signatures that do not
// move while the real registry grows. Evaluation is never called by the language features.
import type { FilterSpec, FunctionSpec, ParamSpec, TestSpec } from '../../expr/registry-types';
import type { CallableRegistry } from './known-callables';

const unused = (): never => {
  throw new Error('the fake registry does not evaluate');
};

function filter(name: string, params: ParamSpec[], extra: Partial<FilterSpec> = {}): FilterSpec {
  return {
    name,
    params,
    returns: 'any',
    description: `The ${name} filter.`,
    kestra: false,
    apply: unused,
    ...extra,
  };
}

function fn(name: string, params: ParamSpec[], returns = 'any'): FunctionSpec {
  return { name, params, returns, description: `The ${name} function.`, kestra: true, call: unused };
}

function test(name: string, extra: Partial<TestSpec> = {}): TestSpec {
  return { name, params: [], description: `The ${name} test.`, kestra: false, test: unused, ...extra };
}

export function fakeRegistry(): CallableRegistry {
  const filters = [
    filter('upper', []),
    filter(
      'date',
      [
        { name: 'format', type: 'string', optional: true },
        { name: 'timeZone', type: 'string', optional: true },
      ],
      { kestra: true },
    ),
    filter('chunk', [{ name: 'size', type: 'integer' }], { kestra: true }),
    filter('default', [{ name: 'default', type: 'any' }], { acceptsUndefined: true }),
  ];
  const functions = [
    fn('now', [{ name: 'format', type: 'string', optional: true }], 'string'),
    fn(
      'range',
      [
        { name: 'start', type: 'integer' },
        { name: 'end', type: 'integer' },
        { name: 'increment', type: 'integer', default: 1 },
      ],
      'list',
    ),
    fn('max', [{ name: 'values', type: 'number', variadic: true }], 'number'),
    fn('uuid', [], 'string'),
  ];
  const tests = [test('defined', { acceptsUndefined: true }), test('empty')];
  return {
    filters: new Map(filters.map((f) => [f.name, f])),
    functions: new Map(functions.map((f) => [f.name, f])),
    tests: new Map(tests.map((t) => [t.name, t])),
  };
}
