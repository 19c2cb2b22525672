// The workspace the suites open: the HTTP guide's GET flow and a flow with inputs, both pointing at a
// loopback HTTP server, a broken flow, a half-written flow for completion, and a GitHub workflow
// (YAML that is not a flow, which must get nothing).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from './code-server';
import { REPO } from './tools';

export const WORKSPACE_FILES = {
  get: 'flows/get.yaml',
  inputs: 'flows/inputs.yaml',
  allInputs: 'flows/all-inputs.yaml',
  broken: 'flows/broken.yaml',
  scratch: 'flows/scratch.yaml',
  sleep: 'flows/sleep.yaml',
  workflow: '.github/workflows/ci.yml',
} as const;

const SOURCES: Record<keyof typeof WORKSPACE_FILES, string> = {
  get: 'test/fixtures/engine/http-guide/get.yaml',
  inputs: 'test/e2e/fixtures/inputs.yaml',
  allInputs: 'test/e2e/fixtures/all-inputs.yaml',
  broken: 'test/e2e/fixtures/broken.yaml',
  scratch: 'test/e2e/fixtures/scratch.yaml',
  sleep: 'test/e2e/fixtures/sleep.yaml',
  workflow: 'test/e2e/fixtures/ci.yml',
};

/** Writes the fixtures into `dir`, PORT replaced by the loopback server's port. */
export function writeFixtures(dir: string, port: number, repo = REPO): void {
  for (const [key, path] of Object.entries(WORKSPACE_FILES) as [keyof typeof WORKSPACE_FILES, string][]) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readFileSync(join(repo, SOURCES[key]), 'utf8').replace(/PORT/g, String(port)));
  }
}

/** A new workspace folder holding the fixtures. */
export function makeWorkspace(port: number): string {
  const dir = tempDir('ws-');
  writeFixtures(dir, port);
  return dir;
}
