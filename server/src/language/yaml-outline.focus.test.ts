// A focused outline (other top-level task and trigger items read as their first line only) must
// locate every position exactly as the full outline does: same kind, path, token, and the same
// mapping and list around it. Checked at every offset of flows written to be awkward.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseOutline, type OutlineMap, type OutlineSeq } from './yaml-outline';
import { cursorPosition, textPosition, type YamlPosition } from './yaml-path';

const ROOT = join(__dirname, '../../..');

const AWKWARD = `id: awkward
namespace: company.team
# a comment at the root
tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: |
      a block scalar
  - not a key at the dash column
    # a comment inside an item
  - id: second
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: a
          type: io.kestra.plugin.core.log.Log
        dependsOn:
          - b

  # a comment between items, at the dash column
  - id: third
    type: io.kestra.plugin.core.http.Request
    uri: "https://example.com/{{ outputs.first.value }}
      continued"
  - |
    a block scalar item
  -
    id: fourth
    type: io.kestra.plugin.core.log.Log
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "@daily"
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
inputs:
  - id: a
    type: STRING
  - id: b
    type: STRING
    dependsOn:
      inputs:
        - a
errors:
  - id: on_error
    type: io.kestra.plugin.core.log.Log
    message: failed
`;

function flows(): [string, string][] {
  const files = ['test/fixtures/seed/get.yaml', 'test/fixtures/seed/post.yaml', 'examples/hello.yaml'];
  const read: [string, string][] = files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]);
  return [...read, ['awkward', AWKWARD], ['awkward CRLF', AWKWARD.replace(/\n/g, '\r\n')]];
}

function describeNode(node: OutlineMap | OutlineSeq | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'map') return node.entries.map((e) => `${e.key}:${e.value?.text ?? ''}:${e.line}`);
  return node.items.map((i) => `${i.index}:${i.value?.text ?? ''}:${i.line}`);
}

function summary(found: YamlPosition | undefined): unknown {
  if (!found) return undefined;
  return {
    kind: found.kind,
    path: found.path,
    token: [found.tokenStart, found.tokenEnd],
    prefix: found.prefix,
    map: describeNode(found.map),
    siblings: describeNode(found.item?.parent ?? found.entry?.parent),
    ownerLine: found.map?.owner?.line,
  };
}

describe('parseOutline with a focus', () => {
  for (const [name, text] of flows()) {
    it(`locates every offset of ${name} as the full outline does`, () => {
      const full = parseOutline(text);
      for (let offset = 0; offset <= text.length; offset++) {
        const focused = textPosition(text, offset);
        const reference = textPosition(text, offset, full);
        assert.deepEqual(summary(focused), summary(reference), `hover at ${offset}`);
      }
    });
    it(`places a completion cursor at every line end of ${name} as the full outline does`, () => {
      for (let offset = 0; offset <= text.length; offset++) {
        if (offset < text.length && text[offset] !== '\n' && text[offset] !== '\r') continue;
        const focused = cursorPosition(text, offset);
        const reference = cursorPosition(text, offset, false);
        assert.deepEqual(summary(focused), summary(reference), `completion at ${offset}`);
      }
    });
  }

  it('reads only the first line of the task items away from the focus', () => {
    const text = AWKWARD;
    const focus = text.indexOf('id: on_error');
    const outline = parseOutline(text, focus);
    const tasks = outline.root.entries.find((e) => e.key === 'tasks')?.block;
    assert.equal(tasks?.kind, 'seq');
    // Every item is there with its index; the Dag's nested list is not read.
    assert.deepEqual(
      tasks.items.map((i) => i.index),
      [0, 1, 2, 3, 4, 5],
    );
    assert.equal(
      outline.items.some((i) => i.value?.text === 'b'),
      false,
    );
    // Inputs are read whole: `dependsOn.inputs` completion lists the other inputs' ids.
    assert.deepEqual(
      outline.entries.filter((e) => e.key === 'dependsOn').map((e) => e.line),
      [text.slice(0, text.indexOf('    dependsOn:\n      inputs')).split('\n').length - 1],
    );
    assert.ok(outline.items.some((i) => i.value?.text === 'a'));
  });
});
