// Conformance of the bundled plugin catalog and flow schema against the corpus:
// - every alias of kestra-type-aliases.json resolves to its canonical core type;
// - how many core type names used by real flows resolve (the others are listed);
// - ajv with the generated schema on every kestra-tests/valids flow: false errors (goal 0).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { PluginCatalog } from '../../server/src/flow/catalog';
import { createKestraAjv } from '../../server/src/flow/catalog-ajv';
import { prepareForSchema } from '../../server/src/flow/catalog-normalize';
import type { ConformanceSuite, SuiteResult } from './suites';

const CORE_PREFIXES = ['io.kestra.plugin.core.', 'io.kestra.core.'];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

/** Parsed documents of a file; files that are not valid YAML give none. */
function documentsOf(path: string): unknown[] {
  const documents = parseAllDocuments(readFileSync(path, 'utf8'));
  if (!Array.isArray(documents)) return [];
  return documents.filter((doc) => doc.errors.length === 0).map((doc) => doc.toJS() as unknown);
}

/** Every `type` value that names a core class, outside `pluginDefaults` (where prefixes are allowed). */
function coreTypeNames(value: unknown, found: Map<string, number>): void {
  if (Array.isArray(value)) {
    for (const item of value) coreTypeNames(item, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'pluginDefaults' || key === 'taskDefaults') continue;
      if (key === 'type' && typeof item === 'string' && CORE_PREFIXES.some((p) => item.startsWith(p))) {
        found.set(item, (found.get(item) ?? 0) + 1);
      } else {
        coreTypeNames(item, found);
      }
    }
  }
}

function checkAliases(corpus: string, catalog: PluginCatalog, lines: string[]): boolean {
  const aliases = JSON.parse(readFileSync(join(corpus, 'kestra-type-aliases.json'), 'utf8')) as Record<
    string,
    string
  >;
  const core = Object.entries(aliases).filter(([, target]) =>
    CORE_PREFIXES.some((p) => target.startsWith(p)),
  );
  const wrong = core.filter(([alias, target]) => catalog.resolve(alias)?.spec.type !== target);
  lines.push(
    `aliases: ${core.length - wrong.length}/${core.length} core aliases resolve to their canonical type`,
  );
  for (const [alias, target] of wrong) {
    lines.push(`  - ${alias} → ${catalog.resolve(alias)?.spec.type ?? 'unresolved'} (expected ${target})`);
  }
  return wrong.length === 0;
}

function checkTypeNames(corpus: string, catalog: PluginCatalog, lines: string[]): void {
  const files = [
    ...yamlFiles(join(corpus, 'kestra-tests', 'valids')),
    ...yamlFiles(join(corpus, 'public')).filter((f) => !f.includes('_invalid-yaml')),
  ];
  const found = new Map<string, number>();
  for (const file of files) for (const doc of documentsOf(file)) coreTypeNames(doc, found);
  const unresolved = [...found.keys()].filter((name) => !catalog.resolve(name)).sort();
  const uses = [...found.values()].reduce((a, b) => a + b, 0);
  const unresolvedUses = unresolved.reduce((sum, name) => sum + (found.get(name) ?? 0), 0);
  lines.push(
    `core type names in ${files.length} corpus files: ${found.size - unresolved.length}/${found.size} distinct names resolve ` +
      `(${uses - unresolvedUses}/${uses} uses)`,
  );
  for (const name of unresolved) lines.push(`  - unresolved: ${name} (${found.get(name)} use(s))`);
}

function checkValids(corpus: string, catalog: PluginCatalog, lines: string[]): number {
  const validate = createKestraAjv().compile(catalog.schema);
  const dir = join(corpus, 'kestra-tests', 'valids');
  let checked = 0;
  let excluded = 0;
  let falseErrors = 0;
  for (const file of yamlFiles(dir)) {
    for (const doc of documentsOf(file)) {
      const prepared = prepareForSchema(doc, catalog);
      if (prepared.unknownTypes.length > 0) {
        excluded++;
        continue;
      }
      checked++;
      if (validate(prepared.value)) continue;
      falseErrors++;
      const first = (validate.errors ?? [])
        .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'const')
        .slice(0, 3);
      lines.push(
        `  - ${relative(corpus, file)}: ${first.map((e) => `${e.instancePath} ${e.message}`).join('; ')}`,
      );
    }
  }
  lines.push(
    `schema on kestra-tests/valids: ${checked} flows checked, ${falseErrors} with false errors ` +
      `(${excluded} excluded for test-only plugin types)`,
  );
  return falseErrors;
}

export const catalogSuite: ConformanceSuite = {
  name: 'plugin catalog and flow schema',
  async run(corpus: string): Promise<SuiteResult> {
    const catalog = PluginCatalog.bundled();
    const lines: string[] = [];
    const aliasesOk = checkAliases(corpus, catalog, lines);
    checkTypeNames(corpus, catalog, lines);
    const falseErrors = checkValids(corpus, catalog, lines);
    return { ok: aliasesOk && falseErrors === 0, report: lines.join('\n') };
  },
};
