import type { Range } from './range';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/**
 * A problem found in a flow document. `code` is stable and kebab-case; `message` says what to do.
 * `data` carries what a quick fix needs (for example the suggested replacement).
 */
export interface FlowDiagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  data?: Record<string, unknown>;
}
