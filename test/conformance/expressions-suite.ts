// Expression conformance: every Pebble string of the corpus flows (kestra-tests/valids and public/,
// YAML-broken files of public/_invalid-yaml left out) goes through the expression diagnostics.
// Goal: on valids, every diagnostic is one reviewed below as real (deliberately broken test flows);
// on public, each one is listed with its verdict so that it can be checked. A diagnostic nobody
// reviewed fails the goal on valids and is marked "to check" on public.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseTemplate } from '../../server/src/expr/parser';
import { PluginCatalog } from '../../server/src/flow/catalog';
import { parseFlowDocument } from '../../server/src/flow/flow-document';
import { expressionDiagnostics } from '../../server/src/language/expressions/diagnostics';
import { analyseFlow } from '../../server/src/language/expressions/flow-analysis';
import { siteContext } from '../../server/src/language/expressions/site-context';
import type { ConformanceSuite, SuiteResult } from './suites';

/** `file:line:code` → why the diagnostic is right (1-based lines, paths relative to the corpus). */
const REVIEWED: Record<string, string> = {
  'kestra-tests/valids/flowable-with-parent-fail.yaml:17:expression-syntax':
    'really broken: a `{% for %}` tag inside `{{ }}`; BadFlowableTest expects this flow to FAIL',
  'kestra-tests/valids/task-flow-dynamic.yaml:14:unknown-input':
    'real: `namespace` is not a declared input (Kestra drops undeclared inputs); the flow is parsed by tests, never run',
  'kestra-tests/valids/task-flow-dynamic.yaml:15:unknown-input': 'real: same for `flowId`',
  'kestra-tests/valids/task-runif.yml:20:unknown-task-reference':
    'real on purpose: task `willfailedtheflow`, TaskWithRunIfTest expects FAILED',
  'kestra-tests/valids/variables-invalid.yaml:10:unknown-input':
    'real on purpose: the flow tests an undefined input',
  'public/examples/blueprints/95.yml:24:unknown-task-reference': 'real: the task id is `create_cluster`',
  'public/examples/blueprints/95.yml:36:unknown-task-reference': 'real: the task id is `create_cluster`',
  'public/examples/examples/flows/python/pythonCsvEachParallel.yml:8:unknown-input':
    'real: the flow declares no inputs',
  'public/examples/examples/flows/python/pythonCsvEachParallel.yml:26:unknown-input':
    'real: the flow declares no inputs',
  'public/kestra/examples/execution.Count.L38.yaml:16:expression-syntax':
    'really broken: `jq` written as a bare word with space-separated arguments (not Pebble)',
  'public/kestra/examples/execution.Count.L38.yaml:23:expression-syntax': 'really broken: same `jq` form',
  'public/kestra/examples/flow.WorkingDirectory.L84.yaml:44:unknown-output':
    'real for 0.21: WorkingDirectory’s output is `outputFiles` (the example predates it)',
  'public/kestra/examples/storage.LocalFiles.L30.yaml:38:unknown-output':
    'real: LocalFiles’ output is `uris`',
  'public/kestra/examples/storage.LocalFiles.L75.yaml:12:unknown-task-reference':
    'real: `my_task_id` is a placeholder of the example',
  'public/kestra-docs/index/error_logs_demo_tasksWithState.yaml:12:unknown-function':
    'real for 0.21: `tasksWithState` comes in a later Kestra',
  'public/kestra-docs/index/temporal_dates.yaml:14:unknown-filter':
    'real for 0.21: `timestampMilli` comes in a later Kestra',
  'public/plugin-jdbc/plugin-jdbc-db2/src/test/resources/flows/read_db2.yml:14:unknown-task-reference':
    'real: no task `update` in this flow',
  'public/plugin-jdbc/plugin-jdbc-mysql/src/test/resources/flows/read_mysql.yaml:14:unknown-task-reference':
    'real: no task `update` in this flow',
  'public/plugin-jdbc/plugin-jdbc-sybase/src/test/resources/flows/read_sybase.yaml:14:unknown-task-reference':
    'real: no task `update` in this flow',
  'public/plugin-scripts/examples/python.Commands.L68.yaml:32:unknown-task-reference':
    'real: the task id is `git_python_scripts`',
};

