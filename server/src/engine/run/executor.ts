// The executor loop (reference §9.6): create next task runs (top level and under every running
// flowable), dispatch created runs (runIf, flowables, attempts), resolve finished flowables, detect
// the end, render flow outputs. Asynchronous work (attempts, timers, subflows) posts its completion
// to an inbox; the loop sleeps until something arrives. Killing aborts every attempt and timer.
import type { EvalServices } from '../../expr/registry-types';
import {
  taskOutputsJson,
  type LogLevel,
  type RunEvent,
  type TaskRunEndedEvent,
  type TaskRunStartedEvent,
} from '../events';
import type { FlowDef, TaskDef } from '../flow/flow-definition';
import { newId } from '../ids';
import { guessFinalState, isoTime, isTerminated, newState, transition, type StateType } from '../state';
import { startAttempt } from './attempt';
import { AttemptAbort } from './attempt-abort';
import { computeFlowableOutputs, createChildNexts, resolveFlowable } from './flowable-step';
import { pauseRun, stepKilling } from './pause-and-kill';
import { markChanged, type Execution, type TaskRun } from './execution';
import { SharedVariablesCache } from './shared-variables';
import type { SharedVariables } from './variables';
import {
  currentTasks,
  listProgress,
  sequentialNexts,
  resolveTasks,
  type ResolvedTask,
} from './flowable-utils';
import { TurnClock } from './turn-clock';
import { StepTracker, TOP_LEVEL } from './step-tracker';
import { appendTaskRun, dropIndex, runIndex } from './task-run-index';
import { renderFlowOutputs } from './flow-outputs';
import type { TaskHandler } from './handlers';
import type { KvStore } from './kv-store';
import { RunLogger } from './run-logger';
import type { RunStorage } from './storage';
import {
  FlowableContext,
  type Confirm,
  type PauseRequest,
  type RunHost,
  type SubflowRequest,
  type SubflowResult,
} from './task-context';
import type { TemplateEngine } from './template';

export interface ExecutorOptions {
  flow: FlowDef;
  execution: Execution;
  handlers: ReadonlyMap<string, TaskHandler>;
  templates: TemplateEngine;
  storage: RunStorage;
  kv: KvStore;
  services: EvalServices;
  logger: RunLogger;
  stateDir: string;
  env: NodeJS.ProcessEnv;
  emit: (event: RunEvent) => void;
  signal?: AbortSignal;
  now?: () => Date;
  confirm?: Confirm;
  runSubflow?: (request: SubflowRequest, signal: AbortSignal) => Promise<SubflowResult>;
}

export class ExecutionRunner implements RunHost {
  readonly flow: FlowDef;
  readonly execution: Execution;
  readonly env: NodeJS.ProcessEnv;
  readonly templates: TemplateEngine;
  readonly storage: RunStorage;
  readonly kv: KvStore;
  readonly services: EvalServices;
  readonly stateDir: string;
  readonly handlers: ReadonlyMap<string, TaskHandler>;
  /** Definition of each task run, by run id. */
  readonly defs = new Map<string, TaskDef>();
  /** Abort controllers of attempts and subflows in flight, by run id. */
  readonly inFlight = new Map<string, { abort(reason?: unknown): void }>();
  /** Task outputs sent in events and found to be JSON already (events.ts taskOutputsJson). */
  readonly jsonOutputs = new Set<object>();
  /** Runs already announced with `taskrun.started`. */
  private readonly started = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pending = 0;
  private drained?: () => void;
  private readonly inbox: (() => void)[] = [];
  private wake?: () => void;
  private killRequested = false;
  /** Aborted when the run ends; its AbortSignal (flowables') is only made if someone asks for it. */
  private readonly controller = new AttemptAbort();
  private readonly tracker: StepTracker;
  private readonly variables: SharedVariablesCache;
  private readonly resources = new Map<string, { value: unknown; close: () => Promise<unknown> }>();
  private readonly clock = new TurnClock();

