// The embedded engine's entry point: load and check a flow, resolve its inputs, run one execution
// (and Subflow children) and report everything as run events (events.ts).
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { PebbleMap } from '../expr/values';
import { toJsonMap, type RunEvent } from './events';
import type { FlowDef } from './flow/flow-definition';
import { FlowFinder } from './flow/flow-finder';
import { loadFlow, type FlowProblem } from './flow/load-flow';
import { newId } from './ids';
import { nestInputs, resolveInputs } from './inputs/resolve-inputs';
import { newExecution, type Execution, type ExecutionTrigger } from './run/execution';
import { ExecutionRunner } from './run/executor';
import { TaskFailure } from './run/handlers';
import { KvStore } from './run/kv-store';
import { SecretMasker } from './run/log-masking';
import { pebbleTemplates } from './run/pebble-engine';
import { RunLogger } from './run/run-logger';
import { createServices } from './run/services';
import { executionPrefix, RunStorage } from './run/storage';
import type { Confirm, SubflowRequest, SubflowResult } from './run/task-context';
import type { TemplateEngine } from './run/template';
import { outputsTree } from './run/variables';
import { isTerminated } from './state';
import { TASK_HANDLERS } from './tasks';
import { abortableDelay } from './tasks/sleep';

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
}

export interface InputError {
  id: string;
  message: string;
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

const MAX_SUBFLOW_DEPTH = 10;

/** Shared by an execution and its Subflow children. */
interface Session {
  options: RunFlowOptions;
  templates: TemplateEngine;
  stateDir: string;
  kv: KvStore;
  masker: SecretMasker;
  finder?: FlowFinder;
  /** Children started with `wait: false`, awaited before the run returns. */
  detached: Set<Promise<unknown>>;
}

export async function runFlow(options: RunFlowOptions): Promise<RunFlowResult> {
  const loaded = loadFlow(options.text, options.filePath);
  if (!loaded.ok) return { status: 'invalid-flow', problems: loaded.problems };
  const flow = loaded.flow;
  if (flow.disabled) {
    return {
      status: 'invalid-flow',
      problems: [{ position: { line: 0, character: 0 }, code: 'flow-disabled', message: 'This flow is disabled (`disabled: true`): a disabled flow cannot be executed.' }],
    };
  }
  const stateDir = stateDirectory(options.cwd, options.env);
  const session: Session = {
    options,
    templates: options.templates ?? pebbleTemplates,
    stateDir,
    kv: new KvStore(join(stateDir, 'kv'), options.now),
    masker: new SecretMasker(),
    finder: options.filePath ? new FlowFinder(dirname(resolve(options.cwd, options.filePath))) : undefined,
    detached: new Set(),
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
    await runAndReport(runner, emit);
    await Promise.all([...session.detached]);
    const retryAt = runner.newExecutionAt;
    if (execution.state.current !== 'RETRIED' || retryAt === undefined || options.signal?.aborted) return { status: 'ran', execution };
    try {
      await abortableDelay(Math.max(0, retryAt - Date.now()), options.signal ?? new AbortController().signal);
    } catch {
      return { status: 'ran', execution };
    }
    attemptNumber++;
  }
}

function prepareExecution(
  session: Session,
  flow: FlowDef,
  provided: Record<string, unknown>,
  emit: (event: RunEvent) => void,
  depth: number,
  trigger?: ExecutionTrigger,
  extraLabels: { key: string; value: string }[] = [],
): { runner: ExecutionRunner; execution: Execution } | { errors: InputError[] } {
  const { options, templates } = session;
  const executionId = newId();
  const storageRoot = join(session.stateDir, 'storage');
  const parentPrefix = trigger
    ? [executionPrefix(String(trigger.variables.namespace), String(trigger.variables.flowId), String(trigger.variables.executionId))]
    : [];
  const storage = new RunStorage(storageRoot, flow.namespace, flow.id, executionId, parentPrefix);
  const services = createServices({ env: options.env, kv: session.kv, storage, masker: session.masker, now: options.now });
  const inputs = resolveInputs(flow.inputs, provided, {
    renderTyped: (expression, scope) =>
      templates.renderTyped(expression, { inputs: scope, flow: { id: flow.id, namespace: flow.namespace }, execution: { id: executionId } }, services),
    uploadFile: (input, path) => storage.putInputFile(input.id, resolve(options.cwd, path), input.extension),
  });
  const errors = inputs.filter((input) => input.enabled && input.error).map((input) => ({ id: input.definition.id, message: input.error as string }));
  if (errors.length > 0) return { errors };
  for (const input of inputs) {
    if (input.definition.type === 'SECRET' && typeof input.value === 'string') session.masker.add(input.value);
  }
  const values = new Map(inputs.filter((input) => input.enabled).map((input) => [input.definition.id, input.value]));
  let nested: PebbleMap;
  try {
    nested = nestInputs(values);
  } catch (error) {
    return { errors: [{ id: '', message: (error as Error).message }] };
  }
  const now = options.now ?? (() => new Date());
  const labels = [...flow.labels.filter((label) => !label.key.startsWith('system.')), ...extraLabels];
  labels.push({ key: 'system.correlationId', value: executionId });
  const execution = newExecution({ id: executionId, namespace: flow.namespace, flowId: flow.id, inputs: nested, labels, flowRevision: flow.revision, trigger }, now());
  const runner = new ExecutionRunner({
    flow,
    execution,
    handlers: TASK_HANDLERS,
    templates,
    storage,
    kv: session.kv,
    services,
    logger: new RunLogger(emit, session.masker, now),
    stateDir: session.stateDir,
    env: options.env,
    emit,
    signal: options.signal,
    now: options.now,
    confirm: options.confirm,
    runSubflow: (request, signal) => runSubflow(session, request, signal, execution, depth + 1),
  });
  return { runner, execution };
}

/** Emits `execution.started`, runs, emits `execution.ended`. */
async function runAndReport(runner: ExecutionRunner, emit: (event: RunEvent) => void): Promise<void> {
  const execution = runner.execution;
  emit({
    event: 'execution.started',
    time: runner.now().toISOString(),
    executionId: execution.id,
    namespace: execution.namespace,
    flowId: execution.flowId,
    inputs: toJsonMap(execution.inputs),
  });
  await runner.run();
  const error = executionError(execution);
  emit({
    event: 'execution.ended',
    time: runner.now().toISOString(),
    executionId: execution.id,
    state: execution.state.current,
    outputs: toJsonMap(outputsTree(execution)),
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
  const failed = execution.taskRuns.find((run) => run.state.current === 'FAILED' && run.error && !execution.taskRuns.some((c) => c.parentTaskRunId === run.id && c.state.current === 'FAILED'));
  return failed ? `Task ${failed.taskId} failed: ${failed.error}` : undefined;
}

async function runSubflow(
  session: Session,
  request: SubflowRequest,
  signal: AbortSignal,
  parent: Execution,
  depth: number,
): Promise<SubflowResult> {
  const name = `${request.namespace}.${request.flowId}`;
  if (depth > MAX_SUBFLOW_DEPTH) throw new TaskFailure(`Subflow ${name}: too many nested subflows (more than ${MAX_SUBFLOW_DEPTH})`);
  const path = session.finder?.find(request.namespace, request.flowId);
  if (!path) {
    const where = session.finder ? ` in ${session.finder.searchedRoot} and its subfolders` : '';
    throw new TaskFailure(`Subflow ${name} not found: no flow with namespace '${request.namespace}' and id '${request.flowId}'${where}`);
  }
  const loaded = loadFlow(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) {
    const first = loaded.problems[0];
    throw new TaskFailure(`Subflow ${name} (${path}) is invalid: line ${first.position.line + 1}: ${first.message}`);
  }
  if (loaded.flow.disabled) throw new TaskFailure(`Subflow ${name} is disabled`);
  const trigger: ExecutionTrigger = {
    id: request.parentTask.id,
    type: request.parentTask.declaredType,
    variables: { executionId: parent.id, namespace: parent.namespace, flowId: parent.flowId, ...(parent.flowRevision !== undefined ? { flowRevision: parent.flowRevision } : {}) },
  };
  // Child logs appear under the Subflow task run, prefixed with the child flow.
  const forward = (event: RunEvent) => {
    if (event.event !== 'log') return;
    session.options.onEvent({ ...event, message: `[${name}] ${event.message}`, taskRunId: request.parentTaskRun.id, taskId: request.parentTaskRun.taskId });
  };
  const childSession: Session = { ...session, options: { ...session.options, signal } };
  const prepared = prepareExecution(childSession, loaded.flow, request.inputs, forward, depth, trigger, request.labels);
  if ('errors' in prepared) throw new TaskFailure(`Subflow ${name}: ${prepared.errors.map((e) => e.message).join('; ')}`);
  const { runner, execution } = prepared;
  const done = runner.run();
  if (!request.wait) {
    session.detached.add(done);
    return { executionId: execution.id, state: 'RUNNING', outputs: {} };
  }
  await done;
  if (!isTerminated(execution.state.current)) throw new TaskFailure(`Subflow ${name} did not finish`);
  return { executionId: execution.id, state: execution.state.current, outputs: execution.outputs ?? {} };
}
