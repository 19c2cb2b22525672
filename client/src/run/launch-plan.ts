// The `kestra-flow run` command for a flow file and its inputs: arguments, working directory and the
// extra environment. Credentials of a server run go only into the environment (never the arguments,
// which the output channel shows and other local processes can read), and are read only for a server
// run. Pure: the credential store, the temporary-file writer and the folder come in as parameters.
import type { InputDefinition } from '../../../server/src/engine/inputs/input-definition';
import type { FormValues } from '../../webview/protocol';
import { checkServerUrl } from '../server-url';
import type { RunSettings } from '../settings';
import { inputArgs, type WriteTempFile } from './input-args';

export interface LaunchCommand {
  args: string[];
  cwd: string;
  env: Record<string, string>;
}

export type LaunchCommandResult =
  { ok: true; command: LaunchCommand } | { ok: false; message: string; openSettings?: boolean };

export interface LaunchRequest {
  filePath: string;
  inputs: readonly InputDefinition[];
  values: FormValues;
  settings: RunSettings;
  /** The working directory (the workspace folder: the embedded engine keeps .kestra-flow/ there). */
  cwd: string;
  /** The credential variables for a server (`CredentialStore.environment`). */
  credentials(serverUrl: string): Promise<Record<string, string>>;
  writeTempFile: WriteTempFile;
}

export async function launchCommand(request: LaunchRequest): Promise<LaunchCommandResult> {
  const { settings } = request;
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
    const problem = checkServerUrl(settings.serverUrl);
    if (problem) return { ok: false, message: `kestraFlow.server.url: ${problem}`, openSettings: true };
    serverArgs.push('--server', settings.serverUrl);
    if (settings.tenant) serverArgs.push('--tenant', settings.tenant);
    env = await request.credentials(settings.serverUrl);
  }
  return {
    ok: true,
    command: {
      args: [
        request.filePath,
        ...inputArgs(request.inputs, request.values, request.writeTempFile),
        ...serverArgs,
      ],
      cwd: request.cwd,
      env,
    },
  };
}