  constructor(private readonly options: ExecutorOptions) {
    this.flow = options.flow;
    this.execution = options.execution;
    this.env = options.env;
    this.templates = options.templates;
    this.storage = options.storage;
    this.kv = options.kv;
    this.services = options.services;
    this.stateDir = options.stateDir;
    this.handlers = options.handlers;
    this.variables = new SharedVariablesCache(options.execution, options.flow, options.env);
    this.tracker = new StepTracker(options.execution, {
      isFlowable: (run) => this.defs.get(run.id)?.kind === 'flowable',
      isChildDriven: (run) => {
        const handler = this.handlers.get(this.defs.get(run.id)?.type ?? '');
        return handler?.kind === 'flowable' && handler.childDriven === true;
      },
    });
  }

  now(): Date {
    return this.options.now ? this.options.now() : this.clock.now();
  }

  emit(event: RunEvent): void {
    this.options.emit(event);
  }

  log(run: TaskRun | undefined, task: TaskDef | undefined, level: LogLevel, message: string): void {
    this.options.logger.log(run, task, level, message);
  }

  /** Queues work from an async completion or a timer, and wakes the loop. */
  post(work: () => void): void {
    this.inbox.push(work);
    this.wake?.();
  }

  /** Work the run must wait for before it returns (attempts, questions): counted until it settles. */
  track<T>(promise: Promise<T>): void {
    this.beginWork();
    promise.then(this.endWork, this.endWork);
  }

  /** The same count, for work that reports its own end (an attempt: one promise less per task). */
  beginWork(): void {
    this.pending++;
  }

  readonly endWork = (): void => {
    if (--this.pending === 0) this.drained?.();
  };

