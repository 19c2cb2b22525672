// What a task sees while it runs: its run and definition, rendering with its own variables (§6),
// a logger, internal storage, the KV store and an abort signal. Flowables also get the child-run
// helpers of the shared machinery.
import type { EventEmitter } from 'node:events';
import type { EvalServices } from '../../expr/registry-types';
import type { PebbleMap, PebbleValue } from '../../expr/values';
import type { LogLevel } from '../events';
import type { FlowDef, TaskDef } from '../flow/flow-definition';
import type { Execution, TaskRun } from './execution';
import { resolveTasks, type ResolvedTask } from './flowable-utils';
import type { TaskHandler } from './handlers';
import type { KvStore } from './kv-store';
import type { RunStorage } from './storage';
import type { TemplateEngine } from './template';
import { AttemptAbort, signalOf, type AbortSource } from './attempt-abort';
import { buildVariables, type SharedVariables } from './variables';

const NO_VARIABLES: PebbleMap = Object.freeze({}) as PebbleMap;

/** A paused run: resumed (or failed) by a timer, or by a question on the terminal. */
export interface PauseRequest {
  /** Epoch ms at which the run resumes by itself. */
  resumeAt?: number;
  /** Epoch ms at which the run fails (`timeout` without `delay`). */
  failAt?: number;
  /** Why it failed at `failAt`. */
  failMessage?: string;
  /** No timer: ask the user, or fail with this message when nobody can answer. */
  manual?: { question: string; unattendedMessage: string; declinedMessage: string };
  /** Called when the run resumes, before scheduling continues. */
  onResume?: () => void;
}

/** Answers a yes/no question on the terminal; absent when no terminal is attached. */
export type Confirm = (question: string, signal: AbortSignal) => Promise<boolean>;

/** The executor as tasks see it. */
export interface RunHost {
  readonly flow: FlowDef;
  readonly execution: Execution;
  readonly env: NodeJS.ProcessEnv;
  readonly templates: TemplateEngine;
  readonly storage: RunStorage;
  readonly kv: KvStore;
  readonly services: EvalServices;
  /** Where `kestra-flow` keeps its state (KV store, storage); Subflow children share it. */
  readonly stateDir: string;
  readonly handlers: ReadonlyMap<string, TaskHandler>;
  now(): Date;
  /** The execution-wide part of variables (outputs, task states), cached between changes. */
  sharedVariables(): SharedVariables;
  /** Reports that a run's outputs were replaced. */
  outputsChanged(run: TaskRun): void;
  /** A resource kept for the rest of the execution under `key` (HTTP agents); closed when it ends. */
  executionResource<T>(key: string, create: () => { value: T; close: () => Promise<unknown> }): T;
  log(run: TaskRun | undefined, task: TaskDef | undefined, level: LogLevel, message: string): void;
  pause(run: TaskRun, request: PauseRequest): void;
  /** Removes task runs (WaitFor discards the previous iteration's body). */
  removeTaskRuns(predicate: (run: TaskRun) => boolean): void;
  /** Runs another flow as a child execution (Subflow). */
  runSubflow(request: SubflowRequest, signal: AbortSignal): Promise<SubflowResult>;
}

export interface SubflowRequest {
  namespace: string;
  flowId: string;
  inputs: Record<string, unknown>;
  labels: { key: string; value: string }[];
  wait: boolean;
  parentTaskRun: TaskRun;
  parentTask: TaskDef;
}

export interface SubflowResult {
  executionId: string;
  state: string;
  outputs: PebbleMap;
}

export class TaskContext {
  constructor(
    readonly host: RunHost,
    readonly taskRun: TaskRun,
    readonly task: TaskDef,
    /** How the work is aborted: a signal, or the attempt's abort (its signal made on first use). */
    readonly abortSource: AbortSource,
    /** Attempts made before this one (`taskrun.attemptsCount`); defaults to the run's count. */
    private readonly attemptsCount?: number,
  ) {}

  /** Aborted when the execution is killed or the attempt times out. */
  get signal(): AbortSignal {
    return signalOf(this.abortSource);
  }

  /**
   * The abort as undici takes it for a request's `signal`: an attempt passes itself (undici reads
   * only `aborted`, `reason`, `once('abort')` and `removeListener` of a signal that is not an
   * EventTarget), so no AbortSignal is created for the request.
   */
  get requestSignal(): AbortSignal | EventEmitter {
    const source = this.abortSource;
    return source instanceof AttemptAbort ? (source as unknown as EventEmitter) : source;
  }

  get execution(): Execution {
    return this.host.execution;
  }

  get flow(): FlowDef {
    return this.host.flow;
  }

  get storage(): RunStorage {
    return this.host.storage;
  }

  get kv(): KvStore {
    return this.host.kv;
  }

  variables(): PebbleMap {
    return buildVariables({
      flow: this.host.flow,
      execution: this.host.execution,
      task: this.task,
      taskRun: this.taskRun,
      env: this.host.env,
      attemptsCount: this.attemptsCount,
      shared: this.host.sharedVariables(),
    });
  }

  /** Replaces the run's outputs (flowables keeping state in them). */
  setOutputs(outputs: PebbleMap): void {
    this.taskRun.outputs = outputs;
    this.host.outputsChanged(this.taskRun);
  }

  /** A template without `{` uses no variable (Pebble returns it untouched): none are built for it. */
  render(template: string): string {
    const variables = template.includes('{') ? this.variables() : NO_VARIABLES;
    return this.host.templates.render(template, variables, this.host.services);
  }

  renderTyped(template: string): PebbleValue {
    if (!template.includes('{'))
      return this.host.templates.renderTyped(template, NO_VARIABLES, this.host.services);
    const shared = this.host.sharedVariables();
    return shared.detach(this.host.templates.renderTyped(template, this.variables(), this.host.services));
  }

  renderValue(value: unknown): PebbleValue {
    return this.host.templates.renderValue(value, this.variables(), this.host.services);
  }

  isTruthy(rendered: string | null | undefined): boolean {
    return this.host.templates.isTruthy(rendered);
  }

  /** A dynamic string property: rendered when a string, scalars as text, undefined when absent. */
  renderProp(name: string): string | undefined {
    const value = this.task.props[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return this.render(value);
    if (typeof value === 'object') return this.render(JSON.stringify(value));
    return String(value);
  }

  /** A property used literally (not rendered). */
  prop(name: string): unknown {
    return this.task.props[name];
  }

  log(level: LogLevel, message: string): void {
    this.host.log(this.taskRun, this.task, level, message);
  }

  now(): Date {
    return this.host.now();
  }
}

export class FlowableContext extends TaskContext {
  constructor(
    host: RunHost,
    taskRun: TaskRun,
    task: TaskDef,
    abort: AbortSource,
    /** The execution is being killed: create nothing new. */
    readonly killing: boolean,
  ) {
    super(host, taskRun, task, abort);
  }

  /** The child lists of this task as resolved tasks (no iteration value). */
  list(name: 'tasks' | 'errors' | 'then' | 'else' | 'defaults'): ResolvedTask[] | undefined {
    return resolveTasks(this.task.lists[name]);
  }

  pause(request: PauseRequest): void {
    this.host.pause(this.taskRun, request);
  }
}
