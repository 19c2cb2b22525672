// Random edits as a user makes them while typing in a flow: keystrokes, deletions that cut tokens and
// expressions in half, pasted fragments and odd characters, duplicated and moved lines, indentation.
// Each edit is one `didChange` notification of one or more incremental changes.
import type { Position } from 'vscode-languageserver/node';
import type { Prng } from './prng';
import { type Change, orderedRange, TextBuffer } from './text-buffer';

export interface Edit {
  kind: string;
  /** Applied in order, each to the text the previous one left (as the protocol says). */
  changes: Change[];
  /** Where the user's cursor is afterwards: requests are often made there. */
  cursor: Position;
}

/** Fragments users paste or type into flows: Pebble openers and closers, YAML structure. */
export const FRAGMENTS = [
  '{{ outputs.',
  '{% for x in',
  '}}',
  '{{',
  '| jq(',
  '{{ inputs.',
  '{{ vars.',
  '{{ taskrun.value }}',
  '{% endfor %}',
  '{% if %}',
  '{% set a = ',
  '{{ outputs.t.body | jq(".a") | first }}',
  '{{ render(vars.x) }}',
  "{{ 'a' ~ ",
  '{# ',
  ' #}',
  '((((',
  ']]]',
  '- id: t\n  type: io.kestra.plugin.core.log.Log\n  message: hi\n',
  'type: ',
  'type: io.kestra.plugin.core.',
  'tasks:\n',
  '  - ',
  ': ',
  ': |\n',
  '&a ',
  '*a',
  '<<: *a',
  '!!binary ',
  '"',
  "'",
  '[',
  '{',
  '#',
  '---\n',
  '...\n',
  '%YAML 1.2\n',
  '? ',
];

/** Characters that break naive text handling. Lone surrogates are left out: JSON-RPC cannot carry them. */
export const ODD_CHARACTERS = [
  '\t',
  '\r',
  '\r\n',
  '\n',
  '\u0000',
  '\ufeff',
  '\u00a0',
  '\u200b',
  '\u2028',
  '\u202e',
  '\u0301',
  '😀',
  '👨‍👩‍👧',
  '𝔘',
  '漢字',
  '\u001b[31m',
  '\\',
  '\ufffd',
];

const KEYSTROKES = 'abcdefghijklmnopqrstuvwxyz_.-:|{}%#[]()"\' 0123456789\n';

/** Records changes while applying them to a scratch copy of the text. */
class EditBuilder {
  readonly changes: Change[] = [];
  readonly buffer: TextBuffer;

  constructor(text: string) {
    this.buffer = new TextBuffer(text);
  }

  /** The whole text at once (a change without a range, which clients may send too). */
  replaceAll(text: string): void {
    this.changes.push({ text });
    this.buffer.set(text);
  }

  change(start: Position, end: Position, text: string): Position {
    const range = orderedRange(start, end);
    this.changes.push({ range, text });
    const startOffset = this.buffer.offsetAt(range.start);
    this.buffer.apply({ range, text });
    return this.buffer.positionAt(startOffset + text.length);
  }
}

type Generator = (b: EditBuilder, rng: Prng) => Position;

function typeCharacters(b: EditBuilder, rng: Prng): Position {
  const at = b.buffer.randomPosition(rng);
  let text = '';
  for (let i = rng.int(1, 6); i > 0; i--) text += KEYSTROKES[rng.int(0, KEYSTROKES.length - 1)];
  return b.change(at, at, text);
}

function deleteCharacters(b: EditBuilder, rng: Prng): Position {
  const start = b.buffer.randomPosition(rng);
  const offset = b.buffer.offsetAt(start);
  const end = b.buffer.positionAt(offset + rng.int(1, 8));
  return b.change(start, { line: end.line, character: b.buffer.safeCharacter(end.line, end.character) }, '');
}

/** Deletes from inside a word or an expression to somewhere after it: half a token is left. */
function cutToken(b: EditBuilder, rng: Prng): Position {
  const text = b.buffer.text;
  const marks = [...text.matchAll(/\{\{|\{%|\}\}|%\}|[A-Za-z_]{3,}/g)];
  if (marks.length === 0) return deleteCharacters(b, rng);
  const mark = rng.pick(marks);
  const startOffset = (mark.index ?? 0) + rng.int(1, Math.max(1, mark[0].length - 1));
  const start = b.buffer.positionAt(startOffset);
  const end = b.buffer.positionAt(startOffset + rng.int(1, 30));
  return b.change(
    { line: start.line, character: b.buffer.safeCharacter(start.line, start.character) },
    { line: end.line, character: b.buffer.safeCharacter(end.line, end.character) },
    '',
  );
}

function deleteSpan(b: EditBuilder, rng: Prng): Position {
  const start = b.buffer.randomPosition(rng);
  const end = b.buffer.nearPosition(rng, { line: start.line + rng.int(0, 3), character: start.character });
  return b.change(start, end, '');
}

function pasteFragment(b: EditBuilder, rng: Prng): Position {
  const at = b.buffer.randomPosition(rng);
  return b.change(at, at, rng.pick(FRAGMENTS));
}

