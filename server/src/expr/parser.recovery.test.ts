import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AstNode, SyntaxError } from './ast';
import { nodeAt } from './ast-walk';
import { parseTemplate } from './parser';

function errors(source: string): SyntaxError[] {
  return parseTemplate(source).errors;
}

/** Node types and spans on the path to the cursor `‸` in `marked` (the marker is removed). */
function pathAt(marked: string): string[] {
  const offset = marked.indexOf('‸');
  const source = marked.slice(0, offset) + marked.slice(offset + 1);
  return nodeAt(parseTemplate(source).ast, offset).map((node: AstNode) => {
    const name =
      node.type === 'Identifier' || node.type === 'Variable' ? `:${JSON.stringify(node.name)}` : '';
    return `${node.type}${name}@${node.span[0]}-${node.span[1]}`;
  });
}

describe('partial trees while typing', () => {
  it('{{ outputs.send_data. — a member access with an empty name at the end', () => {
    const { ast, errors: found } = parseTemplate('{{ outputs.send_data.');
    const [print] = ast.body;
    assert.equal(print.type, 'Print');
    assert.deepEqual(print.span, [0, 21]);
    assert.deepEqual(print.expression, {
      type: 'MemberAccess',
      span: [3, 21],
      args: null,
      object: {
        type: 'MemberAccess',
        span: [3, 20],
        args: null,
        object: { type: 'Variable', name: 'outputs', span: [3, 10] },
        property: { type: 'Identifier', name: 'send_data', span: [11, 20] },
      },
      property: { type: 'Identifier', name: '', span: [21, 21] },
    });
    assert.deepEqual(found, [
      { message: 'Unclosed "{{": add "}}".', span: [0, 2] },
      { message: 'Expected an attribute name after ".", found the end of the template.', span: [21, 21] },
    ]);
  });

  it('{{ inputs. }} — the empty name spans the gap before "}}"', () => {
    const [print] = parseTemplate('{{ inputs. }}').ast.body;
    assert.equal(
      print.type === 'Print' &&
        print.expression.type === 'MemberAccess' &&
        JSON.stringify(print.expression.property),
      '{"type":"Identifier","name":"","span":[10,11]}',
    );
    assert.deepEqual(errors('{{ inputs. }}'), [
      { message: 'Expected an attribute name after ".", found "}}".', span: [10, 11] },
    ]);
  });

  it('{{ x | — a filter application with an empty name', () => {
    const [print] = parseTemplate('{{ x | ').ast.body;
    assert.deepEqual(print, {
      type: 'Print',
      span: [0, 7],
      expression: {
        type: 'FilterApplication',
        span: [3, 7],
        input: { type: 'Variable', name: 'x', span: [3, 4] },
        name: { type: 'Identifier', name: '', span: [6, 7] },
        args: null,
      },
    });
  });

  it('{{ now( — a function call whose argument list is unclosed', () => {
    const [print] = parseTemplate('{{ now(').ast.body;
    assert.deepEqual(print, {
      type: 'Print',
      span: [0, 7],
      expression: {
        type: 'FunctionCall',
        span: [3, 7],
        callee: { type: 'Identifier', name: 'now', span: [3, 6] },
        args: { type: 'ArgumentList', items: [], span: [6, 7] },
      },
    });
    assert.deepEqual(errors('{{ now('), [
      { message: 'Unclosed "{{": add "}}".', span: [0, 2] },
      { message: 'Unclosed "(": add ")".', span: [6, 7] },
    ]);
  });

  it('an unclosed {{ keeps the text before it and the expression', () => {
    const { ast, errors: found } = parseTemplate('Hello {{ inputs.name');
    assert.deepEqual(
      ast.body.map((node) => [node.type, node.span]),
      [
        ['Text', [0, 6]],
        ['Print', [6, 20]],
      ],
    );
    assert.deepEqual(found, [{ message: 'Unclosed "{{": add "}}".', span: [6, 8] }]);
  });

  it('{{ }} and {{ a + }} — missing operands', () => {
    assert.deepEqual(errors('{{ }}'), [{ message: 'Expected an expression, found "}}".', span: [2, 3] }]);
    assert.deepEqual(errors('{{ a + }}'), [{ message: 'Expected an expression, found "}}".', span: [6, 7] }]);
  });
});

