// Validation speed: `validateFlow` (YAML, flow model, schema, Kestra rules) next to the bare YAML
// parse of the same text, and validation after a one-character edit as the language server does it
// (re-parsing the edited task only, schema results of unchanged tasks cached).
import { parseAllDocuments } from 'yaml';
import { PluginCatalog } from '../../server/src/flow/catalog';
import { parseFlowDocument, type FlowDocument } from '../../server/src/flow/flow-document';
import { compileSchema } from '../../server/src/flow/schema-validation-compile';
import { validateFlow, validateParsedFlow } from '../../server/src/language/validate';
import { benchFlow, editLetter } from '../lsp/probe-flow';
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
      const edits = editedVersions(tasks);
      let previous: FlowDocument = validateFlow(edits[0], catalog).flow;
      let next = 1;
      const edited = time(() => {
        const version = edits[next++ % edits.length];
        previous = validateParsedFlow(parseFlowDocument(version, previous), catalog).flow;
      }, runs);
      rows.push({
        tasks,
        'size KB': Math.round(text.length / 1024),
        'yaml parse': ms(yaml.median),
        'flow model': ms(model.median),
        validateFlow: ms(full.median),
        'after edit': ms(edited.median),
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
        'after edit',
        'vs parse',
        'µs/task',
        'runs',
      ],
      rows,
      notes: [
        '',
        'yaml parse: parseAllDocuments of the text (the floor); flow model: parseFlowDocument (YAML with ranges,',
        'model); validateFlow: all of it plus schema validation, the semantic rules and expression checks;',
        'after edit: the same after a one-character edit of a Log message in the middle, given the previous',
        'version (as the language server runs it: the edited task is parsed again, the rest reused).',
        'The bare parse is slow because `yaml` reads process.env.LOG_TOKENS once per token, a C++ call each',
        '(about 40,000 for 1,000 tasks); parseFlowDocument parses with a plain copy of the environment instead.',
        `Schema compile, cold (once per schema, cached): ${ms(cold.median)} ms (definitions compile lazily on first use).`,
      ],
    };
  },
};

/** Versions of the flow that differ by one character of a Log message in the middle. */
function editedVersions(tasks: number): string[] {
  const { text, editAt } = benchFlow(tasks);
  const lines = text.split('\n');
  const line = lines[editAt.line];
  return Array.from({ length: 10 }, (_, i) => {
    const copy = [...lines];
    copy[editAt.line] = line.slice(0, editAt.character) + editLetter(i) + line.slice(editAt.character + 1);
    return copy.join('\n');
  });
}
