import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleError, PebbleUndefinedError } from './errors';
import { renderTemplate } from './render';

const vars = {
  inputs: { name: 'Kestra', count: 3, tags: ['a', 'b'], empty: null },
  outputs: { send_data: { body: '{"ok":true}', code: 200 } },
  block: { test: { child: 'awesome' } },
  inner: 'test',
};
const render = (template: string, variables: Record<string, unknown> = vars) =>
  renderTemplate(template, variables);

function renderError(template: string, variables: Record<string, unknown> = vars): PebbleError {
  try {
    render(template, variables);
  } catch (error) {
    assert.ok(error instanceof PebbleError);
    return error;
  }
  assert.fail(`expected ${template} to fail`);
}

describe('variables and attributes', () => {
  it('reads variables, map keys and list indexes', () => {
    assert.equal(
      render(
        '{{ inputs.name }} {{ outputs.send_data.code }} {{ inputs.tags[1] }} {{ block[inner].child }} {{ block["test"]["child"] }}',
      ),
      'Kestra 200 b awesome awesome',
    );
  });

  it('prints maps and lists as compact JSON and null as nothing', () => {
    assert.equal(
      render('{{ block }}|{{ inputs.tags }}|{{ inputs.empty }}|'),
      '{"test":{"child":"awesome"}}|["a","b"]||',
    );
  });

  it('returns a string without "{" untouched, without parsing it', () => {
    assert.equal(render('no braces here, just %} and }}', {}), 'no braces here, just %} and }}');
  });
});

describe('strict variables', () => {
  it('reports an undefined variable with Kestra message and the span of the name', () => {
    const error = renderError('Hello\n{{ missing }}');
    assert.ok(error instanceof PebbleUndefinedError);
    assert.equal(
      error.message,
      'Unable to find `missing` used in the expression `Hello\n{{ missing }}` at line 2',
    );
    assert.equal(error.attribute, 'missing');
    assert.deepEqual(error.span, [9, 16]);
  });

  it('reports a missing key by its name, and the span of that key', () => {
    const error = renderError('{{ outputs.send_data.bdy }}');
    assert.ok(error instanceof PebbleUndefinedError);
    assert.equal(
      error.message,
      'Unable to find `bdy` used in the expression `{{ outputs.send_data.bdy }}` at line 1',
    );
    assert.deepEqual(error.span, [21, 24]);
  });

  it('reports an out-of-range index and an attribute of null', () => {
    assert.equal(
      renderError('{{ inputs.tags[5] }}').message,
      'Unable to find `5` used in the expression `{{ inputs.tags[5] }}` at line 1',
    );
    assert.equal(
      renderError('{{ inputs.empty.x }}').message,
      'Unable to find `x` used in the expression `{{ inputs.empty.x }}` at line 1',
    );
    assert.equal(
      renderError('{{ n.x }}', { n: null }).message,
      'Unable to find `n` used in the expression `{{ n.x }}` at line 1',
    );
  });

  it('keeps a present null key defined', () => {
    assert.equal(render('[{{ inputs.empty }}]'), '[]');
  });

  it('refuses a number key on a string-keyed map', () => {
    assert.equal(
      renderError('{{ block[0] }}').message,
      'type class java.lang.String not supported for key 0 ({{ block[0] }}:1)',
    );
  });
});

describe('?? and ???', () => {
  it('?? falls back on undefined or null', () => {
    assert.equal(
      render(
        '{{ missing ?? "a" }}|{{ inputs.empty ?? "b" }}|{{ inputs.name ?? "c" }}|{{ block[missing].child ?? block[inner].child }}',
      ),
      'a|b|Kestra|awesome',
    );
  });

  it('??? falls back only on undefined', () => {
    assert.equal(
      render('[{{ inputs.empty ??? "x" }}]|{{ missing ??? "y" }}|{{ (inputs.empty ??? "x") ?? "z" }}'),
      '[]|y|z',
    );
  });

  it('chains left to right and still fails when every side is undefined', () => {
    assert.equal(render('{{ a ?? b ?? "c" }}'), 'c');
    assert.equal(
      renderError('{{ missing ?? missing2 }}').message,
      'Unable to find `missing2` used in the expression `{{ missing ?? missing2 }}` at line 1',
    );
  });

  it('does not swallow other errors', () => {
    assert.equal(renderError('{{ (1 / 0) ?? 2 }}').message, '/ by zero ({{ (1 / 0) ?? 2 }}:1)');
  });
});

describe('Java methods on values', () => {
  it('calls the methods Kestra users rely on', () => {
    const template =
      '{{ inputs.name.length() }}|{{ inputs.name.toUpperCase() }}|{{ "  x ".trim() }}|{{ inputs.tags.size() }}|' +
      '{{ inputs.keySet() }}|{{ inputs.containsKey("name") }}|{{ "a,b".split(",") }}|{{ "abc".replace("b", "-") }}|' +
      '{{ inputs.name.startsWith("Kes") }}|{{ inputs.name.endsWith("x") }}|{{ inputs.tags.isEmpty() }}|{{ outputs.send_data.get("code") }}';
    assert.equal(
      render(template),
      '6|KESTRA|x|2|["name","count","tags","empty"]|true|["a","b"]|a-c|true|false|false|200',
    );
  });

  it('resolves getters without parentheses and is case-insensitive', () => {
    assert.equal(
      render(
        '{{ inputs.tags.size }}|{{ inputs.name.empty }}|{{ inputs.name.LENGTH() }}|{{ inputs.tags.first }}',
      ),
      '2|false|6|a',
    );
  });

  it('reads map keys, not methods, without parentheses', () => {
    assert.equal(
      renderError('{{ inputs.size }}').message,
      'Unable to find `size` used in the expression `{{ inputs.size }}` at line 1',
    );
  });

  it('finds no int method for a Long literal, as Kestra (no greedy matching)', () => {
    assert.equal(
      renderError('{{ "hello".substring(1) }}').message,
      'Unable to find `substring` used in the expression `{{ "hello".substring(1) }}` at line 1',
    );
    assert.equal(render('{{ "hello".substring(inputs.count) }}'), 'lo');
  });

  it('splits like Java: trailing empty strings dropped', () => {
    assert.equal(render('{{ "a,b,,".split(",") }}|{{ ",a".split(",") }}'), '["a","b"]|["","a"]');
  });
});
