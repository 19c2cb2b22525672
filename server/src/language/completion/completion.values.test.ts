import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemTag, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { cursor } from '../test-support/cursor';
import { fakeCatalog } from '../test-support/fake-catalog';
import { completeAt } from './index';

const catalog = fakeCatalog();

function complete(source: string): CompletionItem[] {
  const fixture = cursor(source);
  return completeAt(fixture.doc, catalog, fixture.position).items;
}

function labels(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

const HEAD = 'id: demo\nnamespace: company.team\n';

describe('structure completion: values', () => {
  it('offers every task type after `type: `, aliases and deprecated types last and tagged', () => {
    const items = complete(`${HEAD}tasks:\n  - id: a\n    type: |\n`);
    assert.deepEqual(labels(items), [
      'io.kestra.plugin.core.flow.Dag',
      'io.kestra.plugin.core.flow.If',
      'io.kestra.plugin.core.flow.Switch',
      'io.kestra.plugin.core.http.Request',
      'io.kestra.plugin.core.log.Log',
      'io.kestra.core.tasks.log.Log',
      'io.kestra.plugin.core.debug.Echo',
      'io.kestra.plugin.fs.http.Request',
    ]);
    const request = items.find((i) => i.label === 'io.kestra.plugin.core.http.Request')!;
    assert.equal(request.detail, 'Send an HTTP request');
    assert.deepEqual(request.documentation, { kind: 'markdown', value: 'Calls an HTTP endpoint.' });
    assert.deepEqual(request.textEdit, {
      range: { start: { line: 4, character: 10 }, end: { line: 4, character: 10 } },
      newText: 'io.kestra.plugin.core.http.Request',
    });
    const alias = items.find((i) => i.label === 'io.kestra.core.tasks.log.Log')!;
    assert.deepEqual(alias.tags, [CompletionItemTag.Deprecated]);
    assert.equal(alias.detail, 'Log a message (deprecated alias)');
  });

  it('replaces the whole typed value, adds the missing space after `type:`', () => {
    const partial = complete(`${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.lo|g\n`);
    assert.deepEqual((partial[0].textEdit as TextEdit).range, {
      start: { line: 4, character: 10 },
      end: { line: 4, character: 35 },
    });
    const glued = complete(`${HEAD}tasks:\n  - id: a\n    type:|\n`);
    assert.deepEqual(glued.find((i) => i.label === 'io.kestra.plugin.core.log.Log')!.textEdit, {
      range: { start: { line: 4, character: 9 }, end: { line: 4, character: 9 } },
      newText: ' io.kestra.plugin.core.log.Log',
    });
  });

  it('replaces inside quotes', () => {
    const items = complete(`${HEAD}tasks:\n  - id: a\n    type: "io.kes|"\n`);
    assert.deepEqual((items[0].textEdit as TextEdit).range, {
      start: { line: 4, character: 11 },
      end: { line: 4, character: 17 },
    });
  });

  it('offers trigger types under triggers and condition types under conditions', () => {
    assert.deepEqual(labels(complete(`${HEAD}tasks: []\ntriggers:\n  - id: t\n    type: |\n`)), [
      'io.kestra.plugin.core.trigger.Schedule',
    ]);
    assert.deepEqual(
      labels(
        complete(
          `${HEAD}tasks: []\ntriggers:\n  - id: t\n    type: io.kestra.plugin.core.trigger.Schedule\n    conditions:\n      - type: |\n`,
        ),
      ),
      ['io.kestra.plugin.core.condition.ExecutionStatus'],
    );
  });

  it('offers enum values, input types and booleans', () => {
    assert.deepEqual(
      labels(
        complete(`${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.http.Request\n    method: |\n`),
      ),
      ['GET', 'POST', 'PUT', 'DELETE'],
    );
    assert.deepEqual(
      labels(complete(`${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    level: W|\n`)),
      ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'],
    );
    const inputTypes = complete(`${HEAD}inputs:\n  - id: a\n    type: |\ntasks: []\n`);
    assert.deepEqual(labels(inputTypes), ['STRING', 'INT', 'JSON', 'ENUM']);
    assert.deepEqual(inputTypes.find((i) => i.label === 'ENUM')!.tags, [CompletionItemTag.Deprecated]);
    assert.deepEqual(
      labels(
        complete(
          `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    retry:\n      type: |\n`,
        ),
      ),
      ['constant', 'exponential', 'random'],
    );
    assert.deepEqual(labels(complete(`${HEAD}concurrency:\n  behavior: |\ntasks: []\n`)), [
      'QUEUE',
      'CANCEL',
      'FAIL',
    ]);
    assert.deepEqual(
      labels(
        complete(
          `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.http.Request\n    allowFailed: |\n`,
        ),
      ),
      ['false', 'true'],
    );
  });

  it('offers the other Dag nodes’ ids in dependsOn, block or flow style', () => {
    const dag = `${HEAD}tasks:
  - id: d
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: first
          type: io.kestra.plugin.core.log.Log
      - task:
          id: second
          type: io.kestra.plugin.core.log.Log
      - task:
          id: third
          type: io.kestra.plugin.core.log.Log
        dependsOn:
`;
    assert.deepEqual(labels(complete(`${dag}          - |\n`)), ['first', 'second']);
    const flow = complete(dag.replace(/dependsOn:\n$/, 'dependsOn: [first, |]\n'));
    assert.deepEqual(labels(flow), ['second']);
    assert.deepEqual(flow[0].textEdit, {
      range: { start: { line: 15, character: 27 }, end: { line: 15, character: 27 } },
      newText: 'second',
    });
    const glued = complete(dag.replace(/dependsOn:\n$/, 'dependsOn: [first,|]\n'));
    assert.deepEqual(glued[0].textEdit, {
      range: { start: { line: 15, character: 26 }, end: { line: 15, character: 26 } },
      newText: ' second',
    });
    assert.deepEqual(labels(complete(`${dag}          - second\n          - |\n`)), ['first']);
  });

  it('offers the other inputs’ ids in dependsOn.inputs', () => {
    const items = complete(`${HEAD}inputs:
  - id: first
    type: STRING
  - id: second
    type: STRING
    dependsOn:
      inputs:
        - |
tasks: []
`);
    assert.deepEqual(labels(items), ['first']);
  });

  it('leaves expressions to the expression provider', () => {
    assert.deepEqual(
      complete(
        `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ outputs.| }}"\n`,
      ),
      [],
    );
    assert.deepEqual(
      complete(
        `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ outputs.|\n`,
      ),
      [],
    );
  });
});
