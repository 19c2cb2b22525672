// The embedded engine's entry point: load and check a flow, resolve its inputs, run one execution
// (and Subflow children) and report everything as run events (events.ts).
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { toJsonMap, type JsonMap, type JsonValue, type RunEvent } from './events';
import { FlowFinder } from './flow/flow-finder';
import { loadFlow, type FlowProblem, type LoadFlowResult } from './flow/load-flow';
import type { Execution } from './run/execution';
import type { ExecutionRunner } from './run/executor';
import { KvStore } from './run/kv-store';
import { SecretMasker } from './run/log-masking';
import { pebbleTemplates } from './run/pebble-engine';
import { runIndex } from './run/task-run-index';
import type { Confirm } from './run/task-context';
import type { TemplateEngine } from './run/template';
import { prepareExecution, prepareJq, type InputError, type Session } from './session';
import { abortableDelay } from './tasks/sleep';

export type { InputError } from './session';

export interface RunFlowOptions {
  /** Flow YAML text. */
  text: string;
  /** The file it came from: Subflows are looked up in its folder tree. */
  filePath?: string;
  /** Raw input values by id (text as typed in Kestra's form, or typed values). */
  inputs?: Record<string, unknown>;
  cwd: string;
  env: NodeJS.ProcessEnv;
  onEvent: (event: RunEvent) => void;
  /** Aborting kills the execution (state KILLED). */
  signal?: AbortSignal;
  /** Asks a yes/no question on a terminal (Pause without delay); absent when none is attached. */
  confirm?: Confirm;
  templates?: TemplateEngine;
  now?: () => Date;
  /** `loadFlow(text, filePath)` when the caller has already done it (the CLI reads input types first). */
  loaded?: LoadFlowResult;
}

export type RunFlowResult =
  | { status: 'invalid-flow'; problems: FlowProblem[] }
  | { status: 'invalid-inputs'; errors: InputError[] }
  | { status: 'ran'; execution: Execution };

/** `KESTRA_FLOW_STATE_DIR`, else `.kestra-flow/` in the working directory. */
export function stateDirectory(cwd: string, env: NodeJS.ProcessEnv): string {
  const configured = env.KESTRA_FLOW_STATE_DIR;
  if (configured) return isAbsolute(configured) ? configured : resolve(cwd, configured);
  return join(cwd, '.kestra-flow');
}

export async function runFlow(options: RunFlowOptions): Promise<RunFlowResult> {
  const loaded = options.loaded ?? loadFlow(options.text, options.filePath);
  if (!loaded.ok) return { status: 'invalid-flow', problems: loaded.problems };
  const flow = loaded.flow;
  if (flow.disabled) {
    return {
      status: 'invalid-flow',
      problems: [
        {
          position: { line: 0, character: 0 },
          code: 'flow-disabled',
          message: 'This flow is disabled (`disabled: true`): a disabled flow cannot be executed.',
        },
      ],
    };
  }
  await prepareJq(options.text);
  const stateDir = stateDirectory(options.cwd, options.env);
  const session: Session = {
    options,
    templates: options.templates ?? pebbleTemplates,
    stateDir,
    kv: new KvStore(join(stateDir, 'kv'), options.now),
    masker: new SecretMasker(),
    finder: options.filePath ? new FlowFinder(dirname(resolve(options.cwd, options.filePath))) : undefined,
    detached: new Set(),
    subflows: new Map(),
  };
  const emit = options.onEvent;
  let attemptNumber = 1;
  let originalCreatedDate: string | undefined;
  for (;;) {
    const prepared = prepareExecution(session, flow, options.inputs ?? {}, emit, 0);
    if ('errors' in prepared) return { status: 'invalid-inputs', errors: prepared.errors };
    const { runner, execution } = prepared;
    const now = (options.now ?? (() => new Date()))();
    execution.metadata = { attemptNumber, originalCreatedDate: originalCreatedDate ?? now.toISOString() };
    originalCreatedDate = execution.metadata.originalCreatedDate;
    await runAndReport(runner, emit, session.masker, loaded.warnings);
    await Promise.all([...session.detached]);
    const retryAt = runner.newExecutionAt;
    if (execution.state.current !== 'RETRIED' || retryAt === undefined || options.signal?.aborted)
      return { status: 'ran', execution };
    try {
      await abortableDelay(Math.max(0, retryAt - Date.now()), options.signal ?? new AbortController().signal);
    } catch {
      return { status: 'ran', execution };
    }
    attemptNumber++;
  }
}

/** String values with secrets masked (SECRET inputs are never shown in clear). */
function maskStrings(value: JsonValue, masker: SecretMasker): JsonValue {
  if (typeof value === 'string') return masker.mask(value);
  if (Array.isArray(value)) return value.map((item) => maskStrings(item, masker));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskStrings(item, masker)]));
  }
  return value;
}

/** Emits `execution.started`, runs, emits `execution.ended`. */
async function runAndReport(
  runner: ExecutionRunner,
  emit: (event: RunEvent) => void,
  masker: SecretMasker,
  warnings: FlowProblem[],
): Promise<void> {
  const execution = runner.execution;
  emit({
    event: 'execution.started',
    time: runner.now().toISOString(),
    executionId: execution.id,
    namespace: execution.namespace,
    flowId: execution.flowId,
    inputs: maskStrings(toJsonMap(execution.inputs), masker) as JsonMap,
  });
  for (const warning of warnings) {
    const where = `line ${warning.position.line + 1}`;
    runner.log(
      undefined,
      undefined,
      'WARN',
      `${where}: ${warning.message} (${warning.code}; Kestra meets this when rendering)`,
    );
  }
  if (runner.flow.hasListeners) {
    const message =
      'This flow has deprecated `listeners`: the embedded engine does not run them (use `errors`).';
    runner.log(undefined, undefined, 'WARN', message);
  }
  await runner.run();
  const error = executionError(execution);
  emit({
    event: 'execution.ended',
    time: runner.now().toISOString(),
    executionId: execution.id,
    state: execution.state.current,
    outputs: toJsonMap(runner.sharedVariables().outputs, runner.jsonOutputs),
    ...(execution.outputs ? { flowOutputs: toJsonMap(execution.outputs) } : {}),
    ...(error ? { error } : {}),
  });
}

/** Why an execution did not succeed: its own error, else the first failed task's. */
export function executionError(execution: Execution): string | undefined {
  const state = execution.state.current;
  if (state !== 'FAILED' && state !== 'KILLED') return undefined;
  if (execution.error) return execution.error;
  if (state === 'KILLED') return 'The execution was killed';
  const index = runIndex(execution);
  const failed = execution.taskRuns.find(
    (run) =>
      run.state.current === 'FAILED' &&
      run.error &&
      !index.childrenOf(run.id).some((c) => c.state.current === 'FAILED'),
  );
  return failed ? `Task ${failed.taskId} failed: ${failed.error}` : undefined;
}
