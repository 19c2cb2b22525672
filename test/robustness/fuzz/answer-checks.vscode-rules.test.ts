// The shape checks the fuzzer applies to answers: what VS Code would reject must be caught.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind } from 'vscode-languageserver/node';
import { completionProblems, prepareRenameProblems, rangeProblems, symbolProblems } from './answer-checks';
import { TextBuffer } from './text-buffer';

const text = new TextBuffer('id: a\nnamespace: b\ntasks: []\n');
const range = (sl: number, sc: number, el: number, ec: number) => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

describe('answer checks', () => {
  it('accepts a completion edit on the cursor line around the cursor', () => {
    const items = [{ label: 'x', textEdit: { range: range(1, 3, 1, 6), newText: 'x' } }];
    assert.deepEqual(completionProblems({ isIncomplete: false, items }, { line: 1, character: 4 }, text), []);
  });

  it('flags completion edits off the cursor line, off the cursor, or without a label', () => {
    const at = { line: 1, character: 0 };
    const items = [
      { label: 'below', textEdit: { range: range(2, 0, 2, 2), newText: 'x' } },
      { label: 'after', textEdit: { range: range(1, 4, 1, 8), newText: 'x' } },
      { label: '', insertText: 'x' },
    ];
    assert.deepEqual(completionProblems(items, at, text), [
      "completion 'below': range 2:0-2:2 is not one line holding the cursor",
      "completion 'after': range 1:4-1:8 is not one line holding the cursor",
      'completion: an item without a label',
    ]);
  });

  it('flags ranges outside the document or reversed', () => {
    assert.deepEqual(rangeProblems(range(0, 0, 0, 6), 'r', text), [
      'r: range 0:0-0:6 is outside the document',
    ]);
    assert.deepEqual(rangeProblems(range(1, 2, 1, 1), 'r'), ['r: range 1:2-1:1 ends before it starts']);
  });

  it('flags symbols with an empty name or a selection outside their range', () => {
    const symbols = [
      { name: '', kind: SymbolKind.Module, range: range(0, 0, 2, 0), selectionRange: range(0, 0, 0, 2) },
      { name: 't', kind: SymbolKind.Function, range: range(1, 0, 1, 5), selectionRange: range(2, 0, 2, 1) },
    ];
    assert.deepEqual(symbolProblems(symbols), [
      'symbol: empty name',
      "symbol 't': selection 2:0-2:1 outside 1:0-1:5",
    ]);
  });

  it('flags a rename range that does not hold the cursor', () => {
    assert.deepEqual(prepareRenameProblems(range(0, 4, 0, 5), { line: 1, character: 0 }, text), [
      'prepareRename: range 0:4-0:5 does not hold the cursor',
    ]);
  });
});
