// How each task type plugs into the executor: runnables run attempts (async, abortable); flowables
// are asked what to create next and when they are done; Subflow is an executable run like a runnable.
import type { PebbleMap } from '../../expr/values';
import type { StateType } from '../state';
import type { FlowableContext, TaskContext } from './task-context';
import type { ResolvedTask } from './flowable-utils';

/** A task failure with the message the user sees (logged at ERROR, carried in `taskrun.ended`). */
export class TaskFailure extends Error {
  constructor(
    message: string,
    /** Outputs produced before failing, kept on the task run. */
    readonly outputs?: PebbleMap,
  ) {
    super(message);
    this.name = 'TaskFailure';
  }
}

export interface RunnableResult {
  outputs?: PebbleMap;
  /** A final state other than SUCCESS declared by the task (e.g. a Subflow reflecting its child). */
  state?: Extract<StateType, 'SUCCESS' | 'WARNING' | 'FAILED' | 'KILLED' | 'PAUSED'>;
  /** Message to carry with a non-success declared state. */
  error?: string;
}

export interface RunnableHandler {
  kind: 'runnable' | 'executable';
  /** Runs one attempt; throw TaskFailure (or any error) to fail it. Must honour `ctx.signal`. */
  run(ctx: TaskContext): Promise<RunnableResult | void>;
  /** Subflow and Labels do not evaluate `runIf` in this Kestra version. */
  ignoresRunIf?: boolean;
  /** The common `timeout` does not apply (Subflow). */
  ignoresTimeout?: boolean;
}

export interface FlowableHandler {
  kind: 'flowable';
  /** Outputs computed when the run is created and again when it ends (If `evaluationResult`…). */
  outputs?(ctx: FlowableContext): PebbleMap | undefined;
  /** Called once, when the run first becomes RUNNING (Pause pauses here). */
  onStart?(ctx: FlowableContext): void;
  /** Child runs to create now. */
  nexts(ctx: FlowableContext): ResolvedTask[];
  /** The terminal state once finished, else undefined. */
  resolveState(ctx: FlowableContext): StateType | undefined;
  /**
   * `nexts` and `resolveState` depend only on the run's children (and the execution's state), so the
   * executor asks again only after one of them changed. Not for flowables that render or read the
   * clock while deciding (If without a stored result, Switch, WaitFor, Pause).
   */
  childDriven?: boolean;
  /** Normal and errors lists currently in play (for kill handling). */
  childTasks(ctx: FlowableContext): { tasks?: ResolvedTask[]; errors?: ResolvedTask[] };
}

export type TaskHandler = RunnableHandler | FlowableHandler;
