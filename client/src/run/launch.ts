// Builds the `kestra-flow run` command for a flow file and its inputs: arguments, working directory,
// environment (credentials only for a server run) and the private temporary files for long or
// secret values, removed when the run ends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { InputDefinition } from '../../../server/src/engine/inputs/input-definition';
import type { FormValues } from '../../webview/protocol';
import type { CredentialStore } from '../credentials';
import type { RunSettings } from '../settings';
import { inputArgs } from './input-args';

export interface LaunchPlan {
  args: string[];
  cwd: string;
  env: Record<string, string>;
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
  let env: Record<string, string> = {};
  const serverArgs: string[] = [];
  if (settings.target === 'server') {
    if (!settings.serverUrl) {
      return {
        ok: false,
        message: 'kestraFlow.run.target is "server" but kestraFlow.server.url is empty.',
        openSettings: true,
      };
    }
    serverArgs.push('--server', settings.serverUrl);
    if (settings.tenant) serverArgs.push('--tenant', settings.tenant);
    env = await credentials.environment(settings.serverUrl);
  }
  let tempDir: string | undefined;
  const writeTempFile = (text: string): string => {
    tempDir ??= mkdtempSync(join(tmpdir(), 'kestra-flow-inputs-'));
    const path = join(tempDir, `value-${Math.random().toString(36).slice(2)}`);
    writeFileSync(path, text, { mode: 0o600 });
    return path;
  };
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return {
    ok: true,
    plan: {
      args: [uri.fsPath, ...inputArgs(inputs, values, writeTempFile), ...serverArgs],
      // The embedded engine keeps its state (.kestra-flow/) in the working directory.
      cwd: folder ? folder.uri.fsPath : dirname(uri.fsPath),
      env,
      cleanup: () => {
        if (tempDir) rmSync(tempDir, { recursive: true, force: true });
      },
    },
  };
}
