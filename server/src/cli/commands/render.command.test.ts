import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../main';

async function cli(
  args: string[],
  cwd = process.cwd(),
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    env: {},
  });
  return { code, stdout, stderr };
}

describe('kestra-flow render', () => {
  const dir = mkdtempSync(join(tmpdir(), 'render-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the rendered template and a newline', async () => {
    const result = await cli([
      'render',
      'Hello {{ inputs.name }}! {{ [1, 2] }}',
      '--vars',
      '{"inputs": {"name": "World"}}',
    ]);
    assert.deepEqual(result, { code: 0, stdout: 'Hello World! [1,2]\n', stderr: '' });
  });

  it('accepts --vars=JSON and a template without variables', async () => {
    assert.deepEqual(await cli(['render', '{{ 7 / 2 }}', '--vars={}']), {
      code: 0,
      stdout: '3\n',
      stderr: '',
    });
    assert.deepEqual(await cli(['render', 'plain text']), { code: 0, stdout: 'plain text\n', stderr: '' });
  });

  it('reads variables from a JSON or YAML file, --vars overriding it', async () => {
    writeFileSync(join(dir, 'vars.json'), '{"a": 1, "b": 2}');
    writeFileSync(join(dir, 'vars.yaml'), 'a: from yaml\n');
    assert.equal(
      (await cli(['render', '{{ a }}-{{ b }}', '--vars-file', 'vars.json', '--vars', '{"b": 3}'], dir))
        .stdout,
      '1-3\n',
    );
    assert.equal((await cli(['render', '{{ a }}', '--vars-file', 'vars.yaml'], dir)).stdout, 'from yaml\n');
  });

  it('exits 1 with one line on stderr when rendering fails', async () => {
    const result = await cli(['render', 'line 1\n{{ missing }}']);
    assert.deepEqual(result, {
      code: 1,
      stdout: '',
      stderr:
        'kestra-flow render: Unable to find `missing` used in the expression `line 1\\n{{ missing }}` at line 2\n',
    });
  });

  it('exits 1 on a syntax error', async () => {
    const result = await cli(['render', '{{ x | }}']);
    assert.equal(result.code, 1);
    assert.equal(
      result.stderr,
      'kestra-flow render: Expected a filter name after "|", found "}}". ({{ x | }}:1)\n',
    );
  });

  it('exits 2 naming the problem of bad --vars', async () => {
    const bad = await cli(['render', '{{ a }}', '--vars', '{bad']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^kestra-flow render: --vars is not valid JSON: .*position 1/);
    const list = await cli(['render', '{{ a }}', '--vars', '[1]']);
    assert.equal(list.code, 2);
    assert.match(list.stderr, /^kestra-flow render: --vars must be a JSON object, got an array\./);
  });

  it('exits 2 for an unreadable file, a missing template or an unknown option', async () => {
    const missingFile = await cli(['render', '{{ a }}', '--vars-file', 'nope.json'], dir);
    assert.equal(missingFile.code, 2);
    assert.match(
      missingFile.stderr,
      /^kestra-flow render: cannot read --vars-file nope\.json: no such file\./,
    );
    assert.equal((await cli(['render'])).code, 2);
    assert.match((await cli(['render', 'x', '--format', 'json'])).stderr, /unknown option '--format'/);
    assert.match((await cli(['render', 'a', 'b'])).stderr, /give exactly one TEMPLATE/);
  });

  it('is listed in the help', async () => {
    assert.match((await cli(['--help'])).stdout, /\n {2}render {5}render a Pebble template/);
  });
});
