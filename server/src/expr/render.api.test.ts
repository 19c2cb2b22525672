import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleError, PebbleUndefinedError } from './errors';
import { evaluateExpression, isTruthy, renderTemplate, renderTyped, renderValue } from './index';
import { PebbleDouble } from './values';

const vars = { a: 1, s: 'x', l: [1, 2], m: { k: 'v' }, first: '{{ second }}', second: 'end', n: null };

function failure(run: () => unknown): PebbleError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof PebbleError);
    return error;
  }
  assert.fail('expected a failure');
}

describe('renderTemplate', () => {
  it('does not re-render variable values (recursive rendering off)', () => {
    assert.equal(renderTemplate('{{ first }}', vars), '{{ second }}');
  });

  it('re-renders until stable in recursive mode, and has no render() there', () => {
    assert.equal(renderTemplate('{{ first }}', vars, { recursiveRendering: true }), 'end');
    assert.equal(
      renderTemplate('{% raw %}{{ first }}{% endraw %}', vars, { recursiveRendering: true }),
      '{{ first }}',
    );
    assert.equal(
      failure(() => renderTemplate('{{ render(first) }}', vars, { recursiveRendering: true })).message,
      'Function or Macro [render] does not exist. ({{ render(first) }}:1)',
    );
    assert.equal(
      failure(() => renderTemplate('{{ a }}', { a: '{{ b }}', b: '{{ a }}' }, { recursiveRendering: true }))
        .message,
      'Too many rendering attempts',
    );
  });

  it('reports a failure inside render() at the call, no longer as undefined', () => {
    const error = failure(() => renderTemplate('x {{ render(a) ?? "d" }}', { a: '{{ zz }}' }));
    assert.ok(!(error instanceof PebbleUndefinedError));
    assert.equal(error.message, 'Unable to find `zz` used in the expression `{{ zz }}` at line 1');
    assert.deepEqual(error.span, [5, 14]);
  });

  it('strips raw-looking tags from the final output, as Kestra does', () => {
    assert.equal(renderTemplate('{{ v }}', { v: '{% raw %}a{% endraw %}' }), 'a');
  });

  it('reads undefined values as null and keeps Doubles', () => {
    assert.equal(renderTemplate('[{{ u }}]{{ d }}', { u: undefined, d: new PebbleDouble(2) }), '[]2.0');
  });

  it('reports syntax errors as PebbleErrors of kind syntax with their span', () => {
    const error = failure(() => renderTemplate('ok {{ a | }}', vars));
    assert.equal(error.kind, 'syntax');
    assert.deepEqual(error.span, [9, 10]);
    assert.equal(error.message, 'Expected a filter name after "|", found "}}". (ok {{ a | }}:1)');
  });
});

describe('renderTyped', () => {
  it('returns the value of a lone expression', () => {
    assert.equal(renderTyped('{{ a }}', vars), 1);
    assert.equal(renderTyped('{{ a == 1 }}', vars), true);
    assert.deepEqual(renderTyped('{{ l }}', vars), [1, 2]);
    assert.equal(renderTyped('{{ n }}', vars), null);
    assert.equal(renderTyped('plain text', vars), 'plain text');
  });

  it('appends text after a string value but fails on other mixes, as Kestra', () => {
    assert.equal(renderTyped('{{ s }}-y', vars), 'x-y');
    assert.equal(
      failure(() => renderTyped('x{{ a }}', vars)).message,
      'Tried to add java.lang.Long to java.lang.String (x{{ a }}:1)',
    );
    assert.equal(
      failure(() => renderTyped('{{ a }}x', vars)).message,
      'Tried to add java.lang.Character to java.lang.Long ({{ a }}x:1)',
    );
    assert.equal(
      failure(() => renderTyped('{{ s }}{{ s }}', vars)).message,
      'Tried to add java.lang.String to java.lang.String ({{ s }}{{ s }}:1)',
    );
  });
});

describe('evaluateExpression', () => {
  it('evaluates the inside of {{ }} to a value', () => {
    assert.deepEqual(evaluateExpression('m', vars), { k: 'v' });
    assert.equal(evaluateExpression('l[1] + a', vars), 3);
  });

  it('accepts a whole {{ expression }} too', () => {
    assert.deepEqual(evaluateExpression(' {{ l }} ', vars), [1, 2]);
  });

  it('reports errors with spans relative to the expression', () => {
    const syntax = failure(() => evaluateExpression('a +', vars));
    assert.equal(syntax.kind, 'syntax');
    assert.deepEqual(syntax.span, [3, 3]);
    const undefinedName = failure(() => evaluateExpression('zz', vars));
    assert.ok(undefinedName instanceof PebbleUndefinedError);
    assert.equal(undefinedName.message, 'Unable to find `zz` used in the expression `{{ zz }}` at line 1');
    assert.deepEqual(undefinedName.span, [0, 2]);
  });
});

describe('renderValue', () => {
  it('renders strings inside maps and lists, keys included, first duplicate key winning', () => {
    assert.deepEqual(
      renderValue({ '{{ s }}': '{{ a }}', list: ['{{ s }}', 3, true], '{{ "list" }}': 'dup' }, vars),
      {
        x: '1',
        list: ['x', 3, true],
      },
    );
  });
});

describe('isTruthy', () => {
  it('is false only for null, "false", "0", "-0" and ""', () => {
    assert.deepEqual(
      [null, undefined, 'false', '0', '-0', '', 'False', ' false', 'true', 'no', '0.0'].map(isTruthy),
      [false, false, false, false, false, false, true, true, true, true, true],
    );
  });
});
