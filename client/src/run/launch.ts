// Plans a run of a flow file in VS Code: the command (launch-plan.ts) with the workspace folder as
// working directory, the signed-in credentials of the server, and private temporary files for long or
// secret values, removed when the run ends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { InputDefinition } from '../../../server/src/engine/inputs/input-definition';
import type { FormValues } from '../../webview/protocol';
import type { CredentialStore } from '../credentials';
import type { RunSettings } from '../settings';
import { launchCommand, type LaunchCommand } from './launch-plan';

export interface LaunchPlan extends LaunchCommand {
  /** Removes the temporary files (call when the process ended). */
  cleanup(): void;
}

export type LaunchResult =
  { ok: true; plan: LaunchPlan } | { ok: false; message: string; openSettings?: boolean };

export async function planLaunch(
  uri: vscode.Uri,
  inputs: readonly InputDefinition[],
  values: FormValues,
  settings: RunSettings,
  credentials: CredentialStore,
): Promise<LaunchResult> {
  let tempDir: string | undefined;
  const cleanup = () => {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const result = await launchCommand({
    filePath: uri.fsPath,
    inputs,
    values,
    settings,
    cwd: folder ? folder.uri.fsPath : dirname(uri.fsPath),
    credentials: (serverUrl) => credentials.environment(serverUrl),
    writeTempFile: (text) => {
      tempDir ??= mkdtempSync(join(tmpdir(), 'kestra-flow-inputs-'));
      const path = join(tempDir, `value-${Math.random().toString(36).slice(2)}`);
      writeFileSync(path, text, { mode: 0o600 });
      return path;
    },
  });
  if (!result.ok) {
    cleanup();
    return result;
  }
  return { ok: true, plan: { ...result.command, cleanup } };
}
