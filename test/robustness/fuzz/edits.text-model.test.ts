// The fuzzer's own text model and edits, checked against the protocol's reference implementation
// (vscode-languageserver-textdocument, what the server uses): if they disagreed, the fuzzer would
// report mismatches that are its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { randomEdit } from './edits';
import { Prng, seedFromEnv } from './prng';
import { TextBuffer } from './text-buffer';

const FLOW = readFileSync(resolve(__dirname, '../../fixtures/seed/post.yaml'), 'utf8');

/** True when `text` holds a UTF-16 surrogate without its partner (JSON-RPC cannot carry it). */
function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

describe('fuzz edits and text model', () => {
  it('applies 3,000 random edits exactly as the reference TextDocument does', () => {
    const rng = new Prng(7);
    let reference = TextDocument.create('file:///a.yaml', 'yaml', 1, FLOW);
    const ours = new TextBuffer(FLOW);
    const kinds = new Set<string>();
    for (let version = 2; version < 3002; version++) {
      const edit = randomEdit(ours.text, rng);
      kinds.add(edit.kind);
      for (const change of edit.changes) ours.apply(change);
      reference = TextDocument.update(reference, edit.changes, version);
      assert.equal(ours.text, reference.getText(), `edit ${version - 1} (${edit.kind})`);
      assert.equal(ours.lineCount, reference.lineCount);
      assert.ok(!hasLoneSurrogate(ours.text), `edit ${version - 1} (${edit.kind}) split a surrogate pair`);
      const cursor = edit.cursor;
      assert.ok(cursor.line < ours.lineCount && cursor.character <= ours.lineText(cursor.line).length);
    }
    assert.equal(kinds.size, 14, [...kinds].join(', '));
  });

  it('maps positions and offsets as the reference does, past line ends and across \\r\\n', () => {
    const text = 'a: 1\r\nb: "{{ x }}"\rc:\n\n😀: d';
    const ours = new TextBuffer(text);
    const reference = TextDocument.create('file:///b.yaml', 'yaml', 1, text);
    for (let offset = 0; offset <= text.length; offset++) {
      assert.deepEqual(ours.positionAt(offset), reference.positionAt(offset), `offset ${offset}`);
    }
    for (const position of [
      { line: 0, character: 99 },
      { line: 1, character: 3 },
      { line: 4, character: 1 },
      { line: 9, character: 0 },
    ]) {
      assert.equal(ours.offsetAt(position), reference.offsetAt(position), JSON.stringify(position));
    }
    assert.equal(ours.safeCharacter(4, 1), 0, 'never between the halves of 😀');
  });

  it('replays the same edits from the same seed', () => {
    const run = (seed: number) => {
      const rng = new Prng(seed);
      const buffer = new TextBuffer(FLOW);
      return Array.from({ length: 50 }, () => {
        const edit = randomEdit(buffer.text, rng);
        for (const change of edit.changes) buffer.apply(change);
        return buffer.text;
      });
    };
    assert.deepEqual(run(42), run(42));
    assert.notDeepEqual(run(42), run(43));
  });

  it('reads FUZZ_SEED: a number, `random`, or the fallback; anything else is an error', () => {
    assert.equal(seedFromEnv(5, {}), 5);
    assert.equal(seedFromEnv(5, { FUZZ_SEED: '123' }), 123);
    assert.ok(Number.isInteger(seedFromEnv(5, { FUZZ_SEED: 'random' })));
    assert.throws(() => seedFromEnv(5, { FUZZ_SEED: '12x' }), /FUZZ_SEED must be an integer/);
  });
});
