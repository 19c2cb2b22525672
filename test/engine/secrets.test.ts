// Secrets: `secret('NAME')` reads $SECRET_NAME (base64) and every secret value — function results and
// SECRET inputs — is masked in the logs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runText } from './support/run-flow';

const FLOW = `id: secrets
namespace: company.team
inputs:
  - id: password
    type: SECRET
tasks:
  - id: show
    type: io.kestra.plugin.core.log.Log
    message:
      - "token={{ secret('API_TOKEN') }}"
      - "password={{ inputs.password }}"
      - "length={{ secret('API_TOKEN') | length }}"
  - id: missing
    type: io.kestra.plugin.core.log.Log
    message: "{{ secret('NOPE') }}"
`;

describe('secrets', () => {
  it('masks secret values in logs and fails clearly on a missing secret', async () => {
    const run = await runText(FLOW, {
      inputs: { password: 'hunter2-hunter2' },
      env: { SECRET_API_TOKEN: Buffer.from('supersecretvalue').toString('base64') },
    });
    assert.deepEqual(run.logs('show'), ['token=**masked********', 'password=**masked*******', 'length=16']);
    assert.equal(run.stateOf('missing'), 'FAILED');
    assert.match(run.endedRuns('missing')[0].error ?? '', /Cannot find secret for key 'NOPE'\./);
    const started = run.events[0];
    assert.ok(started.event === 'execution.started');
    // SECRET inputs never appear in clear in the event stream.
    assert.deepEqual(started.inputs, { password: '**masked*******' });
  });
});
