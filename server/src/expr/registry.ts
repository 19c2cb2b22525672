// The filter, function and test registry: every name the evaluator, completion and hover know.
import type { FilterSpec, FunctionSpec, TestSpec } from './registry-types';
import { allFilters } from './filters';
import { allFunctions } from './functions';
import { allTests } from './tests';

function byName<T extends { name: string }>(specs: T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const spec of specs) {
    if (map.has(spec.name)) throw new Error(`duplicate registry entry: ${spec.name}`);
    map.set(spec.name, spec);
  }
  return map;
}

export const filters: Map<string, FilterSpec> = byName(allFilters);
export const functions: Map<string, FunctionSpec> = byName(allFunctions);
export const tests: Map<string, TestSpec> = byName(allTests);
export { initJq, isJqReady } from './lib/jq';
