import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { PluginCatalog } from '../../flow/catalog';
import { cursor } from '../test-support/cursor';
import { HTTP_GET, HTTP_POST } from '../test-support/http-flows';
import { completeAt } from './index';

const catalog = PluginCatalog.bundled();

function complete(source: string, marker = '|'): CompletionItem[] {
  const fixture = cursor(source, marker);
  return completeAt(fixture.doc, catalog, fixture.position).items;
}

function labels(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

/** The GET guide flow with the cursor put in place of `replace`. */
function getFlow(replace: string, by: string): string {
  assert.ok(HTTP_GET.includes(replace));
  return HTTP_GET.replace(replace, by);
}

describe('completion on the HTTP guide flows (bundled catalog)', () => {
  it('offers io.kestra.plugin.core.http.Request after `type: `', () => {
    const items = complete(getFlow('type: io.kestra.plugin.core.http.Request', 'type: |'));
    const request = items.find((i) => i.label === 'io.kestra.plugin.core.http.Request');
    assert.ok(request, 'Request is offered');
    assert.equal(request.tags, undefined);
    const alias = items.find((i) => i.label === 'io.kestra.plugin.fs.http.Request');
    assert.deepEqual(alias?.tags, [1]);
    assert.ok(!items.some((i) => i.label === 'io.kestra.plugin.core.trigger.Schedule'));
  });

  it('offers the Request properties for a new key, never Log’s `message`', () => {
    const items = complete(
      getFlow('    contentType: application/json\n', '    contentType: application/json\n    |\n'),
    );
    const names = labels(items);
    for (const name of ['body', 'headers', 'options', 'formData']) assert.ok(names.includes(name), name);
    for (const present of ['uri', 'method', 'contentType', 'id', 'type'])
      assert.ok(!names.includes(present), present);
    assert.ok(!names.includes('message'));
    assert.deepEqual(names.slice(0, 3), ['body', 'formData', 'headers']);
  });

  it('offers uri, method, body, contentType and headers when none is written yet', () => {
    const flow = getFlow(
      '    uri: https://dummyjson.com/products\n    method: GET\n    contentType: application/json\n',
      '    |\n',
    );
    const names = labels(complete(flow));
    assert.deepEqual(names.slice(0, 5), ['uri', 'method', 'body', 'formData', 'contentType']);
    assert.ok(names.includes('headers'));
    assert.ok(!names.includes('message'));
  });

  it('offers Log’s message and level in the Log task (aliased type)', () => {
    const flow = getFlow('    message: "{{ outputs.send_data.body }}"\n', '    |\n');
    assert.deepEqual(labels(complete(flow)).slice(0, 2), ['message', 'level']);
  });

  it('offers the input types and the retry policy fields of the chosen type', () => {
    const inputTypes = labels(complete(HTTP_POST.replace('type: JSON', 'type: ¦'), '¦'));
    assert.deepEqual(inputTypes.slice(0, 4), ['STRING', 'SELECT', 'INT', 'FLOAT']);
    assert.equal(inputTypes[inputTypes.length - 1], 'ENUM');
    const retry = getFlow(
      '    contentType: application/json\n',
      '    retry:\n      type: exponential\n      |\n',
    );
    assert.deepEqual(labels(complete(retry)).slice(0, 2), ['interval', 'maxInterval']);
    const retryType = getFlow('    contentType: application/json\n', '    retry:\n      type: |\n');
    assert.deepEqual(labels(complete(retryType)), ['constant', 'exponential', 'random']);
  });

  it('offers nested keys of Request options and WaitFor checkFrequency', () => {
    const options = labels(
      complete(getFlow('    contentType: application/json\n', '    options:\n      |\n')),
    );
    assert.deepEqual(options.slice(0, 3), ['connectTimeout', 'readTimeout', 'readIdleTimeout']);
    const wait = `id: w\nnamespace: n\ntasks:\n  - id: w\n    type: io.kestra.plugin.core.flow.WaitFor\n    checkFrequency:\n      |\n`;
    assert.deepEqual(labels(complete(wait)), ['maxIterations', 'maxDuration', 'interval']);
  });
});
