// One execution being prepared and run, with what it shares with its Subflow children (state
// folder, KV store, secret masker, flow lookup): inputs resolution, storage, services, the runner.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { PebbleMap } from '../expr/values';
import { initJq } from '../expr/lib/jq';
import type { RunEvent } from './events';
import type { FlowDef } from './flow/flow-definition';
import type { FlowFinder } from './flow/flow-finder';
import { loadFlow, type LoadFlowResult } from './flow/load-flow';
import { newId } from './ids';
import { nestInputs, resolveInputs } from './inputs/resolve-inputs';
import { newExecution, type Execution, type ExecutionTrigger } from './run/execution';
import { ExecutionRunner } from './run/executor';
import { TaskFailure } from './run/handlers';
import type { KvStore } from './run/kv-store';
import type { SecretMasker } from './run/log-masking';
import { RunLogger } from './run/run-logger';
import { createServices } from './run/services';
import { executionPrefix, RunStorage } from './run/storage';
import type { Confirm, SubflowRequest, SubflowResult } from './run/task-context';
import type { TemplateEngine } from './run/template';
import { isTerminated } from './state';
import { TASK_HANDLERS } from './tasks';

export interface InputError {
  id: string;
  message: string;
}

/** What a run needs from its caller (a subset of RunFlowOptions). */
export interface SessionOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  onEvent: (event: RunEvent) => void;
  signal?: AbortSignal;
  confirm?: Confirm;
  now?: () => Date;
}

const MAX_SUBFLOW_DEPTH = 10;

/** Shared by an execution and its Subflow children. */
export interface Session {
  options: SessionOptions;
  templates: TemplateEngine;
  stateDir: string;
  kv: KvStore;
  masker: SecretMasker;
  finder?: FlowFinder;
  /** Children started with `wait: false`, awaited before the run returns. */
  detached: Set<Promise<unknown>>;
  /** Subflows loaded (and validated) so far, by file, with the text they were read from. */
  subflows: Map<string, { text: string; loaded: LoadFlowResult }>;
}

/** jq runs on WebAssembly that loads asynchronously: load it before a flow that uses it renders. */
export async function prepareJq(text: string): Promise<void> {
  if (!/\bjq\b/.test(text)) return;
  try {
    await initJq();
  } catch {
    // The jq filter then fails with its own explanation when used.
  }
}

export function prepareExecution(
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
    ? [
        executionPrefix(
          String(trigger.variables.namespace),
          String(trigger.variables.flowId),
          String(trigger.variables.executionId),
        ),
      ]
    : [];
  const storage = new RunStorage(storageRoot, flow.namespace, flow.id, executionId, parentPrefix);
  const services = createServices({
    env: options.env,
    kv: session.kv,
    storage,
    masker: session.masker,
    now: options.now,
  });
  const inputs = resolveInputs(flow.inputs, provided, {
    renderTyped: (expression, scope) =>
      templates.renderTyped(
        expression,
        { inputs: scope, flow: { id: flow.id, namespace: flow.namespace }, execution: { id: executionId } },
        services,
      ),
    uploadFile: (input, path) => storage.putInputFile(input.id, resolve(options.cwd, path), input.extension),
  });
  const errors = inputs
    .filter((input) => input.enabled && input.error)
    .map((input) => ({ id: input.definition.id, message: input.error as string }));
  if (errors.length > 0) return { errors };
  for (const input of inputs) {
    if (input.definition.type === 'SECRET' && typeof input.value === 'string')
      session.masker.add(input.value);
  }
  const values = new Map(
    inputs.filter((input) => input.enabled).map((input) => [input.definition.id, input.value]),
  );
  let nested: PebbleMap;
  try {
    nested = nestInputs(values);
  } catch (error) {
    return { errors: [{ id: '', message: (error as Error).message }] };
  }
  const now = options.now ?? (() => new Date());
  const labels = [...flow.labels.filter((label) => !label.key.startsWith('system.')), ...extraLabels];
  labels.push({ key: 'system.correlationId', value: executionId });
  const execution = newExecution(
    {
      id: executionId,
      namespace: flow.namespace,
      flowId: flow.id,
      inputs: nested,
      labels,
      flowRevision: flow.revision,
      trigger,
    },
    now(),
  );
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

async function runSubflow(
  session: Session,
  request: SubflowRequest,
  signal: AbortSignal,
  parent: Execution,
  depth: number,
): Promise<SubflowResult> {
  const name = `${request.namespace}.${request.flowId}`;
  if (depth > MAX_SUBFLOW_DEPTH)
    throw new TaskFailure(`Subflow ${name}: too many nested subflows (more than ${MAX_SUBFLOW_DEPTH})`);
  const path = session.finder?.find(request.namespace, request.flowId);
  if (!path) {
    const where = session.finder ? ` in ${session.finder.searchedRoot} and its subfolders` : '';
    throw new TaskFailure(
      `Subflow ${name} not found: no flow with namespace '${request.namespace}' and id '${request.flowId}'${where}`,
    );
  }
  const text = readFileSync(path, 'utf8');
  await prepareJq(text);
  // A Subflow task in a loop calls the same file again and again: load and validate it once.
  const cached = session.subflows.get(path);
  const loaded = cached?.text === text ? cached.loaded : loadFlow(text, path);
  session.subflows.set(path, { text, loaded });
  if (!loaded.ok) {
    const first = loaded.problems[0];
    throw new TaskFailure(
      `Subflow ${name} (${path}) is invalid: line ${first.position.line + 1}: ${first.message}`,
    );
  }
  if (loaded.flow.disabled) throw new TaskFailure(`Subflow ${name} is disabled`);
  const trigger: ExecutionTrigger = {
    id: request.parentTask.id,
    type: request.parentTask.declaredType,
    variables: {
      executionId: parent.id,
      namespace: parent.namespace,
      flowId: parent.flowId,
      ...(parent.flowRevision !== undefined ? { flowRevision: parent.flowRevision } : {}),
    },
  };
  // Child logs appear under the Subflow task run, prefixed with the child flow.
  const forward = (event: RunEvent) => {
    if (event.event !== 'log') return;
    session.options.onEvent({
      ...event,
      message: `[${name}] ${event.message}`,
      taskRunId: request.parentTaskRun.id,
      taskId: request.parentTaskRun.taskId,
    });
  };
  const childSession: Session = { ...session, options: { ...session.options, signal } };
  const prepared = prepareExecution(
    childSession,
    loaded.flow,
    request.inputs,
    forward,
    depth,
    trigger,
    request.labels,
  );
  if ('errors' in prepared)
    throw new TaskFailure(`Subflow ${name}: ${prepared.errors.map((e) => e.message).join('; ')}`);
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
