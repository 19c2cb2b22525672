// Runs every *.test.ts under server/, client/ and test/ with node's built-in test runner (through tsx).
// Node 20's --test does not expand globs, so the file list is collected here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['server', 'client/src', 'client/webview', 'test'];
const skipDirs = new Set(['node_modules', 'dist', 'vscode', 'e2e', 'conformance', 'fixtures']);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!skipDirs.has(name)) walk(path);
    } else if (name.endsWith('.test.ts')) {
      files.push(path);
    }
  }
}
for (const root of roots) {
  try {
    walk(root);
  } catch {
    // a root that does not exist yet has no tests
  }
}
const filter = process.argv.slice(2);
const selected = filter.length ? files.filter((f) => filter.some((part) => f.includes(part))) : files;
if (selected.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...selected.sort()], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
