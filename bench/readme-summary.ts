// The README's performance summary, written from bench/results.json between two markers after every
// bench run, so that the README always shows the figures of the results file beside it.
import type { BenchTable, Cell } from './bench-types';

export interface BenchResults {
  generatedAt: string;
  node: string;
  platform: string;
  cpu: string;
  sections: Record<string, BenchTable & { title: string; generatedAt?: string }>;
}

export const README_START = '<!-- bench:start (written by `npm run bench` from bench/results.json) -->';
export const README_END = '<!-- bench:end -->';

type Row = Record<string, Cell>;

function rowsOf(results: BenchResults, name: string): Row[] {
  return results.sections[name]?.rows ?? [];
}

function day(iso: string | undefined): string {
  return (iso ?? '').slice(0, 10);
}

/** A four-column markdown table of `rows` under `header`; nothing when there are no rows. */
function table(header: string, rows: string[]): string[] {
  return rows.length ? [header, '|---|---|---|---|', ...rows] : [];
}

function lspRows(results: BenchResults): string[] {
  const lines: string[] = [];
  const diagnostics = rowsOf(results, 'lsp-diagnostics');
  for (const ours of diagnostics.filter((r) => r.server === 'ours')) {
    const theirs = diagnostics.find((r) => r.server === 'yaml-ls' && r.tasks === ours.tasks);
    if (!theirs) continue;
    lines.push(
      `| diagnostics after an edit, ${ours.tasks} tasks: work median (seen incl. debounce) | ` +
        `${ours['work median']} ms (${ours['seen median']}) | ${theirs['work median']} ms (${theirs['seen median']}) | ` +
        `${ours['ours/theirs work']} |`,
    );
  }
  for (const row of rowsOf(results, 'lsp-features').filter((r) => Number(r.tasks) === 1000)) {
    const what = String(row.request).replace(' settled', '');
    lines.push(
      `| ${what} at ${row.position}: median | ${row['ours median']} ms | ${row['yaml-ls median']} ms | ${row['ours/theirs']} |`,
    );
  }
  const startup = rowsOf(results, 'lsp-startup');
  const ours = startup.find((r) => r.server === 'ours');
  const theirs = startup.find((r) => r.server === 'yaml-ls');
  const ratios = startup.find((r) => r.server === 'ours/theirs');
  if (ours && theirs && ratios) {
    lines.push(
      `| cold start (spawn → first diagnostics, 100 tasks) | ${ours['cold start median ms']} ms | ` +
        `${theirs['cold start median ms']} ms | ${ratios['cold start median ms']} |`,
      `| server RSS after opening 50 flows of 200 tasks | ${ours['RSS 50×200 MB']} MB | ` +
        `${theirs['RSS 50×200 MB']} MB | ${ratios['RSS 50×200 MB']} |`,
    );
  }
  return table('| measure (1,000-task flow unless said) | ours | yaml-language-server | ratio |', lines);
}

function engineRows(results: BenchResults): string[] {
  const lines: string[] = [];
  for (const row of rowsOf(results, 'engine-log')) {
    lines.push(
      `| ${row.tasks} Log tasks, events ${row.events} | ${row.total} ms | — | ${row['ms/task']} ms/task |`,
    );
  }
  for (const row of rowsOf(results, 'engine-http')) {
    lines.push(
      `| ${row.case}: 300 Request GETs on loopback | ${row.engine} ms | ${row.bare} ms (${row.baseline}) | ${row.ratio} |`,
    );
  }
  return table('| engine (bundled as shipped) | engine | baseline | ratio / per task |', lines);
}

function validationLine(results: BenchResults): string[] {
  const rows = rowsOf(results, 'validation');
  const small = rows.find((r) => Number(r.tasks) === 100);
  const large = rows.find((r) => Number(r.tasks) === 1000);
  if (!small || !large) return [];
  return [
    `Validation in process: ${small.validateFlow} ms at 100 tasks, ${large.validateFlow} ms at 1,000 ` +
      `(bare YAML parse ${small['yaml parse']} / ${large['yaml parse']} ms).`,
  ];
}

function extensionRows(results: BenchResults): string[] {
  return table(
    '| VS Code extension (code-server) | median | p95 | target |',
    rowsOf(results, 'extension').map(
      (r) => `| ${String(r.measure).trim()} | ${r.median} | ${r.p95 ?? ''} | ${r.target ?? ''} |`,
    ),
  );
}

/** The markdown between the README markers (without them). */
export function readmeSummary(results: BenchResults): string {
  const dates = [
    ...new Set(Object.values(results.sections).map((s) => day(s.generatedAt ?? results.generatedAt))),
  ];
  const head =
    `Latest \`npm run bench\` (${dates.sort().join(' to ')}, ${results.cpu}, Node ${results.node.replace(/^v/, '')}; ` +
    'a shared 2-core machine, so absolute times are noisy; the ratios compare both sides in the same run). ' +
    'Full figures and what each one measures: `bench/results.json`.';
  const blocks = [
    [head],
    lspRows(results),
    engineRows(results),
    validationLine(results),
    extensionRows(results),
  ];
  return blocks
    .filter((b) => b.length)
    .map((b) => b.join('\n'))
    .join('\n\n');
}

/** `readme` with the text between the markers replaced; undefined when the markers are missing. */
export function withSummary(readme: string, summary: string): string | undefined {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return undefined;
  return `${readme.slice(0, start + README_START.length)}\n${summary}\n${readme.slice(end)}`;
}
