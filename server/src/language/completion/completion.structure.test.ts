import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemTag, type CompletionItem } from 'vscode-languageserver-types';
import { cursor } from '../test-support/cursor';
import { fakeCatalog } from '../test-support/fake-catalog';
import { completeAt } from './index';

const catalog = fakeCatalog();

function complete(source: string, marker = '|'): CompletionItem[] {
  const fixture = cursor(source, marker);
  return completeAt(fixture.doc, catalog, fixture.position).items;
}

/** Labels in the order a client shows them (by sortText, then label). */
function labels(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

const HEAD = 'id: demo\nnamespace: company.team\n';

describe('structure completion: keys', () => {
  it('offers the flow keys that are not there yet, required first', () => {
    assert.deepEqual(labels(complete(`${HEAD}|\n`)), [
      'tasks',
      'description',
      'inputs',
      'variables',
      'errors',
      'triggers',
      'concurrency',
      'pluginDefaults',
      'retry',
      'listeners',
    ]);
  });

  it('offers the task type’s own properties and the common ones, never another type’s', () => {
    const items = complete(`${HEAD}tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    |
`);
    assert.deepEqual(labels(items), [
      'uri',
      'method',
      'body',
      'contentType',
      'headers',
      'allowFailed',
      'options',
      'description',
      'retry',
      'timeout',
      'disabled',
      'logLevel',
      'runIf',
      'formData',
    ]);
    const formData = items.find((i) => i.label === 'formData')!;
    assert.deepEqual(formData.tags, [CompletionItemTag.Deprecated]);
  });

  it('inserts `key: ` with a placeholder, an enum choice, or an indented block', () => {
    const items = complete(`${HEAD}tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    ur|
`);
    const byLabel = new Map(items.map((i) => [i.label, i]));
    const range = { start: { line: 5, character: 4 }, end: { line: 5, character: 6 } };
    assert.deepEqual(byLabel.get('uri')!.textEdit, { range, newText: 'uri: ${1}' });
    assert.equal(byLabel.get('uri')!.detail, 'string, required');
    assert.deepEqual(byLabel.get('method')!.textEdit, {
      range,
      newText: 'method: ${1|GET,POST,PUT,DELETE|}',
    });
    assert.deepEqual(byLabel.get('options')!.textEdit, { range, newText: 'options:\n      ${1}' });
    assert.deepEqual(byLabel.get('disabled')!.textEdit, { range, newText: 'disabled: ${1|true,false|}' });
  });

  it('inserts a task skeleton for a task-list property', () => {
    const items = complete(`${HEAD}tasks:
  - id: check
    type: io.kestra.plugin.core.flow.If
    condition: "{{ true }}"
    th|
`);
    const then = items.find((i) => i.label === 'then')!;
    assert.deepEqual(then.textEdit, {
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 6 } },
      newText: 'then:\n      - id: ${1}\n        type: ${2}',
    });
  });

  it('offers id and type first on a fresh list item', () => {
    const items = complete(`${HEAD}tasks:
  - id: a
    type: io.kestra.plugin.core.log.Log
    message: hi
  - |
`);
    assert.deepEqual(labels(items).slice(0, 2), ['id', 'type']);
    assert.deepEqual(items.find((i) => i.label === 'id')!.textEdit, {
      range: { start: { line: 6, character: 4 }, end: { line: 6, character: 4 } },
      newText: 'id: ${1}',
    });
  });

  it('leaves out keys already present, and inserts only the name inside an existing key', () => {
    const items = complete(`${HEAD}tasks:
  - id: a
    type: io.kestra.plugin.core.log.Log
    mess|age: hi
    level: INFO
`);
    assert.ok(!items.some((i) => i.label === 'level' || i.label === 'id'));
    assert.deepEqual(items.find((i) => i.label === 'message')!.textEdit, {
      range: { start: { line: 5, character: 4 }, end: { line: 5, character: 11 } },
      newText: 'message',
    });
  });

  it('offers the keys of nested objects', () => {
    const nested = (body: string) => labels(complete(`${HEAD}${body}`));
    assert.deepEqual(
      nested(`tasks:\n  - id: a\n    type: io.kestra.plugin.core.http.Request\n    options:\n      |\n`),
      ['connectTimeout', 'followRedirects'],
    );
    assert.deepEqual(
      nested(`tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    retry:\n      |\n`),
      ['type', 'maxAttempt', 'interval'],
    );
    assert.deepEqual(nested(`concurrency:\n  |\ntasks: []\n`), ['limit', 'behavior']);
    assert.deepEqual(nested(`pluginDefaults:\n  - |\ntasks: []\n`), ['type', 'values', 'forced']);
    assert.deepEqual(nested(`inputs:\n  - id: n\n    type: INT\n    |\ntasks: []\n`), [
      'description',
      'required',
      'dependsOn',
      'min',
      'max',
      'defaults',
    ]);
    assert.deepEqual(nested(`inputs:\n  - id: n\n    type: INT\n    dependsOn:\n      |\ntasks: []\n`), [
      'inputs',
      'condition',
    ]);
    assert.deepEqual(
      nested(`tasks:\n  - id: d\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - |\n`),
      ['task', 'dependsOn'],
    );
  });

  it('offers the properties of the plugin named in a plugin default', () => {
    assert.deepEqual(
      labels(
        complete(
          `${HEAD}pluginDefaults:\n  - type: io.kestra.plugin.core.log.Log\n    values:\n      |\ntasks: []\n`,
        ),
      ),
      ['message', 'level', 'description', 'retry', 'timeout', 'disabled', 'logLevel', 'runIf'],
    );
  });

  it('offers task keys inside nested task lists (If, Switch cases, Dag nodes)', () => {
    const taskKeys = (body: string) => labels(complete(`${HEAD}${body}`)).slice(0, 3);
    assert.deepEqual(
      taskKeys(
        `tasks:\n  - id: i\n    type: io.kestra.plugin.core.flow.If\n    then:\n      - id: x\n        type: io.kestra.plugin.core.log.Log\n        |\n`,
      ),
      ['message', 'level', 'description'],
    );
    assert.deepEqual(
      taskKeys(
        `tasks:\n  - id: s\n    type: io.kestra.plugin.core.flow.Switch\n    cases:\n      A:\n        - id: x\n          type: io.kestra.plugin.core.log.Log\n          |\n`,
      ),
      ['message', 'level', 'description'],
    );
    assert.deepEqual(
      taskKeys(
        `tasks:\n  - id: d\n    type: io.kestra.plugin.core.flow.Dag\n    tasks:\n      - task:\n          id: x\n          type: io.kestra.plugin.core.log.Log\n          |\n`,
      ),
      ['message', 'level', 'description'],
    );
  });

  it('offers nothing in a comment or inside a block scalar', () => {
    assert.deepEqual(complete(`${HEAD}# some |comment\ntasks: []\n`), []);
    assert.deepEqual(
      complete(
        `${HEAD}tasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: ¦\n      some t¦ext\n`.replace(
          'message: ¦',
          'message: |',
        ),
        '¦',
      ),
      [],
    );
  });
});
