import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { PluginCatalog } from '../flow/catalog';
import { validateFlow } from './validate';

const FIXTURES = resolve(__dirname, '../../../test/fixtures/http-guide');

/** The guide logs with the old name of Log: one deprecation warning, on that type, and nothing else. */
function aliasWarning(line: number) {
  return {
    range: { start: { line, character: 10 }, end: { line, character: 38 } },
    severity: 'warning',
    code: 'deprecated-type',
    message: 'io.kestra.core.tasks.log.Log is replaced by io.kestra.plugin.core.log.Log: use the new name.',
    data: { replacement: 'io.kestra.plugin.core.log.Log' },
  };
}

describe("the flows of Kestra's HTTP guide", () => {
  const cases: [string, number][] = [
    ['get.yaml', 12],
    ['post.yaml', 19],
    ['put.yaml', 19],
    ['delete.yaml', 17],
  ];
  for (const [file, logTypeLine] of cases) {
    it(`${file}: no error, only the alias warning`, () => {
      const text = readFileSync(resolve(FIXTURES, file), 'utf8');
      const { flow, diagnostics } = validateFlow(text, PluginCatalog.bundled());
      assert.equal(flow.isFlow, true);
      assert.deepEqual(diagnostics, [aliasWarning(logTypeLine)]);
    });
  }
});
