import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isFlowText, parseFlowDocument } from './flow-document';

const FLOW = `id: nested
namespace: company.team
inputs:
  - id: payload
    type: JSON
tasks:
  - id: first
    type: io.kestra.plugin.core.flow.If
    condition: "{{ inputs.payload.ok }}"
    then:
      - id: inside
        type: io.kestra.plugin.core.log.Log
        message: hi
    else:
      - id: other
        type: io.kestra.plugin.core.flow.Switch
        value: a
        cases:
          a:
            - id: case_a
              type: io.kestra.plugin.core.log.Log
              message: a
        defaults:
          - id: fallback
            type: io.kestra.plugin.core.log.Log
            message: d
  - id: dag
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: d1
          type: io.kestra.plugin.core.log.Log
          message: one
      - task:
          id: d2
          type: io.kestra.plugin.core.log.Log
          message: two
        dependsOn: [d1]
errors:
  - id: on_error
    type: io.kestra.plugin.core.log.Log
    message: failed
`;

describe('flow model', () => {
  it('finds tasks at every depth with their slot, parent and text order', () => {
    const doc = parseFlowDocument(FLOW);
    assert.equal(doc.isFlow, true);
    assert.deepEqual(doc.diagnostics, []);
    const rows = doc.model!.allTasks.map((t) => [
      t.id?.value,
      t.slot,
      t.caseKey ?? null,
      t.parent?.id?.value ?? null,
      t.order,
    ]);
    assert.deepEqual(rows, [
      ['first', 'tasks', null, null, 0],
      ['inside', 'then', null, 'first', 1],
      ['other', 'else', null, 'first', 2],
      ['case_a', 'cases', 'a', 'other', 3],
      ['fallback', 'defaults', null, 'other', 4],
      ['dag', 'tasks', null, null, 5],
      ['d1', 'tasks', null, 'dag', 6],
      ['d2', 'tasks', null, 'dag', 7],
      ['on_error', 'errors', null, null, 8],
    ]);
    const d2 = doc.model!.allTasks.find((t) => t.id?.value === 'd2')!;
    assert.deepEqual(
      d2.dependsOn.map((d) => [d.value, d.range]),
      [['d1', { start: { line: 37, character: 20 }, end: { line: 37, character: 22 } }]],
    );
    assert.deepEqual(
      doc.model!.inputs.map((i) => [i.id?.value, i.type?.value]),
      [['payload', 'JSON']],
    );
  });

  it('gives the exact range of the id of a task', () => {
    const doc = parseFlowDocument(FLOW);
    const inside = doc.model!.allTasks[1];
    assert.deepEqual(inside.id!.range, {
      start: { line: 10, character: 12 },
      end: { line: 10, character: 18 },
    });
  });

  it('recognises flows by their top-level keys, even when the YAML is broken', () => {
    assert.equal(isFlowText('id: a\nnamespace: b\ntasks: [\n'), true);
    assert.equal(isFlowText('name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n'), false);
    assert.equal(isFlowText('apiVersion: v1\nkind: Pod\nmetadata:\n  namespace: x\n'), false);
  });
});

describe('structural diagnostics', () => {
  it('flags an unquoted {{ }} value and offers the quoted form', () => {
    const doc = parseFlowDocument(
      'id: a\nnamespace: b\ntasks:\n  - id: t\n    type: x.Log\n    message: {{ inputs.x }}\n',
    );
    assert.deepEqual(doc.diagnostics, [
      {
        range: { start: { line: 5, character: 13 }, end: { line: 5, character: 27 } },
        severity: 'error',
        code: 'unquoted-expression',
        message:
          'YAML reads an unquoted `{{ … }}` as a mapping, not a string: put the value in quotes, e.g. "{{ inputs.x }}".',
        data: { replacement: '"{{ inputs.x }}"' },
      },
    ]);
  });

  it('reports duplicate keys and syntax errors on their line', () => {
    const dup = parseFlowDocument('id: a\nnamespace: b\nid: c\ntasks: []\n');
    assert.deepEqual(
      dup.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['duplicate-key', 2]],
    );
    const broken = parseFlowDocument('id: a\nnamespace: b\ntasks:\n  - id: "x\n');
    assert.equal(broken.diagnostics[0].code, 'yaml-syntax');
    assert.equal(broken.diagnostics[0].range.start.line, 3);
  });

  it('reports a second YAML document', () => {
    const doc = parseFlowDocument('id: a\nnamespace: b\ntasks: []\n---\nid: c\n');
    assert.deepEqual(
      doc.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['multiple-documents', 3]],
    );
  });
});
