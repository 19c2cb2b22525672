import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { cursor } from '../test-support/cursor';
import { fakeCatalog } from '../test-support/fake-catalog';
import { completeAt } from './index';

const catalog = fakeCatalog();

function labels(source: string): string[] {
  const fixture = cursor(source);
  return completeAt(fixture.doc, catalog, fixture.position)
    .items.sort((a: CompletionItem, b: CompletionItem) =>
      (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label),
    )
    .map((i) => i.label);
}

const REQUEST_KEYS = ['uri', 'method', 'body', 'contentType', 'headers', 'allowFailed', 'options'];

describe('structure completion on text YAML cannot read', () => {
  it('still knows the task after an unclosed quote above the cursor', () => {
    const found = labels(`id: demo
namespace: company.team
tasks:
  - id: a
    type: io.kestra.plugin.core.http.Request
    contentType: "application/json
    |
`);
    assert.deepEqual(found.slice(0, 6), ['uri', 'method', 'body', 'headers', 'allowFailed', 'options']);
  });

  it('still knows the task when another line of the flow is broken', () => {
    const found = labels(`id: demo
namespace: company.team
tasks:
  - id: a
    type: io.kestra.plugin.core.http.Request
    |
  - id: b
    type: io.kestra.plugin.core.log.Log
    message: {{ broken
      : here
`);
    assert.deepEqual(found.slice(0, 7), REQUEST_KEYS);
  });

  it('reads a partial key among finished ones, and a key typed before `type:`', () => {
    assert.deepEqual(
      labels(
        `id: demo\nnamespace: n\ntasks:\n  - id: a\n    bo|\n    type: io.kestra.plugin.core.http.Request\n`,
      ).slice(0, 7),
      REQUEST_KEYS,
    );
  });

  it('reads a word typed after a fresh dash, above the rest of the task, as its first key', () => {
    assert.deepEqual(
      labels(`id: demo\nnamespace: n\ntasks:\n  - i|\n    type: io.kestra.plugin.core.http.Request\n`).slice(
        0,
        8,
      ),
      ['id', ...REQUEST_KEYS],
    );
  });

  it('offers the first keys of a trigger on a fresh `- ` under triggers', () => {
    assert.deepEqual(labels(`id: demo\nnamespace: n\ntasks: []\ntriggers:\n  - |\n`), [
      'id',
      'type',
      'conditions',
    ]);
  });

  it('offers nothing for YAML that is not a flow', () => {
    assert.deepEqual(labels(`name: build\non: push\njobs:\n  |\n`), []);
  });
});
