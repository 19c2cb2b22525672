import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { PluginCatalog } from '../../flow/catalog';
import { parseFlowDocument, type FlowDocument } from '../../flow/flow-document';
import { HTTP_GET } from '../test-support/http-flows';
import { rangeOf } from '../test-support/text-at';
import { validateFlow } from '../validate';
import { codeActions } from './index';

const catalog = PluginCatalog.bundled();
const URI = 'file:///flow.yaml';

function diagnostic(range: Range, code: string, data?: Record<string, unknown>): Diagnostic {
  return data ? { range, code, message: code, data } : { range, code, message: code };
}

function fixes(doc: FlowDocument, diagnostics: Diagnostic[]): { title: string; edits: TextEdit[] }[] {
  const range = diagnostics[0].range;
  return codeActions(doc, catalog, URI, range, diagnostics).map((a: CodeAction) => ({
    title: a.title,
    edits: a.edit!.changes![URI],
  }));
}

/** Applies the edits of one action to the text. */
function apply(doc: FlowDocument, edits: TextEdit[]): string {
  let text = doc.text;
  for (const edit of [...edits].sort(
    (a, b) => doc.lines.offsetAt(b.range.start) - doc.lines.offsetAt(a.range.start),
  )) {
    text =
      text.slice(0, doc.lines.offsetAt(edit.range.start)) +
      edit.newText +
      text.slice(doc.lines.offsetAt(edit.range.end));
  }
  return text;
}

describe('code actions', () => {
  it('renames an unknown property to the suggestion in data, or to the closest property', () => {
    const doc = parseFlowDocument(HTTP_GET.replace('contentType:', 'contentTyp:'));
    const range = rangeOf(doc, 'contentTyp');
    const expected = [{ title: 'Change to `contentType`', edits: [{ range, newText: 'contentType' }] }];
    assert.deepEqual(
      fixes(doc, [diagnostic(range, 'unknown-property', { suggestion: 'contentType' })]),
      expected,
    );
    assert.deepEqual(fixes(doc, [diagnostic(range, 'unknown-property')]), expected);
  });

  it('offers the closest task types for an unknown type', () => {
    const doc = parseFlowDocument(
      HTTP_GET.replace('io.kestra.plugin.core.http.Request', 'io.kestra.plugin.core.http.Requst'),
    );
    const range = rangeOf(doc, 'io.kestra.plugin.core.http.Requst');
    const found = fixes(doc, [diagnostic(range, 'unknown-task-type')]);
    assert.deepEqual(found[0], {
      title: 'Change to `io.kestra.plugin.core.http.Request`',
      edits: [{ range, newText: 'io.kestra.plugin.core.http.Request' }],
    });
    const shortName = parseFlowDocument(HTTP_GET.replace('io.kestra.core.tasks.log.Log', 'Log'));
    const logRange = { start: { line: 12, character: 10 }, end: { line: 12, character: 13 } };
    assert.deepEqual(fixes(shortName, [diagnostic(logRange, 'unknown-task-type')])[0].edits, [
      { range: logRange, newText: 'io.kestra.plugin.core.log.Log' },
    ]);
  });

  it('replaces a deprecated type by its new name, computed when data has none', () => {
    const doc = parseFlowDocument(HTTP_GET);
    const range = rangeOf(doc, 'io.kestra.core.tasks.log.Log');
    const expected = [
      {
        title: 'Use `io.kestra.plugin.core.log.Log`',
        edits: [{ range, newText: 'io.kestra.plugin.core.log.Log' }],
      },
    ];
    assert.deepEqual(
      fixes(doc, [diagnostic(range, 'deprecated-type', { replacement: 'io.kestra.plugin.core.log.Log' })]),
      expected,
    );
    assert.deepEqual(fixes(doc, [diagnostic(range, 'deprecated-type')]), expected);
  });

  it('quotes an unquoted expression with the replacement the flow layer computed', () => {
    const doc = parseFlowDocument(
      HTTP_GET.replace('message: "{{ outputs.send_data.body }}"', 'message: {{ outputs.send_data.body }}'),
    );
    const unquoted = doc.diagnostics.find((d) => d.code === 'unquoted-expression')!;
    const found = fixes(doc, [diagnostic(unquoted.range, unquoted.code, unquoted.data)]);
    assert.deepEqual(found, [
      {
        title: 'Put the expression in quotes',
        edits: [{ range: unquoted.range, newText: '"{{ outputs.send_data.body }}"' }],
      },
    ]);
    assert.equal(apply(doc, found[0].edits), HTTP_GET);
  });

  it('adds every missing required property of the task, indented, after its last line', () => {
    const doc = parseFlowDocument(`id: f
namespace: company.team
tasks:
  - id: check
    type: io.kestra.plugin.core.flow.If
    description: |
      Checks something
  - id: next
    type: io.kestra.plugin.core.log.Log
    message: hi
`);
    const typeRange = rangeOf(doc, 'io.kestra.plugin.core.flow.If');
    const found = fixes(doc, [
      diagnostic(typeRange, 'missing-property', { property: 'condition' }),
      diagnostic(typeRange, 'missing-property', { property: 'then' }),
    ]);
    assert.equal(found.length, 1);
    assert.equal(found[0].title, 'Add required properties `condition`, `then`');
    assert.equal(
      apply(doc, found[0].edits),
      doc.text.replace(
        '      Checks something\n',
        '      Checks something\n    condition: ""\n    then: []\n',
      ),
    );
  });

  it('adds the missing field of a nested object under its key', () => {
    const doc = parseFlowDocument(
      'id: f\nnamespace: company.team\nconcurrency:\n  behavior: QUEUE\ntasks: []\n',
    );
    const keyRange = rangeOf(doc, 'concurrency');
    const found = fixes(doc, [diagnostic(keyRange, 'missing-required-property')]);
    assert.equal(found[0].title, 'Add required property `limit`');
    assert.equal(
      apply(doc, found[0].edits),
      doc.text.replace('  behavior: QUEUE\n', '  behavior: QUEUE\n  limit: 0\n'),
    );
  });

  it('suggests a declared task id for an unknown reference', () => {
    const doc = parseFlowDocument(HTTP_GET.replace('outputs.send_data.body', 'outputs.send_dta.body'));
    const range = rangeOf(doc, 'send_dta');
    assert.deepEqual(fixes(doc, [diagnostic(range, 'unknown-reference')]), [
      { title: 'Change to `send_data`', edits: [{ range, newText: 'send_data' }] },
    ]);
  });

  it('fixes what validation reports on a broken copy of the GET flow', () => {
    const broken = HTTP_GET.replace('contentType:', 'contentTyp:').replace(
      '    uri: https://dummyjson.com/products\n',
      '',
    );
    const { flow, diagnostics } = validateFlow(broken, catalog);
    const lsp: Diagnostic[] = diagnostics.map((d) => ({
      range: d.range,
      code: d.code,
      message: d.message,
      data: d.data,
    }));
    const all = codeActions(
      flow,
      catalog,
      URI,
      { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } },
      lsp,
    );
    const titles = all.map((a) => a.title);
    assert.ok(titles.includes('Change to `contentType`'), titles.join(', '));
    assert.ok(titles.includes('Add required property `uri`'), titles.join(', '));
    assert.ok(titles.includes('Use `io.kestra.plugin.core.log.Log`'), titles.join(', '));
  });
});
