// The conformance suites, one module each. A suite returns its printed report and whether its goal is met.
import { pebbleSuite } from './pebble-suite';
import { catalogSuite } from './catalog-suite';
import { flowsSuite } from './flows-suite';
import { engineSuite } from './engine-suite';
import { expressionsSuite } from './expressions-suite';

export interface SuiteResult {
  ok: boolean;
  report: string;
}

export interface ConformanceSuite {
  name: string;
  run(corpus: string): Promise<SuiteResult>;
}

export const suites: ConformanceSuite[] = [
  pebbleSuite,
  catalogSuite,
  flowsSuite,
  engineSuite,
  expressionsSuite,
];
