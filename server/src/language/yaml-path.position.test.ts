import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursor } from './test-support/cursor';
import { cursorPosition, textPosition } from './yaml-path';

function at(source: string, marker = '|') {
  const fixture = cursor(source, marker);
  const found = cursorPosition(fixture.text, fixture.offset);
  return (
    found && {
      kind: found.kind,
      path: found.path,
      prefix: found.prefix,
      token: fixture.text.slice(found.tokenStart, found.tokenEnd),
      needsSpace: found.needsSpace,
    }
  );
}

const HEAD = `id: demo
namespace: company.team
tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
`;

describe('cursorPosition', () => {
  it('reads an empty line in a task mapping as a new key of that task', () => {
    assert.deepEqual(at(`${HEAD}    |\n  - id: next\n    type: x\n`), {
      kind: 'key',
      path: ['tasks', 0],
      prefix: '',
      token: '',
      needsSpace: false,
    });
  });

  it('reads a partially typed key', () => {
    assert.deepEqual(at(`${HEAD}    ur|\n`), {
      kind: 'key',
      path: ['tasks', 0],
      prefix: 'ur',
      token: 'ur',
      needsSpace: false,
    });
  });

  it('reads a cursor inside an existing key, the token being the whole key', () => {
    assert.deepEqual(at(`${HEAD}    ur|i: https://x\n`), {
      kind: 'key',
      path: ['tasks', 0],
      prefix: 'ur',
      token: 'uri',
      needsSpace: false,
    });
  });

  it('reads an empty value after `type: `', () => {
    assert.deepEqual(at(`id: demo\nnamespace: n\ntasks:\n  - id: a\n    type: |\n`), {
      kind: 'value',
      path: ['tasks', 0, 'type'],
      prefix: '',
      token: '',
      needsSpace: false,
    });
  });

  it('reads a value right after the colon as needing a space', () => {
    assert.deepEqual(at(`id: demo\nnamespace: n\ntasks:\n  - id: a\n    type:|\n`), {
      kind: 'value',
      path: ['tasks', 0, 'type'],
      prefix: '',
      token: '',
      needsSpace: true,
    });
  });

  it('reads a partial value, the token being the whole value', () => {
    assert.deepEqual(at(`id: demo\nnamespace: n\ntasks:\n  - id: a\n    type: io.kestra.plugin|.core\n`), {
      kind: 'value',
      path: ['tasks', 0, 'type'],
      prefix: 'io.kestra.plugin',
      token: 'io.kestra.plugin.core',
      needsSpace: false,
    });
  });

  it('reads a fresh `- ` list item', () => {
    assert.deepEqual(at(`${HEAD}    method: GET\n  - |\n`), {
      kind: 'item',
      path: ['tasks', 1],
      prefix: '',
      token: '',
      needsSpace: false,
    });
  });

  it('reads a key on the line of a dash', () => {
    assert.deepEqual(at(`${HEAD}  - i|\n`), {
      kind: 'item',
      path: ['tasks', 1],
      prefix: 'i',
      token: 'i',
      needsSpace: false,
    });
    assert.deepEqual(at(`${HEAD}  - type: x\n    i|\n`), {
      kind: 'key',
      path: ['tasks', 1],
      prefix: 'i',
      token: 'i',
      needsSpace: false,
    });
  });

  it('follows nested mappings and lists at any depth, including same-column lists', () => {
    const source = `id: demo
namespace: n
tasks:
- id: first
  type: io.kestra.plugin.core.flow.If
  condition: "{{ true }}"
  then:
    - id: inner
      type: io.kestra.plugin.core.http.Request
      options:
        connectTimeout: PT1M
        |
- id: second
`;
    assert.deepEqual(at(source), {
      kind: 'key',
      path: ['tasks', 0, 'then', 0, 'options'],
      prefix: '',
      token: '',
      needsSpace: false,
    });
  });

  it('skips block scalar text and multi-line values', () => {
    const source = `id: demo
namespace: n
inputs:
  - id: payload
    type: JSON
    defaults: ¦
      { "title": "Kestra Pen",
        key: value }
    description: "a long
      text: here"
    d¦
`;
    const fixture = cursor(source.replace('defaults: ¦', 'defaults: |'), '¦');
    const found = cursorPosition(fixture.text, fixture.offset)!;
    assert.deepEqual([found.kind, found.path, found.prefix], ['key', ['inputs', 0], 'd']);
    assert.deepEqual(
      found.outline.root.entries[2].block?.kind === 'seq' &&
        found.outline.root.entries[2].block.items[0].block?.kind === 'map' &&
        found.outline.root.entries[2].block.items[0].block.entries.map((e) => e.key),
      ['id', 'type', 'defaults', 'description', `dKESTRAxCURSORxMARK`],
    );
  });

  it('gives nothing inside a comment or a block scalar', () => {
    assert.equal(at(`${HEAD}    # a comm|ent\n`), undefined);
    assert.equal(at(`${HEAD}    body: ¦\n      some te¦xt\n`.replace('body: ¦', 'body: |'), '¦'), undefined);
  });
});

describe('textPosition', () => {
  it('finds the key and the value under a position', () => {
    const text = `${HEAD}    method: GET\n`;
    const onKey = textPosition(text, text.indexOf('method') + 2)!;
    assert.deepEqual([onKey.kind, onKey.path, onKey.entry?.key], ['key', ['tasks', 0], 'method']);
    const onValue = textPosition(text, text.indexOf('GET') + 3)!;
    assert.deepEqual([onValue.kind, onValue.path], ['value', ['tasks', 0, 'method']]);
  });
});
