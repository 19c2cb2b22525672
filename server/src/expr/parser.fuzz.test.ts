// Random template-like input (deterministic seed): parsing never throws and keeps spans inside the
// source; rendering fails only with PebbleErrors.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AstNode } from './ast';
import { nodeAt, walk } from './ast-walk';
import { PebbleError } from './errors';
import { parseTemplate } from './parser';
import { renderTemplate } from './render';

const PIECES = [
  '{{',
  '}}',
  '{%',
  '%}',
  '{#',
  '#}',
  '-',
  ' ',
  '\n',
  'a',
  'b.c',
  '.',
  '|',
  'upper',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  "'s'",
  '"d#{x}"',
  '"',
  "'",
  '1',
  '2.5',
  '..',
  '??',
  '???',
  'is',
  'not',
  'defined',
  'and',
  'or',
  '~',
  '+',
  '*',
  '/',
  'if',
  'endif',
  'for',
  'in',
  'endfor',
  'set',
  '=',
  'macro',
  'endmacro',
  'raw',
  'endraw',
  'verbatim',
  'endverbatim',
  ',',
  ':',
  '?',
  'contains',
  '#{',
  'else',
  'filter',
  'endfilter',
  'block',
  'endblock',
  '@',
];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('parser robustness', () => {
  it('never throws on 3000 random templates and keeps every span inside the source', () => {
    const next = random(42);
    for (let n = 0; n < 3000; n++) {
      const length = 1 + Math.floor(next() * 25);
      let source = '';
      for (let i = 0; i < length; i++) source += PIECES[Math.floor(next() * PIECES.length)];
      const { ast, errors } = parseTemplate(source);
      walk(ast, (node: AstNode) => {
        assert.ok(
          node.span[0] >= 0 && node.span[0] <= node.span[1] && node.span[1] <= source.length,
          `${source}: ${node.type} ${node.span}`,
        );
      });
      for (const error of errors) assert.ok(error.span[0] >= 0 && error.span[1] <= source.length, source);
      for (let offset = 0; offset <= source.length; offset++) nodeAt(ast, offset);
      try {
        renderTemplate(source, { a: 1, b: { c: [1] }, x: 'x', s: 's', d: 'd' });
      } catch (error) {
        assert.ok(error instanceof PebbleError, `${JSON.stringify(source)}: ${String(error)}`);
      }
    }
  });
});