  schedule(atMs: number, work: () => void): void {
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        this.post(work);
      },
      Math.max(0, atMs - this.now().getTime()),
    );
    this.timers.add(timer);
  }

  async run(): Promise<Execution> {
    const onAbort = () => this.post(() => (this.killRequested = true));
    const signal = this.options.signal;
    if (signal?.aborted) this.killRequested = true;
    signal?.addEventListener('abort', onAbort);
    try {
      while (!isTerminated(this.execution.state.current)) {
        while (this.inbox.length > 0) (this.inbox.shift() as () => void)();
        const changed = this.step();
        if (isTerminated(this.execution.state.current)) break;
        if (!changed && this.inbox.length === 0) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
        }
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      this.controller.abort();
      for (const controller of this.inFlight.values()) controller.abort(new Error('killed'));
      if (this.pending > 0) await new Promise<void>((resolve) => (this.drained = resolve));
      await Promise.all(
        [...this.resources.values()].map((resource) => resource.close().catch(() => undefined)),
      );
      this.resources.clear();
    }
    return this.execution;
  }

  executionResource<T>(key: string, create: () => { value: T; close: () => Promise<unknown> }): T {
    let resource = this.resources.get(key);
    if (!resource) {
      resource = create();
      this.resources.set(key, resource);
    }
    return resource.value as T;
  }

  private step(): boolean {
    if (this.killRequested && this.execution.state.current !== 'KILLING') {
      this.setExecutionState('KILLING');
      this.abortAll();
      return true;
    }
    if (this.execution.state.current === 'KILLING') return stepKilling(this);
    const tracker = this.tracker;
    let changed = tracker.mustAsk('nexts', TOP_LEVEL) && this.createTopLevelNexts();
    for (const run of tracker.runningFlowables()) {
      if (tracker.mustAsk('nexts', run)) changed = createChildNexts(this, run) || changed;
    }
    for (const run of tracker.dispatchable()) {
      this.dispatch(run);
      changed = true;
    }
    for (const run of tracker.runningFlowables()) {
      if (tracker.mustAsk('end', run)) changed = resolveFlowable(this, run) || changed;
    }
    return (tracker.mustAsk('end', TOP_LEVEL) && this.detectEnd()) || changed;
  }

  /** Flowable runs in RUNNING, in creation order. */
  runningFlowables(): readonly TaskRun[] {
    return this.tracker.runningFlowables();
  }

  handlerOf(def: TaskDef): TaskHandler {
    const handler = this.handlers.get(def.type);
    if (!handler) throw new Error(`No handler for task type ${def.type}`);
    return handler;
  }

  /** The only place task run states change: the run indexes and the variables follow from here. */
  setState(run: TaskRun, state: StateType): void {
    const previous = run.state.current;
    transition(run.state, state, this.now());
    markChanged(this.execution);
    if (previous === state) return;
    runIndex(this.execution).stateChanged(run, previous);
    this.tracker.track(run);
    this.variables.touch(run);
  }

  /** A run's outputs were replaced (flowables keeping state in them). */
  outputsChanged(run: TaskRun): void {
    markChanged(this.execution);
    this.variables.touch(run);
  }

  setExecutionState(state: StateType): void {
    transition(this.execution.state, state, this.now());
    markChanged(this.execution);
  }

  /** The execution-wide part of task variables, updated for the runs that changed since last asked. */
  sharedVariables(): SharedVariables {
    return this.variables.get();
  }

  createTaskRun(resolved: ResolvedTask, parent?: TaskRun): TaskRun {
    const run: TaskRun = {
      id: newId(),
      executionId: this.execution.id,
      taskId: resolved.def.id,
      attempts: [],
      state: newState('CREATED', this.now()),
    };
    if (parent) run.parentTaskRunId = parent.id;
    if (resolved.value !== undefined) run.value = resolved.value;
    if (parent?.iteration !== undefined && this.defs.get(parent.id)?.type.endsWith('.WaitFor'))
      run.iteration = parent.iteration;
    this.defs.set(run.id, resolved.def);
    appendTaskRun(this.execution, run);
    this.tracker.track(run);
    this.variables.touch(run);
    markChanged(this.execution);
    if (this.execution.state.current === 'CREATED') this.setExecutionState('RUNNING');
    return run;
  }

  announce(run: TaskRun): void {
    if (this.started.has(run.id)) return;
    this.started.add(run.id);
    const event: TaskRunStartedEvent = {
      event: 'taskrun.started',
      time: isoTime(this.now()),
      taskRunId: run.id,
      taskId: run.taskId,
    };
    if (run.parentTaskRunId) event.parentTaskRunId = run.parentTaskRunId;
    if (run.value !== undefined) event.value = run.value;
    this.emit(event);
  }

  /** Moves a run to a terminal state and emits `taskrun.ended`. */
  finish(run: TaskRun, state: StateType, error?: string): void {
    this.announce(run);
    run.outputs ??= {};
    if (error !== undefined) run.error = error;
    // Outputs may have been set just before (attempt results) without a state change yet.
    this.variables.touch(run);
    this.setState(run, state);
    const event: TaskRunEndedEvent = {
      event: 'taskrun.ended',
      time: isoTime(this.now()),
      taskRunId: run.id,
      taskId: run.taskId,
      state,
      outputs: taskOutputsJson(run.outputs, this.jsonOutputs),
    };
    if (error !== undefined) event.error = error;
    this.emit(event);
  }

  private createTopLevelNexts(): boolean {
    const tasks = resolveTasks(this.flow.tasks);
    const errors = resolveTasks(this.flow.errors);
    const current = currentTasks(this.execution, tasks, errors, undefined);
    const nexts = sequentialNexts(this.execution, current, undefined);
    for (const next of nexts) this.createTaskRun(next);
    return nexts.length > 0;
  }

  flowableContext(run: TaskRun): FlowableContext {
    return new FlowableContext(
      this,
      run,
      this.defs.get(run.id) as TaskDef,
      this.controller,
      this.execution.state.current === 'KILLING',
    );
  }

  private dispatch(run: TaskRun): void {
    const def = this.defs.get(run.id) as TaskDef;
    const handler = this.handlerOf(def);
    const firstDispatch = run.attempts.length === 0 && !this.started.has(run.id);
    if (
      firstDispatch &&
      !(handler.kind !== 'flowable' && handler.ignoresRunIf) &&
      !this.runIfAllows(run, def)
    )
      return;
    if (handler.kind === 'flowable') {
      this.setState(run, 'RUNNING');
      this.announce(run);
      const ctx = this.flowableContext(run);
      computeFlowableOutputs(this, run, handler, ctx);
      handler.onStart?.(ctx);
      return;
    }
    this.setState(run, 'RUNNING');
    this.announce(run);
    startAttempt(this, run, def, handler);
  }

  /** Evaluates `runIf`: false → SKIPPED; a rendering error → FAILED. */
  private runIfAllows(run: TaskRun, def: TaskDef): boolean {
    const runIf = def.props.runIf;
    if (runIf === undefined || runIf === null) return true;
    const ctx = this.flowableContext(run);
    try {
      const rendered = typeof runIf === 'string' ? ctx.render(runIf) : String(runIf);
      if (ctx.isTruthy(rendered)) return true;
      this.finish(run, 'SKIPPED');
    } catch (error) {
      const message = `Unable to evaluate the runIf condition for task ${def.id}`;
      this.log(run, def, 'ERROR', `${message}: ${messageOf(error)}`);
      this.finish(run, 'FAILED', `${message}: ${messageOf(error)}`);
    }
    return false;
  }

  private detectEnd(): boolean {
    const state = this.execution.state.current;
    if (state === 'PAUSED' || state === 'RETRYING' || isTerminated(state)) return false;
    const tasks = resolveTasks(this.flow.tasks);
    const current = currentTasks(this.execution, tasks, resolveTasks(this.flow.errors), undefined) ?? [];
    if (listProgress(this.execution, current, undefined).terminated !== current.length) return false;
    let final = guessFinalState(listProgress(this.execution, tasks, undefined).states);
    if (this.flow.outputs.length > 0) {
      const result = renderFlowOutputs(this.flow, this.execution, this.templates, this.services, this.env);
      if (result.ok) this.execution.outputs = result.outputs;
      else {
        this.log(undefined, undefined, 'ERROR', result.message);
        final = 'FAILED';
        this.execution.error = result.message;
      }
    }
    this.setExecutionState(final);
    return true;
  }

  /** Set when a retry policy with CREATE_NEW_EXECUTION asked for a new execution at this time. */
  newExecutionAt?: number;

  /** CREATE_NEW_EXECUTION: the run, its ancestors and the execution end RETRIED. */
  retryWithNewExecution(run: TaskRun, at: number, error: string | undefined): void {
    this.finish(run, 'RETRIED', error);
    let parentId = run.parentTaskRunId;
    while (parentId) {
      const parent = runIndex(this.execution).get(parentId);
      if (!parent) break;
      if (!isTerminated(parent.state.current)) this.finish(parent, 'RETRIED');
      parentId = parent.parentTaskRunId;
    }
    this.newExecutionAt = at;
    this.setExecutionState('RETRIED');
  }

  pause(run: TaskRun, request: PauseRequest): void {
    pauseRun(this, run, request);
  }

  /** Asks the user (Pause without delay), when a terminal is attached. */
  get confirm(): Confirm | undefined {
    return this.options.confirm;
  }

  /** Stops every attempt, subflow and question in flight, and every timer. */
  abortAll(): void {
    for (const controller of this.inFlight.values()) controller.abort(new Error('killed'));
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  removeTaskRuns(predicate: (run: TaskRun) => boolean): void {
    const kept = this.execution.taskRuns.filter((run) => !predicate(run));
    this.execution.taskRuns.splice(0, this.execution.taskRuns.length, ...kept);
    dropIndex(this.execution);
    this.tracker.removed(new Set(kept));
    this.variables.reset();
    markChanged(this.execution);
  }

  runSubflow(request: SubflowRequest, signal: AbortSignal): Promise<SubflowResult> {
    if (!this.options.runSubflow) return Promise.reject(new Error('Subflows cannot run here'));
    return this.options.runSubflow(request, signal);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
