import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from './catalog';
import type { FlowDiagnostic } from './diagnostic';
import { parseFlowDocument } from './flow-document';
import { validateFlowSchema } from './schema-validation';
import { subtreeCacheFor } from './schema-validation-cache';

const FLOW = `id: cached
namespace: company.team
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: https://kestra.io
    method: get
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: inner
        type: io.kestra.plugin.core.log.Log
        mesage: "{{ taskrun.value }}"
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hi
`;

function validate(text: string, cacheOwner?: object): FlowDiagnostic[] {
  const flow = parseFlowDocument(text);
  return validateFlowSchema({
    document: flow.document!,
    lines: flow.lines,
    catalog: PluginCatalog.bundled(),
    cacheOwner,
  });
}

describe('schema validation cached per top-level task', () => {
  it('gives what an uncached run gives, for the same text, moved, and with a task inserted', () => {
    const owner = {};
    const cache = subtreeCacheFor(owner, undefined);
    const variants = [
      FLOW,
      FLOW,
      `# two lines\n# of comments\n${FLOW}`,
      FLOW.replace(
        'tasks:\n',
        'tasks:\n  - id: first\n    type: io.kestra.plugin.core.log.Log\n    message: new\n',
      ),
    ];
    const sizes: number[] = [];
    for (const text of variants) {
      assert.deepEqual(validate(text, owner), validate(text));
      sizes.push(cache.size);
    }
    // The three tasks once; reused as they are and moved; one more for the inserted task.
    assert.deepEqual(sizes, [3, 3, 3, 4]);
    const moved = validate(variants[2], owner).map((d) => [d.code, d.range.start.line]);
    assert.deepEqual(moved, [
      ['invalid-value', 8],
      ['missing-property', 14],
      ['unknown-property', 15],
    ]);
  });

  it('validates a task again when its text changes', () => {
    const owner = {};
    validate(FLOW, owner);
    const fixed = FLOW.replace('method: get', 'method: GET').replace('mesage:', 'message:');
    assert.deepEqual(validate(fixed, owner), []);
  });

  it('does not cache a flow with aliases, whose tasks read text from elsewhere', () => {
    const owner = {};
    const withAlias = FLOW.replace('message: hi', 'message: &greeting hi').replace(
      'uri: https://kestra.io',
      'uri: *greeting',
    );
    assert.deepEqual(validate(withAlias, owner), validate(withAlias));
    assert.equal(subtreeCacheFor(owner, undefined).size, 0);
  });
});
