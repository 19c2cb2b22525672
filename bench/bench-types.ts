// The shape of a bench section: one module per section under bench/sections/, listed in
// bench/sections/index.ts. A section returns a table; bench/run.ts prints it and saves it.

export type Cell = string | number;

export interface BenchTable {
  columns: string[];
  rows: Record<string, Cell>[];
  /** Lines printed under the table (what the figures mean, the machine…). */
  notes?: string[];
}

export interface BenchSection {
  /** Key in bench/results.json. */
  name: string;
  title: string;
  run(): Promise<BenchTable>;
}
