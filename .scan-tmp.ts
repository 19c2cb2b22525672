import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseFlowDocument } from './server/src/flow/flow-document';
import { PluginCatalog } from './server/src/flow/catalog';
import { expressionDiagnostics } from './server/src/language/expressions/diagnostics';
const corpus = '/work/shared/corpus';
function files(dir: string): string[] { return readdirSync(dir).flatMap(n => { const p = join(dir, n); return statSync(p).isDirectory() ? (n === '_invalid-yaml' ? [] : files(p)) : /\.ya?ml$/.test(n) ? [p] : []; }); }
const catalog = PluginCatalog.bundled();
let sites = 0;
const counts: Record<string, number> = {};
for (const f of [...files(join(corpus, 'kestra-tests/valids')), ...files(join(corpus, 'public'))]) {
  const text = readFileSync(f, 'utf8');
  const doc = parseFlowDocument(text);
  if (!doc.isFlow) continue;
  sites += doc.expressions.length;
  for (const d of expressionDiagnostics(doc, catalog)) {
    counts[d.code] = (counts[d.code] ?? 0) + 1;
    const line = doc.lines.lineText(d.range.start.line).trim();
    console.log(`${relative(corpus, f)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}\n    ${line.slice(0, 160)}`);
  }
}
console.log(sites, counts);
