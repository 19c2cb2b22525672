// The conformance suites, one module each. A suite returns its printed report and whether its goal is met.

export interface SuiteResult {
  ok: boolean;
  report: string;
}

export interface ConformanceSuite {
  name: string;
  run(corpus: string): Promise<SuiteResult>;
}

export const suites: ConformanceSuite[] = [];
