// What a fuzz run counts and prints: the figures CI shows, and the first faults in detail.

export type FaultKind =
  | 'crash'
  | 'no-answer'
  | 'internal-error'
  | 'logged-failure'
  | 'slow-answer'
  | 'bad-answer'
  | 'missing-diagnostics'
  | 'model-mismatch';

export interface Fault {
  kind: FaultKind;
  message: string;
  /** File, edit number and kind, document version: enough to replay with the seed. */
  where: string;
  /** The document's text when the fault was found. */
  text?: string;
}

export interface FuzzStats {
  seed: number;
  files: number;
  sessions: number;
  edits: number;
  requests: number;
  counts: Record<FaultKind, number>;
  slowest: { ms: number; method: string; where: string };
  /** The first faults, in order (all are counted). */
  faults: Fault[];
}

const KEPT_FAULTS = 40;

export function newStats(seed: number, files: number): FuzzStats {
  return {
    seed,
    files,
    sessions: 0,
    edits: 0,
    requests: 0,
    counts: {
      crash: 0,
      'no-answer': 0,
      'internal-error': 0,
      'logged-failure': 0,
      'slow-answer': 0,
      'bad-answer': 0,
      'missing-diagnostics': 0,
      'model-mismatch': 0,
    },
    slowest: { ms: 0, method: '', where: '' },
    faults: [],
  };
}

export function addFault(stats: FuzzStats, fault: Fault): void {
  stats.counts[fault.kind]++;
  if (stats.faults.length < KEPT_FAULTS) stats.faults.push(fault);
}

export function totalFaults(stats: FuzzStats): number {
  return Object.values(stats.counts).reduce((sum, count) => sum + count, 0);
}

export function formatStats(stats: FuzzStats, slowMs: number): string {
  const c = stats.counts;
  const lines = [
    `seed: ${stats.seed} (replay with FUZZ_SEED=${stats.seed})`,
    `flows: ${stats.files} available, ${stats.sessions} edited`,
    `edits: ${stats.edits}`,
    `requests: ${stats.requests}`,
    `crashes: ${c.crash}`,
    `internal errors: ${c['internal-error']} answered, ${c['logged-failure']} logged by the server`,
    `unanswered requests: ${c['no-answer']}`,
    `answers slower than ${slowMs} ms: ${c['slow-answer']}`,
    `slowest answer: ${stats.slowest.ms.toFixed(1)} ms (${stats.slowest.method} at ${stats.slowest.where || '-'})`,
    `malformed answers: ${c['bad-answer']}`,
    `missing diagnostics: ${c['missing-diagnostics']}`,
    `model mismatches: ${c['model-mismatch']}`,
  ];
  for (const fault of stats.faults) lines.push(`  ${fault.kind} at ${fault.where}: ${fault.message}`);
  return lines.join('\n');
}
