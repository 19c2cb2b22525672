// secret() in a real VS Code: the run gets SECRET_API_TOKEN from the extension host's environment
// (test:vscode gives it to code-server), and the state the panel, the hovers and the tests see holds
// the value masked, in logs and in outputs alike.
import assert from 'node:assert/strict';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { KestraFlowApi } from '../../client/src/test-api';
import { SECRET_VALUE, SECURITY_FILES, writeSecurityFixtures } from '../e2e/harness/security-workspace';

const EXTENSION_ID = 'kestra-flow-tools.kestra-flow-tools';

export function addSecretsSuite(root: Mocha.Suite): void {
  const suite = Mocha.Suite.create(root, 'Secrets in runs');
  let api: KestraFlowApi;
  let folder: vscode.Uri;

  suite.beforeAll('write the secret flow', async () => {
    const workspace = vscode.workspace.workspaceFolders?.[0];
    assert.ok(workspace, 'open a workspace folder for the tests');
    folder = workspace.uri;
    const extension = vscode.extensions.getExtension<KestraFlowApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    writeSecurityFixtures(folder.fsPath, 0, extension.extensionPath);
    api = await extension.activate();
    await api.ready;
  });

  suite.addTest(
    new Mocha.Test('secret() values are masked in the logs and outputs of the run', async () => {
      assert.ok(process.env.SECRET_API_TOKEN, 'the extension host has SECRET_API_TOKEN');
      const uri = vscode.Uri.joinPath(folder, SECURITY_FILES.secret);
      const state = await vscode.commands.executeCommand<ReturnType<KestraFlowApi['lastRun']>>(
        'kestraFlow.run',
        uri,
      );
      assert.ok(state, 'the run started');
      assert.equal(state.state, 'SUCCESS', state.error);
      assert.deepEqual(
        state.logs.map((line) => [line.taskId, line.message]),
        [
          ['log_secret', 'token=******'],
          ['keep_secret', '******'],
        ],
      );
      assert.deepEqual(state.outputs?.keep_secret, { value: '******' });
      assert.ok(!JSON.stringify(state).includes(SECRET_VALUE), 'the value is nowhere in the run state');
      assert.ok(!JSON.stringify(api.lastRun(uri)).includes(SECRET_VALUE));
    }),
  );
}
