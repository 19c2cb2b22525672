// The flows of the security steps, written beside the other fixtures, and the secret that code-server
// (so the extension host, so the run) gets in its environment as Kestra's OSS backend reads secrets:
// SECRET_<NAME>, base64.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO } from './tools';

export const SECURITY_FILES = {
  hostile: 'flows/hostile.yaml',
  secret: 'flows/secret.yaml',
  onServer: 'flows/on-server.yaml',
} as const;

const SOURCES: Record<keyof typeof SECURITY_FILES, string> = {
  hostile: 'test/e2e/fixtures/hostile.yaml',
  secret: 'test/e2e/fixtures/secret.yaml',
  onServer: 'test/e2e/fixtures/on-server.yaml',
};

/** What `secret('API_TOKEN')` returns in the runs: six characters, so Kestra masks it as `******`. */
export const SECRET_VALUE = 'Zq9#vX';

export function secretEnvironment(): Record<string, string> {
  return { SECRET_API_TOKEN: Buffer.from(SECRET_VALUE, 'utf8').toString('base64') };
}

/** Writes the flows into the workspace `dir`; HOSTILE_PORT becomes the hostile web server's port. */
export function writeSecurityFixtures(dir: string, hostilePort: number, repo = REPO): void {
  for (const key of Object.keys(SECURITY_FILES) as (keyof typeof SECURITY_FILES)[]) {
    const target = join(dir, SECURITY_FILES[key]);
    mkdirSync(dirname(target), { recursive: true });
    const text = readFileSync(join(repo, SOURCES[key]), 'utf8');
    writeFileSync(target, text.replace(/HOSTILE_PORT/g, String(hostilePort)));
  }
}
