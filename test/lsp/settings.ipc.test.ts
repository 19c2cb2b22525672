import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient } from './lsp-client';

const BUNDLED_SCHEMA = resolve(__dirname, '../../schemas/flow.schema.json');
const MISSING = resolve(__dirname, 'no-such-schema.json');

describe('language server over node IPC: schema settings', () => {
  let client: LspClient;

  before(() => {
    client = LspClient.start('ipc');
    client.settings = { schema: { file: MISSING } };
  });

  after(async () => {
    await client.stop();
  });

  it('falls back to the bundled schema with a clear message when the file cannot be used', async () => {
    const status = await client.initialize();
    assert.equal(status.source, 'bundled');
    assert.match(status.detail, /no-such-schema\.json could not be used/);
    assert.equal(client.messages.length, 1);
    assert.equal(client.messages[0].type, 1);
    assert.match(
      client.messages[0].message,
      /^Kestra: cannot use the flow schema set in kestraFlow\.schema\.file: .*no-such-schema\.json.*Using the bundled schema instead\.$/,
    );
  });

  it('switches to a schema file on a settings change and says so', async () => {
    client.settings = { schema: { file: BUNDLED_SCHEMA } };
    const next = client.nextStatus();
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const status = await next;
    assert.equal(status.source, 'file');
    assert.ok(status.detail.startsWith(`${BUNDLED_SCHEMA} (`), status.detail);
    const uri = 'file:///work/flows/ipc.yaml';
    const diagnostics = client.nextDiagnostics(uri);
    await client.open(
      uri,
      'id: ipc\nnamespace: company.team\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    mesage: hi\n',
    );
    const codes = (await diagnostics).diagnostics.map((d) => d.code);
    assert.deepEqual(codes, ['missing-property', 'unknown-property']);
  });
});
