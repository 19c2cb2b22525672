import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tokenize } from './lexer';

function tokens(source: string): [string, string, number, number][] {
  const result = tokenize(source);
  assert.deepEqual(result.errors, []);
  return result.tokens.map((token) => [token.type, token.value, token.span[0], token.span[1]]);
}

describe('lexer', () => {
  it('tokenizes operators longest first, with word boundaries', () => {
    assert.deepEqual(tokens('{{ a.b is not null and x contains y }}'), [
      ['PrintStart', '{{', 0, 2],
      ['Name', 'a', 3, 4],
      ['Punctuation', '.', 4, 5],
      ['Name', 'b', 5, 6],
      ['Operator', 'is not', 7, 13],
      ['Name', 'null', 14, 18],
      ['Operator', 'and', 19, 22],
      ['Name', 'x', 23, 24],
      ['Operator', 'contains', 25, 33],
      ['Name', 'y', 34, 35],
      ['PrintEnd', '}}', 36, 38],
      ['EOF', '', 38, 38],
    ]);
    assert.deepEqual(tokens('{{ order or isEmpty }}').slice(1, 4), [
      ['Name', 'order', 3, 8],
      ['Operator', 'or', 9, 11],
      ['Name', 'isEmpty', 12, 19],
    ]);
  });

  it('tells ranges, Longs, numbers and coalescing apart', () => {
    assert.deepEqual(tokens('{{ 1..5 ?? 2L ??? 1.5 }}').slice(1, -2), [
      ['Number', '1', 3, 4],
      ['Operator', '..', 4, 6],
      ['Number', '5', 6, 7],
      ['Operator', '??', 8, 10],
      ['Long', '2', 11, 13],
      ['Operator', '???', 14, 17],
      ['Number', '1.5', 18, 21],
    ]);
  });

  it('splits interpolated strings into parts', () => {
    assert.deepEqual(tokens('{{ "y#{z}w" }}').slice(1, -2), [
      ['StringStart', '"', 3, 4],
      ['String', 'y', 4, 5],
      ['InterpolationStart', '#{', 5, 7],
      ['Name', 'z', 7, 8],
      ['InterpolationEnd', '}', 8, 9],
      ['String', 'w', 9, 10],
      ['StringEnd', '"', 10, 11],
    ]);
  });

  it('closes a print only outside brackets, so maps may end with }}}', () => {
    assert.deepEqual(
      tokens("{{ {'a': '}}'}}}").map((t) => t[0]),
      ['PrintStart', 'Punctuation', 'String', 'Punctuation', 'String', 'Punctuation', 'PrintEnd', 'EOF'],
    );
  });

  it('applies whitespace control to text values', () => {
    assert.deepEqual(
      tokens(' a {{- x -}} b {#- c -#} d ').filter((t) => t[0] === 'Text'),
      [
        ['Text', ' a', 0, 3],
        ['Text', 'b', 12, 15],
        ['Text', 'd ', 24, 27],
      ],
    );
  });

  it('reads comments, Kestra raw blocks and verbatim blocks as single tokens', () => {
    assert.deepEqual(tokens('{# c #}{% raw %}{{ r }}{% endraw %}{% verbatim %}{{ v }}{% endverbatim %}'), [
      ['Comment', ' c ', 0, 7],
      ['Verbatim', '{{ r }}', 7, 35],
      ['Verbatim', '{{ v }}', 35, 73],
      ['EOF', '', 73, 73],
    ]);
  });

  it('reports bad characters and keeps going', () => {
    const result = tokenize('{{ a ! b }}');
    assert.deepEqual(result.errors, [{ message: 'Unexpected character [!].', span: [5, 6] }]);
    assert.deepEqual(
      result.tokens.map((t) => t.type),
      ['PrintStart', 'Name', 'Name', 'PrintEnd', 'EOF'],
    );
  });
});
