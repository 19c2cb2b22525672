import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callFunction, errorOf, makeContext } from '../lib/registry-test-kit';

const variables = {
  first: '1',
  second: '{{first}}',
  third: '{{second}}',
  map: { third: '{{third}}' },
  list: ['{{third}}'],
};

describe('render', () => {
  const ctx = makeContext({ variables });

  it('renders until the text is stable by default', () => {
    assert.equal(callFunction('render', { toRender: '{{third}}' }, ctx), '1');
    assert.equal(callFunction('render', { toRender: variables.third, recursive: false }, ctx), '{{first}}');
  });

  it('renders maps (keys once, values fully) and lists', () => {
    assert.deepEqual(callFunction('render', { toRender: variables.map }, ctx), { third: '1' });
    assert.deepEqual(callFunction('render', { toRender: variables.map, recursive: false }, ctx), {
      third: '{{second}}',
    });
    assert.deepEqual(callFunction('render', { toRender: variables.list }, ctx), ['1']);
    assert.deepEqual(callFunction('render', { toRender: { '{{first}}': 'v' } }, ctx), { '1': 'v' });
  });

  it('returns other values unchanged', () => {
    assert.equal(callFunction('render', { toRender: 42 }, ctx), 42);
    assert.equal(callFunction('render', { toRender: true }, ctx), true);
    assert.equal(callFunction('render', { toRender: null }, ctx), null);
    assert.equal(callFunction('render', { toRender: 'no braces' }, ctx), 'no braces');
  });

  it('keeps raw blocks through every pass and drops their tags at the end', () => {
    assert.equal(
      callFunction('render', { toRender: '{% raw %}{{first}}{% endraw %} {{second}}' }, ctx),
      '{{first}} 1',
    );
  });

  it('stops after 100 passes', () => {
    const loop = makeContext({ variables: { first: '{{second}}', second: '{{first}}' } });
    assert.equal(
      errorOf(() => callFunction('render', { toRender: '{{first}}' }, loop)),
      'Too many rendering attempts',
    );
  });

  it('checks its recursive argument', () => {
    assert.equal(
      errorOf(() => callFunction('render', { toRender: 'x', recursive: 'yes' }, ctx)),
      "The 'render' function expects an optional argument 'recursive' with type boolean.",
    );
  });
});

describe('renderOnce', () => {
  it('renders one pass only', () => {
    const ctx = makeContext({
      variables: { input: '{{someOtherVar}}', someOtherVar: '{{yetAnotherVar}}', yetAnotherVar: 'test' },
    });
    assert.equal(callFunction('renderOnce', { toRender: '{{someOtherVar}}' }, ctx), '{{yetAnotherVar}}');
    assert.equal(callFunction('renderOnce', { toRender: 'test' }, ctx), 'test');
  });
});
