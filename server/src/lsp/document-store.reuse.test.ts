import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from '../flow/catalog';
import { parseFlowDocument } from '../flow/flow-document';
import { validateFlow } from '../language/validate';
import { FlowDocumentStore } from './document-store';

const URI = 'file:///flows/reuse.yaml';
const FLOW = `id: reuse
namespace: company.team
tasks:
  - id: one
    type: io.kestra.plugin.core.log.Log
    message: hi
  - id: two
    type: io.kestra.plugin.core.log.Log
    message: there
`;

describe('document store: one parse per version', () => {
  it('validates the parse a feature already made for this text, without parsing again', () => {
    const store = new FlowDocumentStore();
    const parsed = parseFlowDocument(FLOW);
    const entry = store.update(URI, 1, FLOW, PluginCatalog.bundled(), parsed);
    assert.equal(entry.validation.flow, parsed);
  });

  it('ignores a parse of another text', () => {
    const store = new FlowDocumentStore();
    const stale = parseFlowDocument(FLOW);
    const text = FLOW.replace('message: hi', 'message: hello');
    const entry = store.update(URI, 2, text, PluginCatalog.bundled(), stale);
    assert.notEqual(entry.validation.flow, stale);
    assert.equal(entry.validation.flow.text, text);
  });

  it('gives the same diagnostics after an edit as validating the new text from scratch', () => {
    const store = new FlowDocumentStore();
    const catalog = PluginCatalog.bundled();
    store.update(URI, 1, FLOW, catalog);
    const edited = FLOW.replace('    message: there\n', '    message: there\n    levle: WARN\n');
    const entry = store.update(URI, 2, edited, catalog);
    assert.deepEqual(entry.validation.diagnostics, validateFlow(edited, catalog).diagnostics);
    assert.deepEqual(
      entry.validation.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['unknown-property', 9]],
    );
  });
});
