// Expression checks: parsing every Pebble string of a generated flow, and the whole expression
// diagnostics pass (syntax, functions/filters/tests, references with task order), next to the flow
// model they start from.
import { PluginCatalog } from '../../server/src/flow/catalog';
import { parseFlowDocument } from '../../server/src/flow/flow-document';
import { parseTemplate } from '../../server/src/expr/parser';
import { expressionDiagnostics } from '../../server/src/language/expressions/diagnostics';
import type { BenchSection, BenchTable } from '../bench-types';
import { ms, time } from '../measure';
import { generateFlow } from './generate-flow';

const WARMUP = 2;
const SIZES: [tasks: number, runs: number][] = [
  [100, 41],
  [1000, 15],
];

export const expressionsSection: BenchSection = {
  name: 'expressions',
  title: 'Expression diagnostics (median ms)',
  async run(): Promise<BenchTable> {
    const catalog = PluginCatalog.bundled();
    const rows: BenchTable['rows'] = [];
    for (const [tasks, runs] of SIZES) {
      const text = generateFlow(tasks);
      const doc = parseFlowDocument(text);
      const found = expressionDiagnostics(doc, catalog);
      if (found.length > 0) {
        throw new Error(
          `the generated ${tasks}-task flow has ${found.length} expression diagnostics: ${found[0].message}`,
        );
      }
      const values = doc.expressions.map((site) => site.value);
      const parse = time(() => values.forEach((value) => parseTemplate(value)), runs);
      const model = time(() => parseFlowDocument(text), runs);
      // A fresh document each run: the per-document analysis (task order, ids) is part of the cost.
      const docs = Array.from({ length: runs + WARMUP }, () => parseFlowDocument(text));
      let next = 0;
      const checks = time(() => expressionDiagnostics(docs[next++], catalog), runs, WARMUP);
      rows.push({
        tasks,
        strings: values.length,
        'parse all': ms(parse.median),
        'flow model': ms(model.median),
        checks: ms(checks.median),
        'µs/string': ((1000 * checks.median) / values.length).toFixed(0),
        runs,
      });
    }
    return {
      columns: ['tasks', 'strings', 'parse all', 'flow model', 'checks', 'µs/string', 'runs'],
      rows,
      notes: [
        '',
        'parse all: parseTemplate of every expression string; flow model: parseFlowDocument (the input of the',
        'checks, for scale); checks: expressionDiagnostics on a freshly parsed document (flow analysis, parse,',
        'functions/filters/tests, references and task order).',
      ],
    };
  },
};
