// Which files `validate` checks: files as given, and every *.yml / *.yaml below a directory
// (sorted, skipping .git and node_modules).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface FileToCheck {
  /** As shown to the user: the argument, or the argument joined with the path inside it. */
  display: string;
  absolute: string;
  /** True when named on the command line (not found by walking a directory). */
  explicit: boolean;
}

export interface CollectedFiles {
  files: FileToCheck[];
  /** One message per argument that could not be read. */
  problems: string[];
}

const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules']);

function walk(absolute: string, display: string, out: FileToCheck[]): void {
  const entries = readdirSync(absolute, { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const entry of entries) {
    const childAbsolute = join(absolute, entry.name);
    const childDisplay = join(display, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(childAbsolute, childDisplay, out);
    } else if (/\.ya?ml$/i.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      out.push({ display: childDisplay, absolute: childAbsolute, explicit: false });
    }
  }
}

export function collectFiles(paths: string[], cwd: string): CollectedFiles {
  const files: FileToCheck[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    try {
      const stat = statSync(absolute);
      if (stat.isDirectory()) walk(absolute, path, files);
      else files.push({ display: path, absolute, explicit: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        code === 'ENOENT'
          ? `${path}: no such file or directory`
          : `${path}: cannot be read (${code ?? (error as Error).message})`,
      );
    }
  }
  return { files, problems };
}
