// Tokenizes YAML samples with the Pebble injection grammar (through vscode-textmate and the
// Oniguruma wasm, as VS Code does) and checks the scopes of each piece.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';

const root = join(import.meta.dirname, '..', '..');
const INJECTION = join(root, 'syntaxes', 'kestra-pebble.tmLanguage.json');
const YAML = join(import.meta.dirname, 'fixtures', 'yaml-minimal.tmLanguage.json');

let grammar: IGrammar;

before(async () => {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files: Record<string, string> = { 'source.yaml': YAML, 'pebble.injection.kestra': INJECTION };
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: async (scope) =>
      files[scope] ? parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null,
    getInjections: (scope) => (scope === 'source.yaml' ? ['pebble.injection.kestra'] : undefined),
  });
  const loaded = await registry.loadGrammar('source.yaml');
  assert.ok(loaded, 'the YAML grammar loads');
  grammar = loaded;
});

/**
 * Each token's text (outer spaces trimmed) with its innermost scope, for every line of `text`;
 * neighbours with the same scope stack are one piece.
 */
function tokens(text: string): [string, string][] {
  let state = INITIAL;
  const result: [string, string][] = [];
  for (const line of text.split('\n')) {
    const { tokens: lineTokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    let previous = '';
    for (const token of lineTokens) {
      const piece = line.slice(token.startIndex, token.endIndex);
      const stack = token.scopes.join(' ');
      const last = result[result.length - 1];
      if (stack === previous && last) last[0] += piece;
      else result.push([piece, token.scopes[token.scopes.length - 1]]);
      previous = stack;
    }
  }
  return result
    .map(([piece, scope]): [string, string] => [piece.trim(), scope])
    .filter(([piece]) => piece !== '');
}

/** The scope stack of the first token that is exactly `piece`. */
function scopesOf(text: string, piece: string): string[] {
  let state = INITIAL;
  for (const line of text.split('\n')) {
    const { tokens: lineTokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    const found = lineTokens.find((t) => line.slice(t.startIndex, t.endIndex) === piece);
    if (found) return found.scopes;
  }
  throw new Error(`no token ${piece}`);
}

describe('Pebble injection grammar', () => {
  it('colours a print block inside a double-quoted scalar', () => {
    assert.deepEqual(tokens('message: "Hello {{ outputs.send_data.body | upper }}!"'), [
      ['message', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['"Hello', 'string.quoted.double.yaml'],
      ['{{', 'punctuation.section.embedded.begin.pebble'],
      ['outputs', 'variable.language.pebble'],
      ['.', 'punctuation.accessor.pebble'],
      ['send_data', 'variable.other.property.pebble'],
      ['.', 'punctuation.accessor.pebble'],
      ['body', 'variable.other.property.pebble'],
      ['|', 'keyword.operator.filter.pebble'],
      ['upper', 'support.function.filter.pebble'],
      ['}}', 'punctuation.section.embedded.end.pebble'],
      ['!"', 'string.quoted.double.yaml'],
    ]);
    assert.deepEqual(scopesOf('message: "Hi {{ x }}"', 'x'), [
      'source.yaml',
      'string.quoted.double.yaml',
      'meta.embedded.expression.pebble',
      'source.pebble',
      'variable.other.pebble',
    ]);
  });

  it('colours a plain scalar: function calls, strings, numbers, operators, constants', () => {
    assert.deepEqual(tokens("uri: https://x/{{ now(format='yyyy') ~ 1 + 2.5 ?? null }}"), [
      ['uri', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['https://x/', 'source.yaml'],
      ['{{', 'punctuation.section.embedded.begin.pebble'],
      ['now', 'entity.name.function.pebble'],
      ['(', 'punctuation.section.parens.begin.pebble'],
      ['format', 'variable.other.pebble'],
      ['=', 'keyword.operator.pebble'],
      ["'", 'punctuation.definition.string.begin.pebble'],
      ['yyyy', 'string.quoted.single.pebble'],
      ["'", 'punctuation.definition.string.end.pebble'],
      [')', 'punctuation.section.parens.end.pebble'],
      ['~', 'keyword.operator.pebble'],
      ['1', 'constant.numeric.pebble'],
      ['+', 'keyword.operator.pebble'],
      ['2.5', 'constant.numeric.pebble'],
      ['??', 'keyword.operator.pebble'],
      ['null', 'constant.language.pebble'],
      ['}}', 'punctuation.section.embedded.end.pebble'],
    ]);
  });

  it('colours tags with their keyword, and comments, across the lines of a block scalar', () => {
    const sample = [
      'script: |',
      '  {% for item in inputs.list %}',
      '  {{- item is not empty and loop.first -}}',
      '  {# a comment #}',
      '  {% endfor %}',
      'next: value',
    ].join('\n');
    const found = tokens(sample);
    assert.deepEqual(found.slice(0, 13), [
      ['script', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['|', 'keyword.control.flow.block-scalar.yaml'],
      ['{%', 'punctuation.section.embedded.begin.pebble'],
      ['for', 'keyword.control.tag.pebble'],
      ['item', 'variable.other.pebble'],
      ['in', 'keyword.operator.word.pebble'],
      ['inputs', 'variable.language.pebble'],
      ['.', 'punctuation.accessor.pebble'],
      ['list', 'variable.other.property.pebble'],
      ['%}', 'punctuation.section.embedded.end.pebble'],
      ['{{-', 'punctuation.section.embedded.begin.pebble'],
      ['item', 'variable.other.pebble'],
    ]);
    assert.deepEqual(found.slice(13, 19), [
      ['is', 'keyword.operator.word.pebble'],
      ['not', 'keyword.operator.word.pebble'],
      ['empty', 'support.function.test.pebble'],
      ['and', 'keyword.operator.word.pebble'],
      ['loop', 'variable.language.pebble'],
      ['.', 'punctuation.accessor.pebble'],
    ]);
    assert.deepEqual(
      found.filter(([, scope]) => scope.includes('comment')).map(([piece]) => piece),
      ['{#', 'a comment', '#}'],
    );
    assert.deepEqual(scopesOf(sample, 'endfor'), [
      'source.yaml',
      'string.unquoted.block.yaml',
      'meta.embedded.tag.pebble',
      'keyword.control.tag.pebble',
    ]);
    assert.deepEqual(found.slice(-3), [
      ['next', 'entity.name.tag.yaml'],
      [':', 'punctuation.separator.key-value.mapping.yaml'],
      ['value', 'source.yaml'],
    ]);
  });

  it('colours strings with interpolation and map literals, and leaves YAML comments alone', () => {
    assert.deepEqual(tokens(`value: '{{ "a #{ x } b" }}'`).slice(2), [
      ["'", 'string.quoted.single.yaml'],
      ['{{', 'punctuation.section.embedded.begin.pebble'],
      ['"', 'punctuation.definition.string.begin.pebble'],
      ['a', 'string.quoted.double.pebble'],
      ['#{', 'punctuation.section.interpolation.begin.pebble'],
      ['x', 'variable.other.pebble'],
      ['}', 'punctuation.section.interpolation.end.pebble'],
      ['b', 'string.quoted.double.pebble'],
      ['"', 'punctuation.definition.string.end.pebble'],
      ['}}', 'punctuation.section.embedded.end.pebble'],
      ["'", 'string.quoted.single.yaml'],
    ]);
    assert.deepEqual(tokens('# {{ not an expression }}'), [
      ['# {{ not an expression }}', 'comment.line.number-sign.yaml'],
    ]);
  });
});

describe('raw blocks', () => {
  it('leaves the text of {% raw %} uncoloured', () => {
    assert.deepEqual(tokens("value: '{% raw %}{{ literal }}{% endraw %}'").slice(3), [
      ['{%', 'punctuation.section.embedded.begin.pebble'],
      ['raw', 'keyword.control.tag.pebble'],
      ['%}', 'punctuation.section.embedded.end.pebble'],
      ['{{ literal }}', 'string.unquoted.raw.pebble'],
      ['{%', 'punctuation.section.embedded.begin.pebble'],
      ['endraw', 'keyword.control.tag.pebble'],
      ['%}', 'punctuation.section.embedded.end.pebble'],
      ["'", 'string.quoted.single.yaml'],
    ]);
  });
});

describe('grammar contribution', () => {
  it('is declared in package.json with the grammar’s own scope name, injected into YAML', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      contributes: { grammars: { scopeName: string; path: string; injectTo: string[] }[] };
    };
    const grammarFile = JSON.parse(readFileSync(INJECTION, 'utf8')) as {
      scopeName: string;
      injectionSelector: string;
    };
    const entry = manifest.contributes.grammars.find((g) => g.scopeName === grammarFile.scopeName);
    assert.deepEqual(entry, {
      scopeName: 'pebble.injection.kestra',
      path: './syntaxes/kestra-pebble.tmLanguage.json',
      injectTo: ['source.yaml'],
    });
    assert.equal(
      grammarFile.injectionSelector,
      'L:source.yaml -comment -source.pebble -string.unquoted.raw.pebble',
    );
  });
});
