// The built CLI, as a user runs it: `node dist/cli.js render …` (npm test builds dist first).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { cliPath, ensureBuiltCli } from './support/built-cli';

describe('dist/cli.js render', () => {
  before(() => {
    ensureBuiltCli();
  });

  it('renders and exits 0', () => {
    const result = spawnSync(
      process.execPath,
      [cliPath, 'render', '{{ a ?? "none" }} {{ b.c }}', '--vars', '{"b": {"c": 2.0}}'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(result.stderr, '');
    assert.equal(result.stdout, 'none 2\n');
    assert.equal(result.status, 0);
  });

  it('exits 1 with the error on stderr and no stack trace', () => {
    const result = spawnSync(process.execPath, [cliPath, 'render', '{{ nope() }}'], { encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr,
      'kestra-flow render: Function or Macro [nope] does not exist. ({{ nope() }}:1)\n',
    );
  });
});
