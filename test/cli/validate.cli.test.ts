import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { main } from '../../server/src/cli/main';

const ROOT = resolve(__dirname, '../..');
const BAD_FLOW = `id: bad
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    urii: https://example.com
`;
const GOOD_FLOW = `id: good
namespace: company.team
tasks:
  - id: hello
    type: io.kestra.core.tasks.log.Log
    message: hi
`;

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env: {} });
  return { code, stdout, stderr };
}

describe('kestra-flow validate', () => {
  let dir: string;

  before(() => {
    mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
    dir = mkdtempSync(join(ROOT, '.test-tmp', 'cli-validate-'));
    mkdirSync(join(dir, 'flows/nested'), { recursive: true });
    writeFileSync(join(dir, 'flows/bad.yaml'), BAD_FLOW);
    writeFileSync(join(dir, 'flows/nested/good.yml'), GOOD_FLOW);
    writeFileSync(join(dir, 'flows/nested/ci.yaml'), 'name: CI\non: [push]\njobs: {}\n');
    writeFileSync(join(dir, 'flows/readme.txt'), 'not yaml');
    writeFileSync(
      join(dir, 'latin1.yaml'),
      Buffer.concat([
        Buffer.from('id: x\nnamespace: company.team\ndescription: caf'),
        Buffer.from([0xe9]),
        Buffer.from('\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: m\n'),
      ]),
    );
    writeFileSync(join(dir, 'schema.json'), '{"definitions": ');
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:col: severity code: message and a summary, exit 1 on errors', async () => {
    const result = await run(['validate', 'flows/bad.yaml'], dir);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    assert.equal(
      result.stdout,
      [
        "flows/bad.yaml:5:11: error missing-property: Missing required property 'uri'.",
        "flows/bad.yaml:6:5: error unknown-property: Unknown property 'urii' for io.kestra.plugin.core.http.Request. Did you mean 'uri'?",
        '1 flow checked: 2 errors, 0 warnings (errors in 1 file).',
        '',
      ].join('\n'),
    );
  });

  it('prints the documented JSON shape with 0-based positions', async () => {
    const result = await run(['validate', '--format', 'json', 'flows/bad.yaml'], dir);
    assert.equal(result.code, 1);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file: 'flows/bad.yaml',
        diagnostics: [
          {
            range: { start: { line: 4, character: 10 }, end: { line: 4, character: 44 } },
            severity: 'error',
            code: 'missing-property',
            message: "Missing required property 'uri'.",
          },
          {
            range: { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } },
            severity: 'error',
            code: 'unknown-property',
            message: "Unknown property 'urii' for io.kestra.plugin.core.http.Request. Did you mean 'uri'?",
          },
        ],
      },
    ]);
  });

  it('walks directories recursively in order and skips YAML that is not a flow', async () => {
    const result = await run(['validate', '--format=json', 'flows'], dir);
    assert.equal(result.code, 1);
    const files = (JSON.parse(result.stdout) as { file: string; diagnostics: { code: string }[] }[]).map(
      (r) => [r.file, r.diagnostics.map((d) => d.code)],
    );
    assert.deepEqual(files, [
      ['flows/bad.yaml', ['missing-property', 'unknown-property']],
      ['flows/nested/good.yml', ['deprecated-type']],
    ]);
    const text = await run(['validate', 'flows/nested'], dir);
    assert.equal(text.code, 0);
    assert.equal(
      text.stdout,
      'flows/nested/good.yml:5:11: warning deprecated-type: io.kestra.core.tasks.log.Log is replaced by io.kestra.plugin.core.log.Log: use the new name.\n' +
        '1 flow checked: 0 errors, 1 warning; 1 YAML file skipped (not flows).\n',
    );
  });

  it('reports bytes that are not UTF-8 as a diagnostic', async () => {
    const result = await run(['validate', 'latin1.yaml'], dir);
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /^latin1\.yaml:3:17: error invalid-encoding: Byte 0xE9 at line 3, column 17 is not valid UTF-8/,
    );
  });

  it('exits 2 for usage errors, naming the problem', async () => {
    for (const [args, message] of [
      [['validate'], 'give at least one flow file or directory.'],
      [['validate', '--verbose', 'x.yaml'], "unknown option '--verbose'."],
      [['validate', '--format', 'xml', 'x.yaml'], "unknown format 'xml': use text or json."],
      [['validate', 'x.yaml', '--schema'], '--schema needs a value.'],
    ] as [string[], string][]) {
      const result = await run(args, dir);
      assert.equal(result.code, 2, args.join(' '));
      assert.ok(result.stderr.startsWith(`kestra-flow validate: ${message}\n`), result.stderr);
      assert.equal(result.stdout, '');
    }
  });

  it('exits 2 for unreadable paths, a bad --schema file, or a named file that is not a flow', async () => {
    const missing = await run(['validate', 'flows/bad.yaml', 'nope.yaml'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'kestra-flow validate: nope.yaml: no such file or directory\n');
    assert.match(missing.stdout, /^flows\/bad\.yaml:5:11: error missing-property/);

    const schema = await run(['validate', '--schema', 'schema.json', 'flows/bad.yaml'], dir);
    assert.equal(schema.code, 2);
    assert.match(
      schema.stderr,
      /^kestra-flow validate: cannot use --schema schema\.json: .*schema\.json.*\n$/,
    );
    assert.equal(schema.stdout, '');

    const notFlow = await run(['validate', 'flows/nested/ci.yaml'], dir);
    assert.equal(notFlow.code, 2);
    assert.equal(
      notFlow.stderr,
      'kestra-flow validate: flows/nested/ci.yaml: not a Kestra flow (a flow has top-level `id`, `namespace` and `tasks`); nothing was checked\n',
    );
  });

  it('validates with a server schema given by --schema', async () => {
    const result = await run(
      ['validate', '--schema', join(ROOT, 'schemas/flow.schema.json'), 'flows/nested/good.yml'],
      dir,
    );
    assert.equal(result.code, 0);
    assert.match(result.stdout, /1 flow checked: 0 errors, 1 warning\.\n$/);
  });

  it('runs the same way through node dist/cli.js', () => {
    const cli = join(ROOT, 'dist/cli.js');
    const result = spawnSync(process.execPath, [cli, 'validate', '--format', 'json', 'flows/bad.yaml'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(
      (JSON.parse(result.stdout) as { diagnostics: { code: string }[] }[])[0].diagnostics.map((d) => d.code),
      ['missing-property', 'unknown-property'],
    );
    const clean = spawnSync(process.execPath, [cli, 'validate', 'flows/nested'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.equal(clean.status, 0);
  });
});
