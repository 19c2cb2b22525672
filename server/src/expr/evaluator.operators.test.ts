import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleError } from './errors';
import { renderTemplate } from './render';

const render = (template: string, variables: Record<string, unknown> = {}) =>
  renderTemplate(template, variables);

function renderError(template: string, variables: Record<string, unknown> = {}): PebbleError {
  try {
    render(template, variables);
  } catch (error) {
    assert.ok(error instanceof PebbleError, `expected a PebbleError, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${template} to fail`);
}

describe('arithmetic', () => {
  it('follows Pebble precedence and left associativity', () => {
    assert.equal(render('{{ 1 + 2 * 3 }}|{{ (1 + 2) * 3 }}|{{ 2 - 3 - 4 }}|{{ 10 % 3 }}'), '7|9|-5|1');
  });

  it('divides Longs with truncation and widens to Double', () => {
    assert.equal(
      render('{{ 7 / 2 }}|{{ -7 / 2 }}|{{ -7 % 3 }}|{{ 7 / 2.0 }}|{{ 4.0 / 2 }}|{{ 3 * 1.0 }}'),
      '3|-3|-1|3.5|2.0|3.0',
    );
  });

  it('prints Doubles as Java does', () => {
    assert.equal(
      render('{{ 10000000000.0 }}|{{ 0.0001 }}|{{ 1.5 * 2 }}|{{ 0.1 + 0.2 }}'),
      '1.0E10|1.0E-4|3.0|0.30000000000000004',
    );
  });

  it('wraps Long overflow to 64 bits', () => {
    assert.equal(render('{{ 4611686018427387904 * 4 }}'), '0');
  });

  it('fails on integer division by zero, gives Infinity for Doubles', () => {
    assert.equal(renderError('{{ 1 / 0 }}').message, '/ by zero ({{ 1 / 0 }}:1)');
    assert.equal(render('{{ 1.0 / 0 }}'), 'Infinity');
  });

  it('concatenates with + when either side is a string, using Java toString', () => {
    assert.equal(
      render('{{ "a" + 1 + 2 }}|{{ 1 + 2 + "a" }}|{{ m + "" }}|{{ "x" + n }}', {
        m: { a: 1, b: 'x' },
        n: null,
      }),
      'a12|3a|{a=1, b=x}|xnull',
    );
  });

  it('adds to and removes from lists', () => {
    assert.equal(
      render('{{ l + 4 }}|{{ l + [5, 6] }}|{{ l - 2 }}|{{ l - [1, 3] }}', { l: [1, 2, 3] }),
      '[1,2,3,4]|[1,2,3,5,6]|[1,3]|[2]',
    );
  });

  it('refuses non-numbers with Pebble message', () => {
    assert.equal(
      renderError('{{ true + 1 }}').message,
      'invalid operands for mathematical operation [ADD] ({{ true + 1 }}:1)',
    );
    assert.equal(
      renderError('{{ -l }}', { l: [] }).message,
      'invalid operands for mathematical operation [MULTIPLICATION] ({{ -l }}:1)',
    );
  });

  it('applies unary minus before filters', () => {
    assert.equal(render('{{ -7 | upper }}'), '-7');
    assert.equal(render('{{ - 3 + 1 }}'), '-2');
  });
});

describe('comparison and logic', () => {
  it('compares numbers across types and Java-equals the rest', () => {
    assert.equal(
      render('{{ 1 == 1.0 }}|{{ "1" == 1 }}|{{ "a" equals "a" }}|{{ [1, 2] == [1, 2] }}|{{ 1 != 2 }}'),
      'true|false|true|true|true',
    );
    assert.equal(render('{{ null == null }}|{{ n == "" }}', { n: null }), 'true|false');
  });

  it('orders numbers, is false with a null operand, refuses strings', () => {
    assert.equal(
      render('{{ 2 > 1 }}|{{ 2 >= 2.0 }}|{{ 1 < 0 }}|{{ 1 <= 1 }}|{{ n < 1 }}', { n: null }),
      'true|true|false|true|false',
    );
    assert.equal(
      renderError('{{ "b" > "a" }}').message,
      'invalid operands for mathematical comparison [GREATER_THAN] ({{ "b" > "a" }}:1)',
    );
  });

  it('evaluates and/or/not with Pebble truthiness and short-circuit', () => {
    assert.equal(
      render('{{ 1 < 2 and 2 > 3 }}|{{ false or "x" }}|{{ not 0 }}|{{ not "" }}|{{ true or missing }}'),
      'false|true|true|true|true',
    );
    assert.equal(
      renderError('{{ n and true }}', { n: null }).message,
      'null value used in and operator and strict variables is set to true ({{ n and true }}:1)',
    );
    assert.equal(
      renderError('{{ not n }}', { n: null }).message,
      'null value given to not() and strict variables is set to true ({{ not n }}:1)',
    );
  });

  it('binds `not` tighter than comparisons and `and` tighter than `or`', () => {
    assert.equal(render('{{ not 1 == 2 }}'), 'false');
    assert.equal(render('{{ true or false and false }}'), 'true');
  });

  it('checks membership with contains', () => {
    const vars = { l: [1, 2, 3], m: { a: 1 }, s: 'hello', n: null };
    assert.equal(
      render(
        '{{ l contains 2 }}|{{ l contains [1, 3] }}|{{ l contains 2.0 }}|{{ m contains "a" }}|{{ s contains "ell" }}|{{ n contains 1 }}',
        vars,
      ),
      'true|true|false|true|true|false',
    );
    assert.equal(
      renderError('{{ 5 contains 1 }}').message,
      'Contains operator can only be used on Collections, Maps and arrays. Actual type was: Long ({{ 5 contains 1 }}:1)',
    );
  });

  it('evaluates the ternary lazily, null being false', () => {
    assert.equal(
      render('{{ t ? "yes" : missing }}|{{ n ? missing : "no" }}|{{ "" ? 1 : 2 }}|{{ 0 ? 1 : 2 }}', {
        t: true,
        n: null,
      }),
      'yes|no|2|2',
    );
    assert.equal(render('{{ false ? 1 : true ? 2 : 3 }}'), '2');
  });
});

describe('strings and literals', () => {
  it('concatenates with ~, nulls printing nothing', () => {
    assert.equal(render('{{ "a" ~ n ~ 1 ~ [1, 2] ~ 2.0 }}', { n: null }), 'a1[1, 2]2.0');
  });

  it('binds ~ tighter than the filter pipe and ?? tighter than both', () => {
    assert.equal(render('{{ "a" ~ "b" | upper }}'), 'AB');
    assert.equal(render('{{ missing ?? "x" | upper }}'), 'X');
  });

  it('interpolates #{} in double-quoted strings only', () => {
    assert.equal(render(`{{ "x#{1 + 1}y" }}|{{ 'x#{1}y' }}|{{ "a#b" }}`), 'x2y|x#{1}y|a#b');
    assert.equal(render('{{ "#{l}" }}', { l: [1] }), '[1]');
  });

  it('unescapes only the quote of the string', () => {
    assert.equal(
      render(String.raw`{{ 'it\'s' }}|{{ "say \"hi\"" }}|{{ 'a\nb' }}`),
      String.raw`it's|say "hi"|a\nb`,
    );
  });

  it('builds lists and maps; map literals iterate in Java HashMap order', () => {
    assert.equal(
      render('{{ [1, "a", null, true] }}|{{ {"b": 1, "a": 2} }}|{{ {} }}|{{ [] }}'),
      '[1,"a",null,true]|{"a":2,"b":1}|{}|[]',
    );
    assert.equal(render('{{ {"foo": 1, "bar": 2, "baz": 3} }}'), '{"bar":2,"baz":3,"foo":1}');
  });

  it('prints null as nothing and booleans as words', () => {
    assert.equal(render('[{{ null }}][{{ none }}][{{ true }}][{{ FALSE }}]'), '[][][true][false]');
  });
});
