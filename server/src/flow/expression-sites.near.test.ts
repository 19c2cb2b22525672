// The sites found by walking down to an offset are exactly those of the whole walk that the offset
// may lie in (same strings, paths, keys and tasks), at every offset of the repository's flows.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { siteMayContain, type ExpressionSite } from './expression-sites';
import { expressionSitesAt, parseFlowDocument } from './flow-document';

const ROOT = join(__dirname, '../../..');

/** Strings in keys, flow collections, block scalars, nested tasks, quoted and plain styles. */
const MIXED = `id: mixed
namespace: company.team
variables:
  "{{ flow.id }}": value
  list: ["{{ inputs.a }}", {k: "{{ vars.x }}"}, plain]
tasks:
  - id: outer
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: inner
        type: io.kestra.plugin.core.log.Log
        message: |
          {{ outputs.outer }}
          second line {{ 1 + 1 }}
      - id: folded
        type: io.kestra.plugin.core.log.Log
        message: >-
          {{ inputs.a }} folded
  - id: plain
    type: io.kestra.plugin.core.log.Log
    message: {{ unquoted }}
  - id: single
    type: io.kestra.plugin.core.log.Log
    message: '{{ ''quoted'' }}'
`;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

function summary(site: ExpressionSite): unknown {
  return {
    value: site.value,
    path: site.path,
    isKey: site.isKey,
    task: site.task?.id?.value,
    at: site.node.range,
  };
}

describe('expressionSitesAt', () => {
  const flows: [string, string][] = [
    ['mixed', MIXED],
    ...yamlFiles(join(ROOT, 'test/fixtures')).map((file): [string, string] => [
      file,
      readFileSync(file, 'utf8'),
    ]),
  ];
  it('reads several fixture flows', () => assert.ok(flows.length > 10, `${flows.length} flows`));
  for (const [name, text] of flows) {
    it(`gives the whole walk's sites at every offset of ${name.replace(ROOT, '')}`, () => {
      const flow = parseFlowDocument(text);
      const all = flow.expressions;
      for (let offset = 0; offset <= text.length; offset++) {
        const expected = all.filter((site) => siteMayContain(site, offset)).map(summary);
        assert.deepEqual(expressionSitesAt(flow, offset).map(summary), expected, `offset ${offset}`);
      }
    });
  }
});
