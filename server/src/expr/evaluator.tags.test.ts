import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleError } from './errors';
import { renderTemplate } from './render';

const vars = { l: [1, 2, 3], m: { a: 1, b: 'x' }, n: null, s: 'hello' };
const render = (template: string, variables: Record<string, unknown> = vars) =>
  renderTemplate(template, variables);

function renderError(template: string, variables: Record<string, unknown> = vars): string {
  try {
    render(template, variables);
  } catch (error) {
    assert.ok(error instanceof PebbleError);
    return error.message;
  }
  assert.fail(`expected ${template} to fail`);
}

describe('whitespace', () => {
  it('keeps the newline after a tag (no newline trimming)', () => {
    assert.equal(render('a\n{% if true %}\nb\n{% endif %}\nc'), 'a\n\nb\n\nc');
  });

  it('trims around - markers of prints, tags and comments', () => {
    assert.equal(render('a  {{- "b" -}}  c'), 'abc');
    assert.equal(render('a {%- if true -%} b {%- endif -%} c'), 'abc');
    assert.equal(render('{# c #}x {# d -#}  y {#- e #}z'), 'x yz');
  });

  it('needs whitespace after a leading - (otherwise it is a minus)', () => {
    assert.equal(render('a {{-1 }}'), 'a -1');
  });
});

describe('if', () => {
  it('picks the first true branch', () => {
    const template = (c1: string, c2: string) => `{% if ${c1} %}a{% elseif ${c2} %}b{% else %}c{% endif %}`;
    assert.equal(render(template('1', '2') + template('0', '2') + template('0', '0')), 'abc');
  });

  it('uses Pebble truthiness: non-empty strings, non-zero numbers', () => {
    assert.equal(
      render(
        '{% if "false" %}T{% endif %}|{% if 0 %}Z{% else %}NZ{% endif %}|{% if "" %}E{% else %}NE{% endif %}',
      ),
      'T|NZ|NE',
    );
  });

  it('refuses null and other types under strict variables', () => {
    assert.equal(
      renderError('{% if n %}x{% endif %}'),
      'Wrong operand(s) type in conditional expression: null value given to if statement and strict variables is set to true ({% if n %}x{% endif %}:1)',
    );
    assert.equal(
      renderError('{% if l %}x{% endif %}'),
      'Wrong operand(s) type in conditional expression: Unsupported value type ArrayList. Expected Boolean, String, Number in "if" statement ({% if l %}x{% endif %}:1)',
    );
  });

  it('reports an undefined condition variable with Kestra message', () => {
    assert.equal(
      renderError('{% if missing %}x{% endif %}'),
      'Unable to find `missing` used in the expression `{% if missing %}x{% endif %}` at line 1',
    );
  });
});

describe('for', () => {
  it('iterates lists with loop variables', () => {
    assert.equal(
      render(
        '{% for i in l %}{{ loop.index }}{{ loop.revindex }}{{ loop.first }}{{ loop.last }}{{ loop.length }}:{{ i }} {% endfor %}',
      ),
      '02truefalse3:1 11falsefalse3:2 20falsetrue3:3 ',
    );
  });

  it('iterates maps as entries and ranges as Longs', () => {
    assert.equal(render('{% for e in m %}{{ e.key }}={{ e.value }};{% endfor %}'), 'a=1;b=x;');
    assert.equal(render('{% for e in m %}{{ e }};{% endfor %}'), 'a=1;b=x;');
  });

  it('runs the else body for an empty iterable and nothing for null', () => {
    assert.equal(
      render('{% for x in [] %}a{% else %}empty{% endfor %}|{% for x in n %}a{% else %}b{% endfor %}|'),
      'empty||',
    );
  });

  it('scopes the loop variable and new variables to the loop, updates outer ones', () => {
    assert.equal(
      render('{% set a = 1 %}{% for i in l %}{% set a = a + i %}{% set b = i %}{% endfor %}{{ a }}'),
      '7',
    );
    assert.equal(
      renderError('{% for i in l %}{% set b = i %}{% endfor %}{{ b }}'),
      'Unable to find `b` used in the expression `{% for i in l %}{% set b = i %}{% endfor %}{{ b }}` at line 1',
    );
  });

  it('refuses non-iterables', () => {
    assert.equal(
      renderError('{% for x in s %}{% endfor %}'),
      'Not an iterable object. Value = [hello] ({% for x in s %}{% endfor %}:1)',
    );
  });
});

describe('set, macro, filter, block', () => {
  it('sets variables, shadowing inputs for the rest of the template', () => {
    assert.equal(render('{% set x = s | upper %}{{ x }}{% set s = "bye" %} {{ s }}'), 'HELLO bye');
  });

  it('calls macros that see only their arguments and defaults', () => {
    assert.equal(
      render('{% macro m1(a, b="z") %}[{{ a }}{{ b }}]{% endmacro %}{{ m1(1) }}{{ m1(2, 3) }}{{ m1(b=4) }}'),
      '[1z][23][4]',
    );
    assert.match(
      renderError('{% macro m1(a) %}{{ s }}{% endmacro %}{{ m1(1) }}'),
      /^Unable to find `s` used in the expression/,
    );
    assert.equal(
      renderError('{% macro m1(a) %}{% endmacro %}{{ m1(1, 2) }}'),
      'The argument at position 2 is not allowed. Only 1 argument(s) are allowed. ({% macro m1(a) %}{% endmacro %}{{ m1(1, 2) }}:1)',
    );
  });

  it('prints maps with Java toString inside a macro (a plain StringWriter)', () => {
    assert.equal(render('{% macro f(a) %}{{ a }}{% endmacro %}{{ f(m) }}'), '{a=1, b=x}');
  });

  it('applies the filter tag to its rendered body', () => {
    assert.equal(render('{% filter upper %}hello {{ s }}{% endfilter %}'), 'HELLO HELLO');
  });

  it('renders blocks in place and again with block()', () => {
    assert.equal(render('{% block b %}B{{ s }}{% endblock %}-{{ block("b") }}'), 'Bhello-Bhello');
  });
});

describe('raw and verbatim', () => {
  it('keeps Kestra raw blocks verbatim, tags removed, without trimming', () => {
    assert.equal(
      render('See {% raw %}{{ var }}{% endraw %} and {%-  raw%}{{ v2 }}{%endraw -%} !', {}),
      'See {{ var }} and {{ v2 }} !',
    );
  });

  it('refuses raw across lines, as Kestra does', () => {
    assert.match(
      renderError('{% raw %}\n{{ x }}{% endraw %}', {}),
      /^Unexpected tag name "raw": Kestra only recognises/,
    );
  });

  it('keeps verbatim content, left-trimmed like Pebble 3.2.2', () => {
    assert.equal(render('{% verbatim %}  {{ x }}\n{% endverbatim %}!', {}), '{{ x }}\n!');
  });
});

describe('removed and unknown tags', () => {
  for (const tag of [
    'include',
    'extends',
    'import',
    'embed',
    'from',
    'flush',
    'parallel',
    'cache',
    'autoescape',
  ]) {
    it(`refuses {% ${tag} %}`, () => {
      const template = `{% ${tag} "x" %}`;
      assert.equal(
        renderError(template, {}),
        `Unexpected tag name "${tag}": Kestra removes the "${tag}" tag. (${template}:1)`,
      );
    });
  }
});
