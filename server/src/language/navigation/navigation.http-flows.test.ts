import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFlowDocument } from '../../flow/flow-document';
import { HTTP_DELETE, HTTP_GET, HTTP_POST } from '../test-support/http-flows';
import { positionIn, rangeOf } from '../test-support/text-at';
import { definitionAt, prepareRename, referencesAt, renameAt } from './index';

const URI = 'file:///flows/http.yaml';

describe('navigation on the HTTP guide flows', () => {
  it('goes from send_data in an expression to the task’s id', () => {
    const doc = parseFlowDocument(HTTP_GET);
    const use = positionIn(doc, 'send_data', 1, 3);
    assert.deepEqual(definitionAt(doc, URI, use), [{ uri: URI, range: rangeOf(doc, 'send_data', 0) }]);
    assert.deepEqual(rangeOf(doc, 'send_data', 0), {
      start: { line: 5, character: 8 },
      end: { line: 5, character: 17 },
    });
  });

  it('goes from inputs.x to the input, in quoted and block scalars', () => {
    const doc = parseFlowDocument(HTTP_DELETE);
    const declaration = [{ uri: URI, range: rangeOf(doc, 'product_id', 0) }];
    assert.deepEqual(definitionAt(doc, URI, positionIn(doc, 'product_id', 1)), declaration);
    assert.deepEqual(definitionAt(doc, URI, positionIn(doc, 'product_id', 2)), declaration);
  });

  it('finds every use, with and without the declaration', () => {
    const doc = parseFlowDocument(HTTP_DELETE);
    const onDeclaration = positionIn(doc, 'send_data', 0);
    assert.deepEqual(
      referencesAt(doc, URI, onDeclaration, false).map((l) => l.range),
      [rangeOf(doc, 'send_data', 1), rangeOf(doc, 'send_data', 2)],
    );
    assert.equal(referencesAt(doc, URI, onDeclaration, true).length, 3);
  });

  it('renames send_data in its id and every expression', () => {
    const doc = parseFlowDocument(HTTP_POST);
    const result = renameAt(doc, URI, positionIn(doc, 'send_data', 1), 'call_api');
    assert.ok('edit' in result);
    const edits = result.edit.changes![URI];
    assert.deepEqual(edits, [
      { range: rangeOf(doc, 'send_data', 0), newText: 'call_api' },
      { range: rangeOf(doc, 'send_data', 1), newText: 'call_api' },
    ]);
  });

  it('renames in block scalars and bracket access, switching to brackets for a dashed name', () => {
    const doc = parseFlowDocument(HTTP_DELETE);
    const result = renameAt(doc, URI, positionIn(doc, 'send_data', 0), 'call-api');
    assert.ok('edit' in result);
    assert.deepEqual(result.edit.changes![URI], [
      { range: rangeOf(doc, 'send_data', 0), newText: 'call-api' },
      { range: rangeOf(doc, '.send_data', 0), newText: "['call-api']" },
      { range: rangeOf(doc, 'send_data', 2), newText: 'call-api' },
    ]);
  });

  it('prepares a rename only on ids and declared names', () => {
    const doc = parseFlowDocument(HTTP_POST);
    assert.deepEqual(prepareRename(doc, positionIn(doc, 'payload', 1)), {
      range: rangeOf(doc, 'payload', 1),
      placeholder: 'payload',
    });
    assert.deepEqual(prepareRename(doc, positionIn(doc, 'contentType', 0)), {
      message: 'Only a task id, an input id or a variable name can be renamed.',
    });
  });

  it('refuses invalid names and names already taken', () => {
    const doc = parseFlowDocument(HTTP_POST);
    const at = positionIn(doc, 'send_data', 0);
    assert.deepEqual(renameAt(doc, URI, at, 'call.api'), {
      message:
        '`call.api` is not a valid task id: it must start with a letter or digit and hold only letters, digits, `_` and `-`.',
    });
    assert.deepEqual(renameAt(doc, URI, at, 'print_status'), {
      message: 'The flow already has a task id `print_status` (line 18): choose another name.',
    });
  });
});
