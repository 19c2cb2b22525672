import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PebbleError } from './errors';
import { renderTemplate } from './render';

function limitError(template: string, variables: Record<string, unknown> = {}, limits = {}): string {
  try {
    renderTemplate(template, variables, { limits });
  } catch (error) {
    assert.ok(error instanceof PebbleError);
    assert.equal(error.kind, 'limit');
    return error.message;
  }
  assert.fail('expected the render to stop');
}

const STEPS =
  'Rendering stopped: the template needs more than 1000000 evaluation steps (a loop or range too large?).';

describe('render limits', () => {
  it('stops a huge range before building it', () => {
    assert.equal(limitError('{% for i in range(0, 100000000) %}{% endfor %}'), STEPS);
    assert.equal(limitError('{% for i in 0..100000000 %}{{ i }}{% endfor %}'), STEPS);
  });

  it('stops nested loops at the step budget', () => {
    const list = Array.from({ length: 2000 }, (_, i) => i);
    assert.equal(limitError('{% for i in l %}{% for j in l %}{% endfor %}{% endfor %}', { l: list }), STEPS);
  });

  it('stops infinite macro recursion at the depth limit', () => {
    assert.equal(
      limitError('{% macro r(n) %}{{ r(n) }}{% endmacro %}{{ r(1) }}'),
      'Rendering stopped: macro calls nested more than 100 levels deep (infinite recursion?).',
    );
  });

  it('stops output and strings beyond the size limit', () => {
    assert.equal(
      limitError('{{ s }}{{ s }}', { s: 'abcdef' }, { maxOutput: 10 }),
      'Rendering stopped: the output exceeds 10 characters.',
    );
    assert.equal(
      limitError('{% set s = "xxxxxxxxxx" %}{% for i in l %}{% set s = s ~ s %}{% endfor %}', {
        l: Array.from({ length: 30 }, (_, i) => i),
      }),
      'Rendering stopped: the output exceeds 52428800 characters.',
    );
  });

  it('honours custom limits', () => {
    assert.equal(
      limitError('{% for i in l %}{% endfor %}', { l: [1, 2, 3, 4, 5] }, { maxSteps: 5 }),
      'Rendering stopped: the template needs more than 5 evaluation steps (a loop or range too large?).',
    );
  });
});
