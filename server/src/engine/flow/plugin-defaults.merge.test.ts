import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPluginDefaults, mergeMaps, readPluginDefaults } from './plugin-defaults';

describe('plugin defaults', () => {
  it('merges deeply, concatenates lists, never overrides with null', () => {
    assert.deepEqual(mergeMaps({ a: 1, m: { x: 1 }, l: [1], n: 5 }, { a: 2, m: { y: 2 }, l: [2], n: null }), {
      a: 2,
      m: { x: 1, y: 2 },
      l: [1, 2],
      n: 5,
    });
  });

  it('applies prefix matches under the task, forced ones over it (earliest forced wins)', () => {
    const defaults = readPluginDefaults(
      {
        pluginDefaults: [
          {
            type: 'io.kestra.plugin.core.http',
            values: { method: 'POST', options: { readTimeout: 'PT1M' } },
          },
          { type: 'io.kestra.plugin.core.http.Request', forced: true, values: { allowFailed: true } },
          { type: 'io.kestra.plugin.core.http.Request', forced: true, values: { allowFailed: false } },
        ],
      },
      () => undefined,
    );
    const task = {
      id: 't',
      type: 'io.kestra.plugin.core.http.Request',
      method: 'GET',
      options: { connectTimeout: 'PT1S' },
    };
    assert.deepEqual(applyPluginDefaults(task, defaults), {
      id: 't',
      type: 'io.kestra.plugin.core.http.Request',
      method: 'GET',
      options: { readTimeout: 'PT1M', connectTimeout: 'PT1S' },
      allowFailed: true,
    });
  });

  it('a default written with an alias also applies to the canonical name', () => {
    const defaults = readPluginDefaults(
      { pluginDefaults: [{ type: 'io.kestra.core.tasks.log.Log', values: { level: 'WARN' } }] },
      (type) => (type === 'io.kestra.core.tasks.log.Log' ? 'io.kestra.plugin.core.log.Log' : undefined),
    );
    assert.deepEqual(applyPluginDefaults({ type: 'io.kestra.plugin.core.log.Log' }, defaults), {
      level: 'WARN',
      type: 'io.kestra.plugin.core.log.Log',
    });
  });
});
