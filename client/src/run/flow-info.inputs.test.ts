import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFlowInfo } from './flow-info';

describe('readFlowInfo', () => {
  it('reads id, namespace and the declared inputs (unreadable ones left out)', () => {
    const result = readFlowInfo(`id: demo
namespace: company.team
inputs:
  - id: name
    type: STRING
    defaults: World
    displayName: Your name
  - id: broken
    type: NOPE
  - name: legacy
    type: INT
tasks:
  - id: t
    type: io.kestra.plugin.core.log.Log
    message: hi
`);
    assert.ok(result.ok);
    assert.equal(result.ok && result.flow.id, 'demo');
    assert.equal(result.ok && result.flow.namespace, 'company.team');
    assert.deepEqual(result.ok && result.flow.inputs, [
      { id: 'name', type: 'STRING', required: true, defaults: 'World', displayName: 'Your name' },
      { id: 'legacy', type: 'INT', required: true },
    ]);
  });

  it('refuses YAML that is not a flow, and a flow without id or namespace', () => {
    assert.deepEqual(readFlowInfo('name: CI\non: push\njobs: {}\n'), {
      ok: false,
      message: 'This YAML is not a Kestra flow (it needs top-level `id`, `namespace` and `tasks`).',
    });
    assert.deepEqual(readFlowInfo('id: x\ntasks: []\n'), {
      ok: false,
      message: 'The flow needs a top-level `id` and `namespace` to run.',
    });
  });
});
