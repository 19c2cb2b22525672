import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { PluginCatalog } from '../../flow/catalog';
import { parseFlowDocument } from '../../flow/flow-document';
import { HTTP_DELETE, HTTP_GET, HTTP_POST } from '../test-support/http-flows';
import { positionIn, rangeOf } from '../test-support/text-at';
import { hoverAt } from './index';

const catalog = PluginCatalog.bundled();

function hover(text: string, needle: string, nth = 0, shift = 1) {
  const doc = parseFlowDocument(text);
  const result = hoverAt(doc, catalog, positionIn(doc, needle, nth, shift));
  return result && { value: (result.contents as MarkupContent).value, range: result.range, doc };
}

describe('hover on the HTTP guide flows (bundled catalog)', () => {
  it('describes the Request type: title, properties table, outputs, example', () => {
    const found = hover(HTTP_GET, 'io.kestra.plugin.core.http.Request', 0, 5)!;
    assert.deepEqual(found.range, rangeOf(found.doc, 'io.kestra.plugin.core.http.Request'));
    const lines = found.value.split('\n');
    assert.equal(
      lines[0],
      `**${catalog.resolve('io.kestra.plugin.core.http.Request')!.spec.title}** \`io.kestra.plugin.core.http.Request\``,
    );
    assert.ok(lines.includes('| Property | Type | Default | Required | |'));
    assert.ok(
      lines.some((l) => l.startsWith('| `uri` | string |  | yes |')),
      'uri row',
    );
    assert.ok(
      lines.some((l) => l.startsWith('| `method` | enum | `"GET"` |  |')),
      'method row',
    );
    assert.ok(!lines.some((l) => l.startsWith('| `runIf`')), 'common properties are left out');
    assert.ok(
      lines.some((l) => l.startsWith('| `body` | string |')),
      'body output row',
    );
    assert.ok(found.value.includes('```yaml\n'), 'an example');
  });

  it('says when the type is written with a deprecated alias', () => {
    const found = hover(HTTP_GET, 'io.kestra.core.tasks.log.Log', 0, 5)!;
    assert.ok(
      found.value.includes(
        '`io.kestra.core.tasks.log.Log` is a deprecated name of this type: write `io.kestra.plugin.core.log.Log`.',
      ),
    );
  });

  it('describes a property key with its type, default and whether it is rendered', () => {
    const method = hover(HTTP_GET, 'method', 0)!;
    const spec = catalog.resolve('io.kestra.plugin.core.http.Request')!.spec;
    const property = spec.properties.find((p) => p.name === 'method')!;
    assert.equal(
      method.value,
      [
        '**`method`** of `io.kestra.plugin.core.http.Request`',
        'enum · optional · default `"GET"` · not dynamic: used as written',
        property.description,
        `Values: ${property.enum!.map((v) => `\`${v}\``).join(', ')}`,
      ]
        .filter((p) => p !== '')
        .join('\n\n'),
    );
    const uri = hover(HTTP_GET, 'uri', 0)!;
    assert.ok(
      uri.value.startsWith(
        '**`uri`** of `io.kestra.plugin.core.http.Request`\n\nstring · required · dynamic: rendered with Pebble',
      ),
    );
  });

  it('describes a task id with its type, outputs and uses, from its declaration or a use', () => {
    const expected = [
      '**Task `send_data`** · `io.kestra.plugin.core.http.Request` — ' +
        catalog.resolve('io.kestra.plugin.core.http.Request')!.spec.title,
      `Outputs: ${catalog
        .resolve('io.kestra.plugin.core.http.Request')!
        .spec.outputs.map((o) => `\`${o.name}\``)
        .join(', ')}`,
      'Used once:\n- line 14: print_status · message',
      'Declared on line 6.',
    ].join('\n\n');
    const declaration = hover(HTTP_GET, 'send_data', 0)!;
    assert.equal(declaration.value, expected);
    const use = hover(HTTP_GET, 'send_data', 1)!;
    assert.equal(use.value, expected);
    assert.deepEqual(use.range, rangeOf(use.doc, 'send_data', 1));
  });

  it('describes an input with its type, requiredness and default', () => {
    const found = hover(HTTP_POST, 'payload', 1)!;
    assert.equal(
      found.value,
      [
        '**Input `payload`** · `JSON` · required · default `{"title": "Kestra Pen"}`',
        'Used once:\n- line 16: send_data · body',
        'Declared on line 5.',
      ].join('\n\n'),
    );
    const deleted = hover(HTTP_DELETE, 'product_id', 2)!;
    assert.ok(deleted.value.startsWith('**Input `product_id`** · `INT` · required\n\nUsed 2 times:'));
  });

  it('describes a task output in an expression', () => {
    const found = hover(HTTP_GET, 'body', 0)!;
    const output = catalog
      .resolve('io.kestra.plugin.core.http.Request')!
      .spec.outputs.find((o) => o.name === 'body')!;
    assert.equal(
      found.value,
      [
        `**Output \`body\`** · ${output.type}`,
        'Of task `send_data` (`io.kestra.plugin.core.http.Request`).',
        output.description,
      ]
        .filter((p) => p !== '')
        .join('\n\n'),
    );
    assert.deepEqual(found.range, rangeOf(found.doc, 'body', 0));
  });

  it('describes root variables and filters', () => {
    const root = hover(HTTP_GET, 'outputs', 0)!;
    assert.ok(root.value.startsWith('**`outputs`**\n\nOutputs of the task runs of this execution'));
    const filtered = hover(
      HTTP_GET.replace('outputs.send_data.body }}', 'outputs.send_data.body | upper }}'),
      'upper',
      0,
    )!;
    assert.equal(
      filtered.value,
      '```pebble\nvalue | upper → string\n```\n\nPebble filter.\n\nConverts the text to upper case.',
    );
  });

  it('has nothing to say on plain values', () => {
    const doc = parseFlowDocument(HTTP_GET);
    assert.equal(hoverAt(doc, catalog, positionIn(doc, 'https://dummyjson', 0, 3)), null);
  });
});
