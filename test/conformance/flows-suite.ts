// Flow validation against the corpus: Kestra's own valid and invalid test flows, other test files
// with known expectations, published files that fail YAML parsing, and hundreds of real flows.
// Goals: no false error on a valid flow, ≥ 95 % of invalid flows flagged with the gist of Kestra's
// message, a YAML diagnostic on PyYAML's line for every broken flow file, and never a crash.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PluginCatalog } from '../../server/src/flow/catalog';
import type { Catalog } from '../../server/src/flow/catalog-types';
import { validateFlow } from '../../server/src/language/validate';
import { checkFile, countBy, errorsOf, show, yamlFiles, type CheckedFile } from './flows-corpus';
import { INVALID_GIST, PYYAML_LINES, RUNTIME_FAILURES, YAML_CODES } from './flows-expectations';
import type { ConformanceSuite, SuiteResult } from './suites';

interface Section {
  lines: string[];
  ok: boolean;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;
}

function crashes(files: CheckedFile[]): string[] {
  return files.filter((f) => f.crash).map((f) => `  CRASH ${f.file}: ${f.crash}`);
}

function valids(corpus: string, catalog: Catalog): Section {
  const dir = join(corpus, 'kestra-tests/valids');
  const files = yamlFiles(dir).map((path) => checkFile(path, dir, catalog));
  // A known run-time failure is a true finding when every error is of the expected codes.
  const isKnownFailure = (f: CheckedFile): boolean => {
    const known = RUNTIME_FAILURES[f.file];
    return known !== undefined && errorsOf(f).every((d) => known.codes.includes(d.code));
  };
  const withErrors = files.filter((f) => errorsOf(f).length > 0 && !isKnownFailure(f));
  const known = files.filter((f) => errorsOf(f).length > 0 && isKnownFailure(f));
  const lines = [
    `valids: ${files.length} files, ${withErrors.length} with false errors (goal: 0); ` +
      `${known.length} with expressions that really fail at run time (listed)`,
  ];
  for (const file of withErrors)
    for (const d of errorsOf(file)) lines.push(`  FALSE ERROR ${file.file}:${show(d)}`);
  for (const file of known) {
    lines.push(`  REAL (fails at run time: ${RUNTIME_FAILURES[file.file].reason}) ${file.file}`);
    for (const d of errorsOf(file)) lines.push(`      ${show(d)}`);
  }
  lines.push(...crashes(files));
  const bySeverity = countBy(
    files.flatMap((f) => f.diagnostics),
    (d) => `${d.severity} ${d.code}`,
  );
  lines.push(`  other diagnostics: ${[...bySeverity].map(([k, n]) => `${k} ×${n}`).join(', ') || 'none'}`);
  return { lines, ok: withErrors.length === 0 && !files.some((f) => f.crash) };
}

function expectedGist(entry: Record<string, unknown> | undefined): string {
  if (!entry) return '(no expectation recorded)';
  for (const key of ['contains', 'equals', 'anyOfPerViolation']) {
    const value = entry[key];
    if (Array.isArray(value) && value.length > 0) return value.map(String).join(' | ');
  }
  if (entry.containsCount) return JSON.stringify(entry.containsCount);
  return String(entry.note ?? '(none)');
}

function invalids(corpus: string, catalog: Catalog): Section {
  const dir = join(corpus, 'kestra-tests/invalids');
  const expected = JSON.parse(
    readFileSync(join(corpus, 'kestra-tests/invalids.expected.json'), 'utf8'),
  ) as Record<string, Record<string, unknown>>;
  const files = yamlFiles(dir).map((path) => checkFile(path, dir, catalog));
  let flagged = 0;
  const lines: string[] = [];
  for (const file of files) {
    const gist = INVALID_GIST[file.file] ?? {};
    const codes = countBy(file.diagnostics, (d) => d.code);
    const hit =
      Object.keys(gist).length > 0 &&
      Object.entries(gist).every(([code, min]) => (codes.get(code) ?? 0) >= min);
    if (hit) flagged++;
    lines.push(`  ${hit ? 'ok  ' : 'MISS'} ${file.file}`);
    lines.push(`       Kestra: ${expectedGist(expected[file.file])}`);
    for (const d of file.diagnostics.filter((x) => x.severity !== 'information'))
      lines.push(`       we say: ${show(d)}`);
  }
  lines.push(...crashes(files));
  const rate = files.length === 0 ? 0 : flagged / files.length;
  lines.unshift(
    `invalids: ${flagged}/${files.length} flagged with the gist of Kestra's message (${percent(flagged, files.length)}, goal ≥ 95 %)`,
  );
  return { lines, ok: rate >= 0.95 && !files.some((f) => f.crash) };
}

