import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lsp-client';

const FLOW_WITH_TYPO = `id: typo
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    urii: https://example.com
`;

const WORKFLOW = `name: CI
on: [push]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
`;

const CLEAN_FLOW = `id: clean
namespace: company.team
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hi
`;

describe('language server over stdio', () => {
  let client: LspClient;

  before(async () => {
    client = LspClient.start('stdio');
    const status = await client.initialize();
    assert.equal(status.source, 'bundled');
  });

  after(async () => {
    await client.stop();
  });

  it('reports an unknown property on exactly its key, and nothing for a GitHub workflow', async () => {
    const workflow = 'file:///work/.github/workflows/ci.yml';
    const flow = 'file:///work/flows/typo.yaml';
    const diagnostics = client.nextDiagnostics(flow);
    await client.open(workflow, WORKFLOW);
    await client.open(flow, FLOW_WITH_TYPO);
    const published = await diagnostics;
    // The workflow was opened first: had the server answered for it, it would have done so already.
    assert.deepEqual(client.publishedFor(workflow), []);
    const unknown = published.diagnostics.filter((d) => d.code === 'unknown-property');
    assert.deepEqual(unknown, [
      {
        range: { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } },
        severity: 1,
        code: 'unknown-property',
        source: 'kestra',
        message: "Unknown property 'urii' for io.kestra.plugin.core.http.Request. Did you mean 'uri'?",
        data: { suggestion: 'uri' },
      },
    ]);
  });

  it('re-validates after an incremental change', async () => {
    const flow = 'file:///work/flows/typo.yaml';
    const next = client.nextDiagnostics(flow);
    // Replace `urii` by `uri` on line 6.
    await client.change(flow, 100, [
      { range: { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } }, text: 'uri' },
    ]);
    const published = await next;
    assert.equal(published.version, 100);
    assert.deepEqual(published.diagnostics, []);
  });

  it('survives bad input and keeps answering', async () => {
    const cases: [string, string][] = [
      ['file:///work/bad/empty.yaml', ''],
      ['file:///work/bad/not-a-flow.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n'],
      [
        'file:///work/bad/latin1.yaml',
        `id: caf\uFFFD\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: "\uD800 \u00e9"\n`,
      ],
      ['file:///work/bad/multi.yaml', `${CLEAN_FLOW}---\n${CLEAN_FLOW}`],
      ['file:///work/bad/broken.yaml', 'id: broken\nnamespace: company.team\ntasks:\n  - id: [unclosed\n'],
    ];
    const big = `id: big\nnamespace: company.team\ntasks:\n${Array.from({ length: 40000 }, (_, i) => `  - id: t${i}\n    type: io.kestra.plugin.core.log.Log\n    message: "line {{ execution.id }} ${'x'.repeat(80)}"\n`).join('')}`;
    assert.ok(big.length > 5_000_000);
    cases.push(['file:///work/bad/big.yaml', big]);
    const expectations = new Map<string, Promise<unknown>>();
    for (const [uri] of cases.slice(2)) expectations.set(uri, client.nextDiagnostics(uri));
    for (const [uri, text] of cases) await client.open(uri, text);
    const results = await Promise.all([...expectations.values()]);
    const codes = results.map((r) =>
      [...new Set((r as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code))].sort(),
    );
    assert.deepEqual(codes, [['invalid-id'], ['multiple-documents'], ['yaml-syntax'], []]);
    // Still answering: a fresh flow gets its diagnostics, and nothing came for the non-flows.
    const probe = 'file:///work/flows/probe.yaml';
    const answer = client.nextDiagnostics(probe);
    await client.open(probe, CLEAN_FLOW);
    assert.deepEqual((await answer).diagnostics, []);
    assert.deepEqual(client.publishedFor('file:///work/bad/empty.yaml'), []);
    assert.deepEqual(client.publishedFor('file:///work/bad/not-a-flow.yaml'), []);
  });
});
