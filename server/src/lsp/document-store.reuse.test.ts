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
    assert.equal(entry.flow, parsed);
  });

  it('ignores a parse of another text', () => {
    const store = new FlowDocumentStore();
    const stale = parseFlowDocument(FLOW);
    const text = FLOW.replace('message: hi', 'message: hello');
    const entry = store.update(URI, 2, text, PluginCatalog.bundled(), stale);
    assert.notEqual(entry.flow, stale);
    assert.equal(entry.flow?.text, text);
  });

  it('gives the same diagnostics after an edit as validating the new text from scratch', () => {
    const store = new FlowDocumentStore();
    const catalog = PluginCatalog.bundled();
    store.update(URI, 1, FLOW, catalog);
    const edited = FLOW.replace('    message: there\n', '    message: there\n    levle: WARN\n');
    const entry = store.update(URI, 2, edited, catalog);
    assert.deepEqual(entry.diagnostics, validateFlow(edited, catalog).diagnostics);
    assert.deepEqual(
      entry.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['unknown-property', 9]],
    );
  });

  it('keeps the parse of the most recently used documents only, and takes one back when parsed again', () => {
    const store = new FlowDocumentStore(2);
    const catalog = PluginCatalog.bundled();
    for (const name of ['a', 'b', 'c']) store.update(`file:///flows/${name}.yaml`, 1, FLOW, catalog);
    assert.equal(store.get('file:///flows/a.yaml')?.flow, undefined);
    assert.equal(store.bestFlow('file:///flows/a.yaml'), undefined);
    assert.ok(store.flowAt('file:///flows/b.yaml', 1));
    assert.ok(store.flowAt('file:///flows/c.yaml', 1));
    // Its diagnostics stay; a parse of the same version comes back (and releases the oldest, b).
    assert.deepEqual(store.get('file:///flows/a.yaml')?.diagnostics, []);
    const again = parseFlowDocument(FLOW);
    store.restore('file:///flows/a.yaml', 1, again);
    assert.equal(store.bestFlow('file:///flows/a.yaml'), again);
    assert.equal(store.get('file:///flows/b.yaml')?.flow, undefined);
  });

  it('keeps the last good model of a broken document even when it is not recent', () => {
    const store = new FlowDocumentStore(1);
    const catalog = PluginCatalog.bundled();
    store.update('file:///flows/a.yaml', 1, FLOW, catalog);
    // An opening bracket on the first line: no mapping, no model.
    const broken = store.update('file:///flows/a.yaml', 2, `[\n${FLOW}`, catalog);
    assert.equal(broken.flow?.model, undefined);
    store.update('file:///flows/b.yaml', 1, FLOW, catalog);
    assert.equal(store.bestFlow('file:///flows/a.yaml')?.text, FLOW);
  });
});
