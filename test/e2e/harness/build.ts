// Builds what the suites load: the extension (npm run build), its .vsix, and the extension-host tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO } from './tools';

function npm(...args: string[]): void {
  const result = spawnSync('npm', args, { cwd: REPO, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${result.status})`);
}

export function buildExtension(): void {
  npm('run', 'build');
}

/** `npm run package` (builds first); returns the .vsix path. */
export function packageExtension(): string {
  npm('run', 'package');
  return join(REPO, 'kestra-flow-tools.vsix');
}

/** Bundles test/vscode into dist/test/vscode/index.js (vscode and mocha stay external). */
export async function buildExtensionTests(): Promise<string> {
  const outfile = join(REPO, 'dist/test/vscode/index.js');
  await build({
    entryPoints: [join(REPO, 'test/vscode/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outfile;
}
