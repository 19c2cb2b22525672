// Validation speed: `validateFlow` (YAML, flow model, schema, Kestra rules) next to the bare YAML
// parse of the same text, the floor any validation pays.
import { parseAllDocuments } from 'yaml';
import { PluginCatalog } from '../../server/src/flow/catalog';
import { parseFlowDocument } from '../../server/src/flow/flow-document';
import { compileSchema } from '../../server/src/flow/schema-validation-compile';
import { validateFlow } from '../../server/src/language/validate';
import type { BenchSection, BenchTable } from '../bench-types';
import { ms, time } from '../measure';
import { generateFlow } from './generate-flow';

const SIZES: [tasks: number, runs: number][] = [
  [100, 41],
  [1000, 15],
];

export const validationSection: BenchSection = {
  name: 'validation',
  title: 'Flow validation (median ms)',
  async run(): Promise<BenchTable> {
    const catalog = PluginCatalog.bundled();
    const coldSchema = structuredClone(catalog.schema);
    const cold = time(() => compileSchema(structuredClone(coldSchema)), 1, 0);
    const rows: BenchTable['rows'] = [];
    for (const [tasks, runs] of SIZES) {
      const text = generateFlow(tasks);
      const check = validateFlow(text, catalog);
      const errors = check.diagnostics.filter((d) => d.severity === 'error').length;
      if (errors > 0)
        throw new Error(
          `the generated ${tasks}-task flow has ${errors} errors: ${check.diagnostics[0].message}`,
        );
      const yaml = time(() => parseAllDocuments(text), runs);
      const model = time(() => parseFlowDocument(text), runs);
      const full = time(() => validateFlow(text, catalog), runs);
      rows.push({
        tasks,
        'size KB': Math.round(text.length / 1024),
        'yaml parse': ms(yaml.median),
        'flow model': ms(model.median),
        validateFlow: ms(full.median),
        'vs parse': `${(full.median / yaml.median).toFixed(1)}×`,
        'µs/task': ((1000 * full.median) / tasks).toFixed(0),
        runs,
      });
    }
    return {
      columns: [
        'tasks',
        'size KB',
        'yaml parse',
        'flow model',
        'validateFlow',
        'vs parse',
        'µs/task',
        'runs',
      ],
      rows,
      notes: [
        '',
        'yaml parse: parseAllDocuments of the text (the floor); flow model: parseFlowDocument (YAML with ranges,',
        'model, expression sites); validateFlow: all of it plus schema validation and the semantic rules.',
        `Schema compile, cold (once per schema, cached): ${ms(cold.median)} ms (definitions compile lazily on first use).`,
      ],
    };
  },
};
