// `kestra-flow run FILE --server URL [--tenant T]`: runs the flow on a Kestra server through its REST
// API and reports it as the same event stream as the embedded engine (design.md A.2).
//
//   runOnServer({ flowText, flowPath, serverUrl, tenant?, inputs, env, signal?, onEvent, onNotice?, timing? })
//     → { state?, exitCode, error?, executionId?, executionUrl? }
//
// Steps: create the flow (POST; "already exists" → PUT), start an execution with multipart inputs,
// follow the execution and its logs over SSE, fetch the final execution for its outputs, then emit
// `execution.ended`. Credentials come from `env` only (KESTRA_API_TOKEN, or KESTRA_USERNAME +
// KESTRA_PASSWORD) and are never printed. Aborting `signal` before the execution exists stops with
// nothing executed; after, it kills the execution and follows it until KILLED.
//
// Exit codes: 0 SUCCESS or WARNING; 1 any other end (FAILED, KILLED…) and also when the execution
// started but its end could not be seen (connection lost, kill not confirmed): it may still be
// running, so this is a failure for scripts, but not "nothing executed"; 2 nothing executed (bad URL
// or credentials configuration, server unreachable, 401/403/404, invalid flow, invalid inputs).
// `error` is a message without the `kestra-flow run:` prefix: one line, or for 422 a first line and
// then one indented line per violation.
import type { RunEvent } from '../engine/events';
import type { StateType } from '../engine/state';
import { credentialsFromEnv } from './credentials';
import { ExecutionEventMapper } from './execution-events';
import { followExecution } from './execution-follower';
import { uploadFlow } from './flow-upload';
import { KestraClient } from './kestra-client';
import { isAbortError, RemoteError } from './remote-error';
import { inputsForm, type RemoteInput } from './remote-inputs';
import { DEFAULT_TIMING, type RemoteTiming } from './remote-timing';
import { executionLink, parseServerTarget } from './server-target';
import { startExecution } from './start-execution';

export type { RemoteInput } from './remote-inputs';
export { remoteInputsFromArgs } from './remote-inputs';

export interface RunOnServerOptions {
  flowText: string;
  /** The flow file as it should appear in messages (`FILE:LINE:COL:` of server-reported YAML errors). */
  flowPath: string;
  serverUrl: string;
  tenant?: string;
  inputs: RemoteInput[];
  env: NodeJS.ProcessEnv;
  /** Abort to cancel: kills the execution once it exists. */
  signal?: AbortSignal;
  onEvent: (event: RunEvent) => void;
  /** Progress notes for a human (stderr): execution link, reconnections, kill requests. */
  onNotice?: (message: string) => void;
  timing?: Partial<RemoteTiming>;
}

export interface RunOnServerResult {
  /** The execution's final state; absent when none was seen (nothing executed, or connection lost). */
  state?: StateType;
  exitCode: 0 | 1 | 2;
  error?: string;
  executionId?: string;
  executionUrl?: string;
}

export async function runOnServer(options: RunOnServerOptions): Promise<RunOnServerResult> {
  const notice = options.onNotice ?? (() => {});
  const timing: RemoteTiming = { ...DEFAULT_TIMING, ...options.timing };
  let client: KestraClient | undefined;
  let started: { executionId: string; executionUrl: string } | undefined;
  try {
    const target = parseServerTarget(options.serverUrl, options.tenant);
    const credentials = credentialsFromEnv(options.env);
    const form = await inputsForm(options.inputs);
    client = new KestraClient(target, credentials, timing);
    const flow = await uploadFlow(options.flowText, {
      client,
      credentials,
      shownPath: options.flowPath,
      signal: options.signal,
    });
    if (options.signal?.aborted) return cancelledBeforeStart();
    const execution = await startExecution(client, credentials, flow, form);
    const executionUrl = executionLink(
      target,
      execution.url,
      execution.namespace,
      execution.flowId,
      execution.id,
    );
    started = { executionId: execution.id, executionUrl };
    notice(
      `execution ${execution.id} of ${flow.namespace}.${flow.id} started on ${target.base}: ${executionUrl}`,
    );
    const mapper = new ExecutionEventMapper(options.onEvent);
    mapper.started(execution);
    const final = await followExecution({
      client,
      credentials,
      mapper,
      execution,
      executionUrl,
      timing,
      signal: options.signal,
      notice,
    });
    const state = final.state.current;
    return { state, exitCode: state === 'SUCCESS' || state === 'WARNING' ? 0 : 1, ...started };
  } catch (error) {
    if (error instanceof RemoteError)
      return { exitCode: started ? 1 : error.exitCode, error: error.message, ...started };
    if (isAbortError(error) && !started) return cancelledBeforeStart();
    // A bug of ours: still one line, and the execution link when there is one.
    const message = error instanceof Error ? error.message : String(error);
    return {
      exitCode: started ? 1 : 2,
      error: `unexpected failure of the remote run: ${message}`,
      ...started,
    };
  } finally {
    await client?.close();
  }
}

function cancelledBeforeStart(): RunOnServerResult {
  return { exitCode: 2, error: 'cancelled before the execution started.' };
}