function pasteOddCharacters(b: EditBuilder, rng: Prng): Position {
  const at = b.buffer.randomPosition(rng);
  let text = '';
  for (let i = rng.int(1, 3); i > 0; i--) text += rng.pick(ODD_CHARACTERS);
  return b.change(at, at, text);
}

/** Replaces a selection with a fragment, as pasting over selected text does. */
function replaceSelection(b: EditBuilder, rng: Prng): Position {
  const start = b.buffer.randomPosition(rng);
  const end = b.buffer.nearPosition(rng, start);
  return b.change(start, end, rng.pick(FRAGMENTS));
}

function lineWithBreak(b: EditBuilder, line: number): string {
  return b.buffer.lineText(line) + '\n';
}

function duplicateLine(b: EditBuilder, rng: Prng): Position {
  const line = rng.int(0, b.buffer.lineCount - 1);
  const at = { line, character: 0 };
  return b.change(at, at, lineWithBreak(b, line));
}

/** Cuts a line (or a few) and pastes it elsewhere: two changes in one notification. */
function moveLines(b: EditBuilder, rng: Prng): Position {
  const count = b.buffer.lineCount;
  if (count < 3) return duplicateLine(b, rng);
  const first = rng.int(0, count - 2);
  const last = Math.min(count - 2, first + rng.int(0, 2));
  let moved = '';
  for (let line = first; line <= last; line++) moved += lineWithBreak(b, line);
  b.change({ line: first, character: 0 }, { line: last + 1, character: 0 }, '');
  const target = rng.int(0, b.buffer.lineCount - 1);
  return b.change({ line: target, character: 0 }, { line: target, character: 0 }, moved);
}

function indentLines(b: EditBuilder, rng: Prng): Position {
  const first = rng.int(0, b.buffer.lineCount - 1);
  const last = Math.min(b.buffer.lineCount - 1, first + rng.int(0, 4));
  const indent = rng.pick(['  ', '    ', ' ', '\t']);
  let cursor: Position = { line: first, character: 0 };
  for (let line = first; line <= last; line++)
    cursor = b.change({ line, character: 0 }, { line, character: 0 }, indent);
  return cursor;
}

function dedentLines(b: EditBuilder, rng: Prng): Position {
  const first = rng.int(0, b.buffer.lineCount - 1);
  const last = Math.min(b.buffer.lineCount - 1, first + rng.int(0, 4));
  let cursor: Position = { line: first, character: 0 };
  for (let line = first; line <= last; line++) {
    const spaces = /^[ \t]{0,2}/.exec(b.buffer.lineText(line))?.[0].length ?? 0;
    cursor = b.change({ line, character: 0 }, { line, character: spaces }, '');
  }
  return cursor;
}

/** Splits a line in two at a random point (Enter), keeping the indentation as editors do. */
function breakLine(b: EditBuilder, rng: Prng): Position {
  const at = b.buffer.randomPosition(rng);
  const indent = /^[ \t]*/.exec(b.buffer.lineText(at.line))?.[0] ?? '';
  return b.change(at, at, '\n' + indent + (rng.chance(0.5) ? '  ' : ''));
}

/** Deletes a whole line, or joins it with the next (Backspace at a line start). */
function deleteLine(b: EditBuilder, rng: Prng): Position {
  const line = rng.int(0, b.buffer.lineCount - 1);
  if (line + 1 < b.buffer.lineCount && rng.chance(0.5)) {
    return b.change({ line, character: 0 }, { line: line + 1, character: 0 }, '');
  }
  if (line === 0) return b.change({ line, character: 0 }, { line, character: 0 }, '');
  const previousEnd = { line: line - 1, character: b.buffer.lineText(line - 1).length };
  return b.change(previousEnd, { line, character: 0 }, '');
}

/** Sends the whole text, one line shorter, as a change without a range. */
function replaceAll(b: EditBuilder, rng: Prng): Position {
  const line = rng.int(0, b.buffer.lineCount - 1);
  const lines = Array.from({ length: b.buffer.lineCount }, (_, i) => b.buffer.lineText(i));
  lines.splice(line, 1);
  b.replaceAll(lines.join('\n'));
  return { line: Math.min(line, b.buffer.lineCount - 1), character: 0 };
}

const GENERATORS: readonly (readonly [number, string, Generator])[] = [
  [14, 'type', typeCharacters],
  [10, 'delete', deleteCharacters],
  [10, 'cut-token', cutToken],
  [4, 'delete-span', deleteSpan],
  [12, 'paste-fragment', pasteFragment],
  [6, 'paste-odd', pasteOddCharacters],
  [5, 'replace-selection', replaceSelection],
  [5, 'duplicate-line', duplicateLine],
  [5, 'move-lines', moveLines],
  [6, 'indent', indentLines],
  [6, 'dedent', dedentLines],
  [5, 'break-line', breakLine],
  [4, 'delete-line', deleteLine],
  [1, 'replace-all', replaceAll],
];

/** One random edit of `text`; the generator depends on nothing but `text` and `rng`. */
export function randomEdit(text: string, rng: Prng): Edit {
  const [, kind, generate] = rng.weighted(GENERATORS.map((entry) => [entry[0], entry] as const));
  const builder = new EditBuilder(text);
  const cursor = generate(builder, rng);
  return { kind, changes: builder.changes, cursor };
}