/** other/: per YAML document of a file, the codes expected (and whether errors are allowed). */
const OTHER: Record<string, { codes: string[]; errors: boolean }[]> = {
  'webserver/src/test/resources/flows/validateMultipleInvalidFlows.yaml': [
    { codes: ['unknown-property'], errors: true },
    { codes: ['unknown-task-type'], errors: true },
  ],
  'webserver/src/test/resources/flows/validateMultipleValidFlows.yaml': [
    { codes: ['deprecated-property'], errors: false },
    { codes: ['deprecated-type'], errors: false },
  ],
  'webserver/src/test/resources/flows/warningsAndInfos.yaml': [{ codes: ['deprecated-type'], errors: false }],
  'webserver/src/test/resources/flows/simpleInvalidFlow.yaml': [
    { codes: ['unknown-property'], errors: true },
  ],
  'cli/src/test/resources/warning/flow-with-warning.yaml': [{ codes: ['deprecated-type'], errors: false }],
};

function other(corpus: string, catalog: Catalog): Section {
  const dir = join(corpus, 'kestra-tests/other');
  const files = yamlFiles(dir).map((path) => checkFile(path, dir, catalog));
  const lines: string[] = [];
  let met = 0;
  for (const [file, docs] of Object.entries(OTHER)) {
    // The validate endpoint checks each document of a multi-document file on its own.
    const texts = readFileSync(join(dir, file), 'utf8').split(/^---[ \t]*$/m);
    const results = texts.map((text) => validateFlow(text, catalog).diagnostics);
    const ok = docs.every((doc, i) => {
      const codes = new Set((results[i] ?? []).map((d) => d.code));
      const errors = (results[i] ?? []).some((d) => d.severity === 'error');
      return doc.codes.every((c) => codes.has(c)) && errors === doc.errors;
    });
    if (ok) met++;
    lines.push(`  ${ok ? 'ok  ' : 'MISS'} ${file}`);
    results.forEach((diagnostics, i) =>
      lines.push(
        `       document ${i + 1}: ${diagnostics.map((d) => `${d.severity} ${d.code}`).join(', ') || 'nothing'}`,
      ),
    );
  }
  lines.push(...crashes(files));
  lines.unshift(
    `other: ${met}/${Object.keys(OTHER).length} files with known expectations met; ${files.length} files read, ${files.filter((f) => f.crash).length} crashes`,
  );
  return { lines, ok: met === Object.keys(OTHER).length && !files.some((f) => f.crash) };
}

function invalidYaml(corpus: string, catalog: Catalog): Section {
  const dir = join(corpus, 'public/_invalid-yaml');
  const files = yamlFiles(dir).map((path) => checkFile(path, dir, catalog));
  const lines: string[] = [];
  let right = 0;
  let flows = 0;
  for (const file of files) {
    const expected = PYYAML_LINES[file.file] ?? [];
    if (!file.isFlow) {
      lines.push(`  not a flow (a fragment, left alone like any other YAML): ${file.file}`);
      continue;
    }
    flows++;
    const found = file.diagnostics.filter((d) => YAML_CODES.has(d.code));
    const onLine = found.some((d) => expected.includes(d.range.start.line + 1));
    if (onLine) right++;
    const first = found[0];
    lines.push(
      `  ${onLine ? 'ok  ' : 'MISS'} ${file.file}: PyYAML line ${expected.join(' or ')}, we say ${first ? show(first) : 'nothing'}`,
    );
  }
  lines.push(...crashes(files));
  lines.unshift(
    `_invalid-yaml: ${right}/${flows} flow files get a YAML diagnostic on PyYAML's line (goal: all); ${files.length - flows} fragments are not flows`,
  );
  return { lines, ok: right === flows && !files.some((f) => f.crash) };
}

function publicFlows(corpus: string, catalog: Catalog): Section {
  const dir = join(corpus, 'public');
  const files = yamlFiles(dir, (name) => name === '_invalid-yaml').map((path) =>
    checkFile(path, dir, catalog),
  );
  const flows = files.filter((f) => f.isFlow);
  const all = flows.flatMap((f) => f.diagnostics);
  const lines = [
    `public: ${files.length} files, ${flows.length} flows, ${flows.filter((f) => errorsOf(f).length > 0).length} with errors`,
  ];
  lines.push('  diagnostics by severity and code:');
  for (const [key, n] of countBy(all, (d) => `${d.severity} ${d.code}`)) lines.push(`    ${key}: ${n}`);
  lines.push('  every error (for review):');
  for (const file of flows) for (const d of errorsOf(file)) lines.push(`    ${file.file}:${show(d)}`);
  for (const file of files.filter((f) => !f.isFlow && !f.crash)) lines.push(`  not a flow: ${file.file}`);
  lines.push(...crashes(files));
  return { lines, ok: !files.some((f) => f.crash) };
}

export const flowsSuite: ConformanceSuite = {
  name: 'flows',
  async run(corpus: string): Promise<SuiteResult> {
    const catalog = PluginCatalog.bundled();
    const sections = [valids, invalids, other, invalidYaml, publicFlows].map((section) =>
      section(corpus, catalog),
    );
    return { ok: sections.every((s) => s.ok), report: sections.map((s) => s.lines.join('\n')).join('\n\n') };
  },
};