describe('syntax errors', () => {
  const cases: [string, SyntaxError[]][] = [
    ['{{ get missing }}', [{ message: 'Expected "}}", found "missing".', span: [7, 14] }]],
    ['{{ x is }}', [{ message: 'Expected a test name after "is", found "}}".', span: [7, 8] }]],
    ['{{ [1, 2 }}', [{ message: 'Unclosed "[": add "]".', span: [3, 4] }]],
    ['{{ {not: json} | toJson }}', [{ message: 'Expected an expression, found ":".', span: [7, 8] }]],
    ['{{ @ }}', [{ message: 'Unexpected character [@].', span: [3, 4] }]],
    [
      '{{ "abc }}',
      [
        { message: 'Unclosed "{{": add "}}".', span: [0, 2] },
        { message: 'Unclosed string literal: add the closing quote.', span: [3, 4] },
      ],
    ],
    ['{# open', [{ message: 'Unclosed comment: add "#}" to end it.', span: [0, 2] }]],
    ['{% if x %}a', [{ message: 'Unclosed "if" tag: add {% endif %}.', span: [0, 2] }]],
    ['{% endif %}', [{ message: 'Unexpected tag name "endif".', span: [3, 8] }]],
    [
      '{% include "a" %}',
      [{ message: 'Unexpected tag name "include": Kestra removes the "include" tag.', span: [3, 10] }],
    ],
    [
      '{% if a %}{% else %}{% elseif b %}{% endif %}',
      [{ message: 'Unexpected tag name "elseif".', span: [23, 29] }],
    ],
    ['{% set true = 1 %}', [{ message: 'Can not assign a value to true.', span: [7, 11] }]],
    [
      '{% for i %}{% endfor %}',
      [{ message: 'Expected "in" after the loop variable, found "%}".', span: [8, 9] }],
    ],
    ['{% %}', [{ message: 'A tag must start with a tag name, e.g. {% if … %}.', span: [0, 2] }]],
    [
      '{{ f(a=1, 2) }}',
      [{ message: 'Positional arguments must be declared before any named arguments.', span: [10, 11] }],
    ],
    [
      '{{ s.upper(x=1) }}',
      [{ message: 'Can not use named arguments when calling a bean method.', span: [11, 14] }],
    ],
    [
      '{% macro m(a) %}{% endmacro %}{% macro m(b) %}{% endmacro %}',
      [{ message: 'More than one macro can not share the same name: m.', span: [39, 40] }],
    ],
    [
      '{{ 99999999999999999999 }}',
      [{ message: 'The number 99999999999999999999 is too large for a Long.', span: [3, 23] }],
    ],
  ];
  for (const [source, expected] of cases) {
    it(source, () => assert.deepEqual(errors(source), expected));
  }

  it('explains that contains and equals cannot be called as methods', () => {
    assert.deepEqual(errors('{{ x.contains("a") }}'), [
      {
        message:
          '"contains" is an operator in Pebble and cannot follow ".": write `x contains y` instead of `x.contains(y)`.',
        span: [5, 13],
      },
    ]);
    assert.equal(
      errors('{{ x.equals(y) }}')[0].message,
      '"equals" is an operator in Pebble and cannot follow ".": write `x == y` instead of `x.equals(y)`.',
    );
  });

  it('never throws, even on deeply nested input', () => {
    const deep = parseTemplate(`{{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}`);
    assert.ok(deep.errors.some((e) => e.message === 'Expression nested more than 200 levels deep.'));
    const tags = parseTemplate('{% if true %}'.repeat(500) + '{% endif %}'.repeat(500));
    assert.ok(tags.errors.some((e) => e.message === 'Tags nested more than 200 levels deep.'));
  });
});

describe('nodeAt', () => {
  it('finds the empty property name after a dot', () => {
    assert.deepEqual(pathAt('{{ outputs.send_data.‸ }}'), [
      'Template@0-24',
      'Print@0-24',
      'MemberAccess@3-22',
      'Identifier:""@21-22',
    ]);
  });

  it('finds the property being typed', () => {
    assert.deepEqual(pathAt('{{ inputs.na‸me }}'), [
      'Template@0-17',
      'Print@0-17',
      'MemberAccess@3-14',
      'Identifier:"name"@10-14',
    ]);
  });

  it('finds the variable at its end and the filter name being typed', () => {
    assert.deepEqual(pathAt('{{ inputs‸ }}').slice(-1), ['Variable:"inputs"@3-9']);
    assert.deepEqual(pathAt('{{ x | up‸ }}').slice(-2), ['FilterApplication@3-9', 'Identifier:"up"@7-9']);
    assert.deepEqual(pathAt('{{ x |‸ }}').slice(-2), ['FilterApplication@3-7', 'Identifier:""@6-7']);
  });

  it('finds arguments inside a call and nodes inside tags', () => {
    assert.deepEqual(pathAt('{{ now(format=‸) }}').slice(-3), [
      'ArgumentList@6-15',
      'Argument@7-14',
      'Missing@14-14',
    ]);
    assert.deepEqual(pathAt('{% for i in items %}{{ i.‸').slice(-3), [
      'Print@20-25',
      'MemberAccess@23-25',
      'Identifier:""@25-25',
    ]);
  });

  it('returns nothing outside the template', () => {
    assert.deepEqual(nodeAt(parseTemplate('abc').ast, 10), []);
  });
});
