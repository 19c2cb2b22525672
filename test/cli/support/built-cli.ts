// The built CLI (dist/cli.js) for process-level tests, rebuilt first when a server source is newer.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
export const cliPath = join(root, 'dist', 'cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
  }
  return newest;
}

/** Builds dist/cli.js when it is missing or older than server/src; returns its path. */
export function ensureBuiltCli(): string {
  if (!existsSync(cliPath) || statSync(cliPath).mtimeMs < newestSource(join(root, 'server', 'src'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  }
  return cliPath;
}
