import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Expression, Statement } from './ast';
import { parseTemplate } from './parser';

function body(source: string): Statement[] {
  const result = parseTemplate(source);
  assert.deepEqual(result.errors, []);
  return result.ast.body;
}

function expression(source: string): Expression {
  const [print] = body(source);
  assert.equal(print.type, 'Print');
  return print.expression;
}

/** A compact rendering of an expression tree: `(op left right)`, names and spans. */
function sexpr(node: Expression): string {
  const at = `@${node.span[0]}-${node.span[1]}`;
  switch (node.type) {
    case 'Literal':
      return `${JSON.stringify(node.value)}${at}`;
    case 'Variable':
      return `${node.name}${at}`;
    case 'MemberAccess':
      return `(. ${sexpr(node.object)} ${node.property.name}${node.args ? `(${node.args.items.map((a) => sexpr(a.value)).join(' ')})` : ''})${at}`;
    case 'IndexAccess':
      return `([] ${sexpr(node.object)} ${sexpr(node.index)})${at}`;
    case 'BinaryExpression':
      return `(${node.operator} ${sexpr(node.left)} ${sexpr(node.right)})${at}`;
    case 'UnaryExpression':
      return `(${node.operator} ${sexpr(node.operand)})${at}`;
    case 'FilterApplication':
      return `(| ${sexpr(node.input)} ${node.name.name}${node.args ? `(${node.args.items.map((a) => (a.name ? `${a.name.name}=` : '') + sexpr(a.value)).join(' ')})` : ''})${at}`;
    case 'TestApplication':
      return `(${node.negated ? 'is not' : 'is'} ${sexpr(node.input)} ${node.name.name})${at}`;
    case 'FunctionCall':
      return `(${node.callee.name} ${node.args.items.map((a) => (a.name ? `${a.name.name}=` : '') + sexpr(a.value)).join(' ')})${at}`;
    case 'ConditionalExpression':
      return `(? ${sexpr(node.test)} ${sexpr(node.consequent)} ${sexpr(node.alternate)})${at}`;
    case 'ListLiteral':
      return `[${node.elements.map(sexpr).join(' ')}]${at}`;
    case 'MapLiteral':
      return `{${node.entries.map((e) => `${sexpr(e.key)}:${sexpr(e.value)}`).join(' ')}}${at}`;
    case 'InterpolatedString':
      return `(str ${node.parts.map(sexpr).join(' ')})${at}`;
    case 'Missing':
      return `<missing>${at}`;
  }
}

describe('template structure', () => {
  it('splits text and prints with exact spans', () => {
    assert.deepEqual(body('Hi {{ inputs.name | default("x") }}!'), [
      { type: 'Text', value: 'Hi ', span: [0, 3] },
      {
        type: 'Print',
        span: [3, 35],
        expression: {
          type: 'FilterApplication',
          span: [6, 32],
          input: {
            type: 'MemberAccess',
            span: [6, 17],
            object: { type: 'Variable', name: 'inputs', span: [6, 12] },
            property: { type: 'Identifier', name: 'name', span: [13, 17] },
            args: null,
          },
          name: { type: 'Identifier', name: 'default', span: [20, 27] },
          args: {
            type: 'ArgumentList',
            span: [27, 32],
            items: [
              {
                type: 'Argument',
                name: null,
                span: [28, 31],
                value: { type: 'Literal', kind: 'string', value: 'x', span: [28, 31] },
              },
            ],
          },
        },
      },
      { type: 'Text', value: '!', span: [35, 36] },
    ]);
  });

  it('parses for/else with its bodies', () => {
    const [node] = body('{% for i in 1..3 %}{{ loop.index }}{% else %}-{% endfor %}');
    assert.equal(node.type, 'For');
    assert.deepEqual(node.variable, { type: 'Identifier', name: 'i', span: [7, 8] });
    assert.equal(sexpr(node.iterable), '(.. 1@12-13 3@15-16)@12-16');
    assert.deepEqual(
      node.body.map((s) => [s.type, s.span]),
      [['Print', [19, 35]]],
    );
    assert.deepEqual(node.elseBody, [{ type: 'Text', value: '-', span: [45, 46] }]);
    assert.deepEqual(node.span, [0, 58]);
  });

  it('parses if/elseif/else branches', () => {
    const [node] = body('{% if a %}1{% elseif b %}2{% else %}3{% endif %}');
    assert.equal(node.type, 'If');
    assert.deepEqual(
      node.branches.map((b) => [sexpr(b.condition), b.span]),
      [
        ['a@6-7', [0, 11]],
        ['b@21-22', [11, 26]],
      ],
    );
    assert.deepEqual(node.elseBody, [{ type: 'Text', value: '3', span: [36, 37] }]);
    assert.deepEqual(node.span, [0, 48]);
  });

  it('parses set, macro with defaults, filter and block tags, comments and verbatim', () => {
    const nodes = body(
      '{% set x = 1 %}{% macro m(a, b=2) %}{{ a }}{% endmacro %}{% filter upper | trim %}t{% endfilter %}{% block "b" %}{% endblock %}{# c #}{% verbatim %}{{ v }}{% endverbatim %}',
    );
    assert.deepEqual(
      nodes.map((n) => [n.type, n.span]),
      [
        ['Set', [0, 15]],
        ['Macro', [15, 57]],
        ['FilterBlock', [57, 98]],
        ['Block', [98, 127]],
        ['Comment', [127, 134]],
        ['Verbatim', [134, 172]],
      ],
    );
    const macro = nodes[1];
    assert.equal(
      macro.type === 'Macro' &&
        macro.params.map((p) => `${p.name.name}=${p.defaultValue ? sexpr(p.defaultValue) : ''}`).join(','),
      'a=,b=2@31-32',
    );
    const filter = nodes[2];
    assert.equal(
      filter.type === 'FilterBlock' && filter.filters.map((f) => f.name.name).join('|'),
      'upper|trim',
    );
    assert.deepEqual(nodes[5], { type: 'Verbatim', tag: 'verbatim', value: '{{ v }}', span: [134, 172] });
  });

  it('recognises Kestra raw blocks on one line', () => {
    assert.deepEqual(body('a{%- raw -%} {{ x }} {% endraw %}'), [
      { type: 'Text', value: 'a', span: [0, 1] },
      { type: 'Verbatim', tag: 'raw', value: ' {{ x }} ', span: [1, 33] },
    ]);
  });

  it('applies whitespace control to the text values, keeping raw spans', () => {
    assert.deepEqual(body(' a {{- 1 -}} b '), [
      { type: 'Text', value: ' a', span: [0, 3] },
      { type: 'Print', expression: { type: 'Literal', kind: 'long', value: 1, span: [7, 8] }, span: [3, 12] },
      { type: 'Text', value: 'b ', span: [12, 15] },
    ]);
  });
});

