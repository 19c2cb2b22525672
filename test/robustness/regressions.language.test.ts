// Faults the robustness runs found in the flow layer and the language features, each pinned down by
// its smallest reproduction (the Pebble ones are in expression-limits.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from '../../server/src/flow/catalog';
import { parseFlowDocument } from '../../server/src/flow/flow-document';
import { LineIndex } from '../../server/src/flow/range';
import { completeAt, documentSymbols } from '../../server/src/language';
import { validateFlow } from '../../server/src/language/validate';
import { hostileDocuments } from './hostile-documents';

const HEAD =
  'id: demo\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n';

function diagnostics(text: string): string[] {
  return validateFlow(text, PluginCatalog.bundled()).diagnostics.map(
    (d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`,
  );
}

describe('robustness regressions', () => {
  it('names the flow symbol `""` for `id: ""` (VS Code rejects an empty symbol name)', () => {
    const [flow] = documentSymbols(
      parseFlowDocument(HEAD.replace('id: demo', 'id: ""') + '    message: m\n'),
    );
    assert.equal(flow.name, '""');
  });

  it("keeps a symbol's selection inside its range when the id is an empty block scalar", () => {
    const text = `${HEAD}    message: m\ntriggers:\n  - id: |\n: x\n`;
    const [flow] = documentSymbols(parseFlowDocument(text));
    const trigger = flow.children?.find((group) => group.name === 'triggers')?.children?.[0];
    assert.deepEqual(
      trigger && { name: trigger.name, range: trigger.range, selection: trigger.selectionRange },
      {
        name: '""',
        range: { start: { line: 7, character: 4 }, end: { line: 7, character: 9 } },
        selection: { start: { line: 7, character: 8 }, end: { line: 7, character: 9 } },
      },
    );
  });

  it('offers no completion edit that misses the cursor in the indentation of a block scalar', () => {
    const doc = parseFlowDocument(`${HEAD}    message: |\n      {{ inputs\n        .name }}\n`);
    const position = { line: 7, character: 2 };
    const items = completeAt(doc, PluginCatalog.bundled(), position).items;
    for (const item of items) {
      const range = item.textEdit && 'range' in item.textEdit ? item.textEdit.range : undefined;
      assert.ok(range, item.label);
      assert.ok(range.start.line === 7 && range.start.character <= 2 && range.end.character >= 2, item.label);
    }
  });

  it('reads a character past the end of a line as the end of that line (LSP), not the next line', () => {
    const lines = new LineIndex('ab\r\ncd\ne');
    assert.equal(lines.offsetAt({ line: 0, character: 9 }), 2);
    assert.equal(lines.offsetAt({ line: 1, character: 9 }), 6);
    assert.equal(lines.offsetAt({ line: 2, character: 9 }), 8);
  });

  it('refuses a YAML alias bomb where its expansion passes the limit, without expanding it', () => {
    const bomb = hostileDocuments().find((doc) => doc.name === 'alias-bomb');
    assert.ok(bomb);
    assert.deepEqual(diagnostics(bomb.text), [
      '8:9 yaml-syntax This YAML cannot be read: its aliases expand to more than 100000 values (an alias bomb?), passing the limit at `*e`. Write the values out instead of aliasing them.',
    ]);
  });

  it('refuses an alias inside its own anchor, and keeps ordinary aliases', () => {
    const variables = (body: string) =>
      `id: demo\nnamespace: company.team\nvariables:\n${body}\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: "{{ vars.b }}"\n`;
    assert.deepEqual(diagnostics(variables('  a: &a [1, *a]\n  b: 2')), [
      '3:12 yaml-syntax This YAML cannot be read: the alias `*a` refers to a node that contains it, so it never ends. Remove the alias or point it at another anchor.',
    ]);
    assert.deepEqual(diagnostics(variables('  a: &a {x: [1, 2]}\n  b: *a\n  c:\n    <<: *a\n    y: 3')), []);
  });

  it('checks the innermost task of 200 nested Sequentials (no false missing-type)', () => {
    const nested = hostileDocuments().find((doc) => doc.name === 'nesting-200');
    assert.ok(nested);
    assert.deepEqual(diagnostics(nested.text), []);
    assert.deepEqual(diagnostics(nested.text.replace('    type: io.kestra.plugin.core.log.Log\n', '\n')), [
      '603:808 missing-type This task has no `type`: add the plugin type, e.g. io.kestra.plugin.core.log.Log.',
    ]);
  });
});