interface Found {
  key: string;
  where: string;
  code: string;
  message: string;
  verdict?: string;
}

interface Tally {
  files: number;
  sites: number;
  sitesWithSyntaxErrors: number;
  /** Strings Kestra never renders (descriptions…) that Pebble could not parse: not reported, counted. */
  literalUnparsable: number;
  found: Found[];
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === '_invalid-yaml' ? [] : yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function scan(corpus: string, dir: string): Tally {
  const catalog = PluginCatalog.bundled();
  const tally: Tally = { files: 0, sites: 0, sitesWithSyntaxErrors: 0, literalUnparsable: 0, found: [] };
  for (const path of yamlFiles(join(corpus, dir))) {
    const doc = parseFlowDocument(readFileSync(path, 'utf8'));
    if (!doc.isFlow) continue;
    tally.files++;
    tally.sites += doc.expressions.length;
    const file = relative(corpus, path);
    const diagnostics = expressionDiagnostics(doc, catalog);
    const syntaxLines = new Set(
      diagnostics.filter((d) => d.code === 'expression-syntax').map((d) => d.range.start.line),
    );
    tally.sitesWithSyntaxErrors += doc.expressions.filter((s) => syntaxLines.has(s.range.start.line)).length;
    const analysis = analyseFlow(doc, catalog);
    for (const site of analysis ? doc.expressions : []) {
      if (
        analysis &&
        siteContext(site, analysis.model, catalog).kind === 'literal' &&
        parseTemplate(site.value).errors.length
      ) {
        tally.literalUnparsable++;
      }
    }
    const seen = new Set<string>();
    for (const d of diagnostics) {
      const line = d.range.start.line + 1;
      const key = `${file}:${line}:${d.code}`;
      const where = `${file}:${line}:${d.range.start.character + 1}`;
      // Several parser errors on one line are one finding.
      if (d.code === 'expression-syntax' && seen.has(key)) continue;
      seen.add(key);
      tally.found.push({ key, where, code: d.code, message: d.message, verdict: REVIEWED[key] });
    }
  }
  return tally;
}

function section(title: string, tally: Tally): string[] {
  const byCode = new Map<string, number>();
  for (const f of tally.found) byCode.set(f.code, (byCode.get(f.code) ?? 0) + 1);
  const clean = tally.sites - tally.sitesWithSyntaxErrors;
  const rate = tally.sites ? ((100 * clean) / tally.sites).toFixed(1) : '100.0';
  const lines = [
    `### ${title}: ${tally.files} flows, ${tally.sites} expression strings, ${clean} (${rate} %) without a syntax error`,
    `findings by code: ${[...byCode].map(([code, n]) => `${code} ${n}`).join(', ') || 'none'}`,
    `strings Kestra does not render that do not parse (not reported): ${tally.literalUnparsable}`,
  ];
  for (const f of tally.found) {
    lines.push(`  - ${f.where} ${f.code}: ${f.message}`);
    lines.push(`    ${f.verdict ? `reviewed, ${f.verdict}` : 'TO CHECK: not reviewed'}`);
  }
  return lines;
}

export const expressionsSuite: ConformanceSuite = {
  name: 'expressions',
  async run(corpus: string): Promise<SuiteResult> {
    const valids = scan(corpus, 'kestra-tests/valids');
    const published = scan(corpus, 'public');
    const unreviewed = valids.found.filter((f) => !f.verdict).length;
    const lines = [
      ...section('kestra-tests/valids', valids),
      '',
      ...section('public (without _invalid-yaml)', published),
      '',
      `goal: every valids finding reviewed as real — ${unreviewed === 0 ? 'yes' : `${unreviewed} not reviewed`}`,
      `public findings not reviewed yet: ${published.found.filter((f) => !f.verdict).length}`,
    ];
    return { ok: unreviewed === 0, report: lines.join('\n') };
  },
};