describe('expression precedence', () => {
  const cases: [string, string][] = [
    ['{{ a or b and c }}', '(or a@3-4 (and b@8-9 c@14-15)@8-15)@3-15'],
    ['{{ 1 + 2 * 3 - 4 }}', '(- (+ 1@3-4 (* 2@7-8 3@11-12)@7-12)@3-12 4@15-16)@3-16'],
    ['{{ a ?? b | upper }}', '(| (?? a@3-4 b@8-9)@3-9 upper)@3-17'],
    ['{{ a ~ b | lower }}', '(| (~ a@3-4 b@7-8)@3-8 lower)@3-16'],
    ['{{ 1 + x | abs }}', '(+ 1@3-4 (| x@7-8 abs)@7-14)@3-14'],
    ['{{ -7 | abs }}', '(| (- 7@4-5)@3-5 abs)@3-11'],
    ['{{ not a is defined }}', '(is (not a@7-8)@3-8 defined)@3-19'],
    ['{{ x is not null ? "y" : 1.5 }}', '(? (is not x@3-4 null)@3-16 "y"@19-22 1.5@25-28)@3-28'],
    ['{{ a == b and c != d }}', '(and (== a@3-4 b@8-9)@3-9 (!= c@14-15 d@19-20)@14-20)@3-20'],
    [
      '{{ l contains 1 or x equals y }}',
      '(or (contains l@3-4 1@14-15)@3-15 (equals x@19-20 y@28-29)@19-29)@3-29',
    ],
    ['{{ a ??? b ?? c }}', '(?? (??? a@3-4 b@9-10)@3-10 c@14-15)@3-15'],
    ['{{ (1 + 2) * 3 }}', '(* (+ 1@4-5 2@8-9)@4-9 3@13-14)@3-14'],
    ['{{ a ? b : c ? d : e }}', '(? a@3-4 b@7-8 (? c@11-12 d@15-16 e@19-20)@11-20)@3-20'],
  ];
  for (const [source, tree] of cases) {
    it(source, () => assert.equal(sexpr(expression(source)), tree));
  }
});

describe('expression forms', () => {
  const cases: [string, string][] = [
    [
      '{{ outputs["my-task"].value[0] }}',
      '([] (. ([] outputs@3-10 "my-task"@11-20)@3-21 value)@3-27 0@28-29)@3-30',
    ],
    ['{{ now(format="iso", timeZone=z) }}', '(now format="iso"@14-19 timeZone=z@30-31)@3-32'],
    ['{{ s.substring(1, 2) }}', '(. s@3-4 substring(1@15-16 2@18-19))@3-20'],
    ['{{ x | date("yyyy", timeZone="UTC") }}', '(| x@3-4 date("yyyy"@12-18 timeZone="UTC"@29-34))@3-35'],
    ['{{ [1, "a"] }}', '[1@4-5 "a"@7-10]@3-11'],
    ['{{ {"k": v, 2: null} }}', '{"k"@4-7:v@9-10 2@12-13:null@15-19}@3-20'],
    ['{{ "a#{b}c" }}', '(str "a"@4-5 b@7-8 "c"@9-10)@3-11'],
    ["{{ 'it\\'s' }}", '"it\'s"@3-10'],
    ['{{ 12L + 1.50 }}', '(+ 12@3-6 1.5@9-13)@3-13'],
    ['{{ true and NONE }}', '(and true@3-7 null@12-16)@3-16'],
    ['{{ order or organization }}', '(or order@3-8 organization@12-24)@3-24'],
  ];
  for (const [source, tree] of cases) {
    it(source, () => assert.equal(sexpr(expression(source)), tree));
  }

  it('distinguishes Long and Double literals', () => {
    const node = expression('{{ [1, 1.0, 7L] }}');
    assert.equal(
      node.type === 'ListLiteral' &&
        node.elements.map((e) => (e.type === 'Literal' ? e.kind : e.type)).join(','),
      'long,double,long',
    );
  });
});
