// The extension in a real VS Code: activation, diagnostics on flows only, completion through the
// language client, Run Flow on the HTTP guide's GET flow and on a flow with inputs, the error gate,
// and the last-run hover. Every wait is on an event (diagnostics, run end), never a fixed sleep.
import assert from 'node:assert/strict';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { KestraFlowApi } from '../../client/src/test-api';
import { startDummyServer, type DummyServer } from '../engine/support/dummy-server';
import { WORKSPACE_FILES, writeFixtures } from '../e2e/harness/workspace';

const EXTENSION_ID = 'kestra-flow-tools.kestra-flow-tools';

function fileUri(key: keyof typeof WORKSPACE_FILES): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, WORKSPACE_FILES[key]);
}

/** Resolves with the document's diagnostics once `accept` likes them. */
function diagnosticsOf(
  uri: vscode.Uri,
  accept: (list: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve) => {
    const check = () => {
      const list = vscode.languages.getDiagnostics(uri);
      if (!accept(list)) return false;
      subscription.dispose();
      resolve(list);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    check();
  });
}

export function addSuite(root: Mocha.Suite): void {
  const suite = Mocha.Suite.create(root, 'Kestra Flow Tools in VS Code');
  let api: KestraFlowApi;
  let server: DummyServer;
  const test = (title: string, fn: () => Promise<void>) => suite.addTest(new Mocha.Test(title, fn));

  suite.beforeAll('start the loopback server and write the workspace', async () => {
    server = await startDummyServer();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'open a workspace folder for the tests');
    const extension = vscode.extensions.getExtension<KestraFlowApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    writeFixtures(folder.uri.fsPath, server.port, extension.extensionPath);
  });
  suite.afterAll('stop the loopback server', async () => {
    await server?.close();
  });

  test('activates on YAML and starts the language client', async () => {
    await vscode.workspace.openTextDocument(fileUri('get'));
    const extension = vscode.extensions.getExtension<KestraFlowApi>(EXTENSION_ID);
    assert.ok(extension);
    api = await extension.activate();
    await api.ready;
    const ms = api.activationMs();
    assert.equal(typeof ms, 'number');
    const times = api.startupTimes();
    assert.ok(times.bundleStart <= times.bundleEnd && times.bundleEnd <= times.activateStart);
    assert.ok(times.activateStart <= times.activateEnd && times.activateEnd <= (times.serverReady ?? NaN));
    const load = (times.bundleEnd - times.bundleStart).toFixed(1);
    const call = (times.activateEnd - times.activateStart).toFixed(1);
    console.log(`      activation: bundle evaluated in ${load} ms, activate() returned in ${call} ms;`);
    console.log(`      language client ready ${ms} ms after activate() started`);
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['kestraFlow.run', 'kestraFlow.signIn', 'kestraFlow.signOut'])
      assert.ok(commands.includes(command), command);
  });

  test('publishes diagnostics for a broken flow and none for a GitHub workflow', async () => {
    const workflow = await vscode.workspace.openTextDocument(fileUri('workflow'));
    await vscode.window.showTextDocument(workflow);
    const broken = await vscode.workspace.openTextDocument(fileUri('broken'));
    await vscode.window.showTextDocument(broken);
    const list = await diagnosticsOf(broken.uri, (diagnostics) => diagnostics.length > 0);
    const error = list.find((d) => d.code === 'unknown-task-type');
    assert.ok(error, JSON.stringify(list));
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(error.range.start.line, 5);
    // The server handles documents in order: the workflow, opened first, got nothing.
    assert.deepEqual(vscode.languages.getDiagnostics(workflow.uri), []);
  });

  test('completes task types after `type: `', async () => {
    const scratch = await vscode.workspace.openTextDocument(fileUri('scratch'));
    const line = scratch.lineAt(5);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      scratch.uri,
      line.range.end,
    );
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(
      labels.includes('io.kestra.plugin.core.http.Request'),
      `got ${labels.length} items: ${labels.slice(0, 10).join(', ')}`,
    );
  });

  test('Run Flow runs the GET flow to SUCCESS with its outputs and logs', async () => {
    const uri = fileUri('get');
    await vscode.window.showTextDocument(uri);
    const state = await vscode.commands.executeCommand<KestraFlowApiState>('kestraFlow.run', uri);
    assert.ok(state, 'the run started');
    assert.equal(state.state, 'SUCCESS', state.error);
    assert.equal(state.flowId, 'http_get_request_example');
    const sendData = state.outputs?.send_data as Record<string, unknown>;
    assert.equal(sendData.code, 200);
    assert.ok(
      state.logs.some((line) => line.taskId === 'print_status' && line.message.includes('Essence Mascara')),
    );
    assert.equal(api.lastRun(uri)?.state, 'SUCCESS');
    await api.panelReady(uri);
  });

  test('hovering an expression after the run shows its value in that run', async () => {
    const document = await vscode.workspace.openTextDocument(fileUri('get'));
    const offset = document.getText().indexOf('outputs.send_data.body');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      document.positionAt(offset),
    );
    const text = hovers
      .flatMap((hover) =>
        hover.contents.map((content) => (typeof content === 'string' ? content : content.value)),
      )
      .join('\n');
    assert.match(text, /last run, .*SUCCESS/);
    assert.match(text, /Essence Mascara Lash Princess/);
  });

  test('Run Flow with inputs passes them typed to the engine', async () => {
    const uri = fileUri('inputs');
    const state = await vscode.commands.executeCommand<KestraFlowApiState>('kestraFlow.run', uri, {
      inputs: { product_id: '2', channel: 'slack', dry_run: true },
    });
    assert.ok(state);
    assert.equal(state.state, 'SUCCESS', state.error);
    assert.deepEqual(state.inputs, { product_id: 2, reason: 'cleanup', dry_run: true, channel: 'slack' });
    assert.ok(
      state.logs.some((line) => line.message.startsWith('slack dry_run=true reason=cleanup {"id":2')),
      JSON.stringify(state.logs),
    );
  });

  test('Run Flow passes every input type, FILE as a path and SECRET through a file', async () => {
    const uri = fileUri('allInputs');
    const upload = vscode.Uri.joinPath(uri, '..', 'upload.txt');
    await vscode.workspace.fs.writeFile(upload, Buffer.from('hello from a file\n'));
    const inputs = {
      name: 'Ann',
      tags: ['b', 'c'],
      password: 's3cret',
      upload: upload.fsPath,
      enabled: false,
    };
    const state = await vscode.commands.executeCommand<KestraFlowApiState>('kestraFlow.run', uri, { inputs });
    assert.ok(state);
    assert.equal(state.state, 'SUCCESS', state.error);
    const messages = state.logs.map((line) => line.message);
    assert.deepEqual(messages, ['Ann 2 ["b","c"] 3 fast [1,2] 300.0', 'hello from a file\n']);
    assert.equal(state.inputs.enabled, false);
    assert.equal(state.inputs.password, '******');
    assert.match(
      String(state.inputs.upload),
      /^kestra:\/\/\/example\/all-inputs\/executions\/.+\/upload\.txt$/,
    );
  });

  test('Run Flow refuses a flow with errors', async () => {
    const uri = fileUri('broken');
    await diagnosticsOf(uri, (list) => list.length > 0);
    const state = await vscode.commands.executeCommand<KestraFlowApiState | undefined>('kestraFlow.run', uri);
    assert.equal(state, undefined);
    assert.equal(api.lastRun(uri), undefined);
  });
}

type KestraFlowApiState = NonNullable<ReturnType<KestraFlowApi['lastRun']>>;
