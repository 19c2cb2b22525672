import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { PluginCatalog } from '../../flow/catalog';
import { parseFlowDocument } from '../../flow/flow-document';
import { expressionDiagnostics } from '../expressions/diagnostics';
import { cursor } from '../test-support/cursor';
import { HTTP_DELETE, HTTP_GET, HTTP_POST } from '../test-support/http-flows';
import { rangeOf } from '../test-support/text-at';
import { completeAt } from './index';

const catalog = PluginCatalog.bundled();

function complete(source: string): { items: CompletionItem[]; line: number; character: number } {
  const fixture = cursor(source, '¦');
  return { items: completeAt(fixture.doc, catalog, fixture.position).items, ...fixture.position };
}

function labels(items: CompletionItem[]): string[] {
  return [...items]
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

function replaced(flow: string, from: string, to: string): string {
  assert.ok(flow.includes(from), from);
  return flow.replace(from, to);
}

const PRINT = '{{ outputs.send_data.body }}';

/** The GET guide flow with one more task after print_status. */
const GET_WITH_LATER = `${HTTP_GET}
  - id: after_print
    type: io.kestra.plugin.core.log.Log
    message: done
`;

describe('expression completion on the HTTP guide flows (bundled catalog)', () => {
  it('`{{ outputs.` in print_status offers send_data only: never itself or a later task', () => {
    const { items, line, character } = complete(replaced(GET_WITH_LATER, PRINT, '{{ outputs.¦'));
    assert.deepEqual(labels(items), ['send_data']);
    assert.deepEqual(items[0].textEdit, {
      range: { start: { line, character }, end: { line, character } },
      newText: 'send_data',
    });
    assert.deepEqual(
      labels(complete(replaced(HTTP_GET, 'https://dummyjson.com/products', '{{ outputs.¦ }}')).items),
      [],
    );
  });

  it('`{{ outputs.send_data.` offers the Request outputs', () => {
    const { items } = complete(replaced(HTTP_GET, PRINT, '{{ outputs.send_data.¦ }}'));
    assert.deepEqual(labels(items), ['uri', 'code', 'headers', 'body', 'encryptedBody', 'formData']);
    const body = items.find((i) => i.label === 'body');
    assert.equal(body?.detail, 'string');
  });

  it('`{{ inputs.` offers payload with its type', () => {
    const { items } = complete(replaced(HTTP_POST, '{{ inputs.payload }}', '{{ inputs.¦ }}'));
    assert.deepEqual(labels(items), ['payload']);
    assert.equal(items[0].detail, 'JSON');
  });

  it('inside the block scalar of the DELETE flow, on its third line', () => {
    const flow = replaced(
      HTTP_DELETE,
      "      {{ outputs['send_data'].body }}\n",
      "      {{ outputs['send_data'].body }}\n      Code again: {{ outputs.send_data.co¦ }}\n",
    );
    const { items, line, character } = complete(flow);
    assert.equal(line, 19);
    assert.deepEqual((items.find((i) => i.label === 'code')?.textEdit as TextEdit).range, {
      start: { line, character: character - 2 },
      end: { line, character },
    });
  });

  it('after `|` offers the filters at the cursor', () => {
    const { items, line, character } = complete(
      replaced(HTTP_GET, PRINT, '{{ outputs.send_data.body | ¦ }}'),
    );
    const names = labels(items);
    for (const name of ['upper', 'lower', 'trim', 'date', 'default', 'jq', 'toJson'])
      assert.ok(names.includes(name), name);
    assert.ok(!names.includes('outputs'));
    assert.deepEqual((items.find((i) => i.label === 'upper')?.textEdit as TextEdit).range, {
      start: { line, character },
      end: { line, character },
    });
  });
});

describe('expression diagnostics on the HTTP guide flows', () => {
  it('the three guide flows are clean', () => {
    for (const flow of [HTTP_GET, HTTP_POST, HTTP_DELETE]) {
      assert.deepEqual(expressionDiagnostics(parseFlowDocument(flow), catalog), []);
    }
  });

  it('a typo in the output name is reported on the name', () => {
    const doc = parseFlowDocument(replaced(HTTP_GET, PRINT, '{{ outputs.send_data.bod }}'));
    assert.deepEqual(expressionDiagnostics(doc, catalog), [
      {
        range: rangeOf(doc, 'bod', 0, 'print_status'),
        severity: 'error',
        code: 'unknown-output',
        message:
          'Task `send_data` (Request) has no output `bod`: use one of `uri`, `code`, `headers`, `body`, `encryptedBody`, `formData`.',
        data: { suggestion: 'body' },
      },
    ]);
  });
});
