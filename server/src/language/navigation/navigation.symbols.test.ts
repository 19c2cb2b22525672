import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFlowDocument } from '../../flow/flow-document';
import { positionIn, rangeOf } from '../test-support/text-at';
import { definitionAt, referencesAt, renameAt } from './index';

const URI = 'file:///flow.yaml';

const FLOW = `id: refs
namespace: company.team
inputs:
  - id: user.name
    type: STRING
  - id: greeting
    type: STRING
    dependsOn:
      inputs:
        - user.name
variables:
  base: https://example.com
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: fetch
        type: io.kestra.plugin.core.http.Request
        uri: '{{ vars.base }}/{{ taskrun.value }}'
      - id: show
        type: io.kestra.plugin.core.log.Log
        message: '{{ currentEachOutput(outputs.fetch).body }} {{ inputs.user.name }}'
  - id: dag
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: first
          type: io.kestra.plugin.core.log.Log
          message: "{{ tasks.each.state }}"
      - task:
          id: second
          type: io.kestra.plugin.core.log.Log
          message: >-
            {{ vars.base
            }} and {{ outputs.fetch }}
        dependsOn: [first]
`;

describe('navigation across kinds of names', () => {
  const doc = parseFlowDocument(FLOW);

  it('resolves a Dag dependsOn to the task', () => {
    assert.deepEqual(definitionAt(doc, URI, positionIn(doc, 'first', 1)), [
      { uri: URI, range: rangeOf(doc, 'first', 0) },
    ]);
  });

  it('resolves `tasks.X` and `currentEachOutput(outputs.X)`', () => {
    assert.deepEqual(definitionAt(doc, URI, positionIn(doc, 'each', 0, 1, 'tasks.')), [
      { uri: URI, range: rangeOf(doc, 'each', 0) },
    ]);
    assert.deepEqual(
      referencesAt(doc, URI, positionIn(doc, 'fetch', 0), false).map((l) => l.range),
      [rangeOf(doc, 'fetch', 1), rangeOf(doc, 'fetch', 2)],
    );
  });

  it('matches a dotted input id in inputs.a.b and in dependsOn.inputs', () => {
    assert.deepEqual(
      referencesAt(doc, URI, positionIn(doc, 'user.name', 0), false).map((l) => l.range),
      [rangeOf(doc, 'user.name', 1), rangeOf(doc, 'user.name', 2)],
    );
  });

  it('resolves vars.X to the variable key, in a folded block scalar too', () => {
    const declaration = [{ uri: URI, range: rangeOf(doc, 'base', 0) }];
    assert.deepEqual(definitionAt(doc, URI, positionIn(doc, 'base', 1)), declaration);
    assert.deepEqual(definitionAt(doc, URI, positionIn(doc, 'base', 2)), declaration);
  });

  it('renames a variable everywhere', () => {
    const result = renameAt(doc, URI, positionIn(doc, 'base', 0), 'root_url');
    assert.ok('edit' in result);
    assert.deepEqual(
      result.edit.changes![URI].map((e) => [e.range, e.newText]),
      [0, 1, 2].map((n) => [rangeOf(doc, 'base', n), 'root_url']),
    );
  });

  it('renames a task used in a single-quoted scalar to a dashed name with double-quoted brackets', () => {
    const result = renameAt(doc, URI, positionIn(doc, 'fetch', 0), 'fetch-page');
    assert.ok('edit' in result);
    assert.deepEqual(
      result.edit.changes![URI].map((e) => e.newText),
      ['fetch-page', '["fetch-page"]', "['fetch-page']"],
    );
  });

  it('renames a dotted input id, keeping dots as nesting', () => {
    const result = renameAt(doc, URI, positionIn(doc, 'user.name', 2), 'person.full-name');
    assert.ok('edit' in result);
    assert.deepEqual(
      result.edit.changes![URI].map((e) => [e.range, e.newText]),
      [
        [rangeOf(doc, 'user.name', 0), 'person.full-name'],
        [rangeOf(doc, 'user.name', 1), 'person.full-name'],
        [rangeOf(doc, '.user.name', 0), `.person["full-name"]`],
      ],
    );
  });
});
