// Reading the corpus for the flow suite: files in sorted order, each validated as the CLI would.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Catalog } from '../../server/src/flow/catalog-types';
import type { FlowDiagnostic } from '../../server/src/flow/diagnostic';
import { decodeFlowBytes } from '../../server/src/language/decode-flow-bytes';
import { sortDiagnostics, validateFlow } from '../../server/src/language/validate';

export interface CheckedFile {
  /** Relative to the folder that was walked. */
  file: string;
  isFlow: boolean;
  diagnostics: FlowDiagnostic[];
  /** Set when validation threw: a crash, which the suite counts as a failure. */
  crash?: string;
}

export function yamlFiles(dir: string, skip: (name: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        if (!skip(name)) walk(path);
      } else if (/\.ya?ml$/i.test(name)) out.push(path);
    }
  };
  walk(dir);
  return out;
}

export function checkFile(path: string, base: string, catalog: Catalog): CheckedFile {
  const file = relative(base, path);
  try {
    const decoded = decodeFlowBytes(readFileSync(path));
    const { flow, diagnostics } = validateFlow(decoded.text, catalog);
    return {
      file,
      isFlow: flow.isFlow,
      diagnostics: sortDiagnostics([...decoded.diagnostics, ...diagnostics]),
    };
  } catch (error) {
    return {
      file,
      isFlow: false,
      diagnostics: [],
      crash: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

export function show(d: FlowDiagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code}: ${d.message}`;
}

export function errorsOf(file: CheckedFile): FlowDiagnostic[] {
  return file.diagnostics.filter((d) => d.severity === 'error');
}

export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}
