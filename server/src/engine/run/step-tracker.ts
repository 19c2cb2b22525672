// What the executor's step needs without rescanning every task run: the runs waiting to be
// dispatched and the flowables in RUNNING (each in creation order), and when each scope (the flow's
// top level, or a flowable run) was last asked for its nexts or its end, so a child-driven scope is
// asked again only after one of its children was added or changed state.
import { isCreated, type StateType } from '../state';
import type { Execution, TaskRun } from './execution';
import { runIndex } from './task-run-index';

/** The flow's own task lists, as a scope of the executor. */
export const TOP_LEVEL = Symbol('top level');
export type Scope = TaskRun | typeof TOP_LEVEL;

interface Stamp {
  version: number;
  state: StateType;
}

export interface ScopeKinds {
  isFlowable(run: TaskRun): boolean;
  /** The run's handler decides from its children only (FlowableHandler.childDriven). */
  isChildDriven(run: TaskRun): boolean;
}

/** The answer when no run qualifies (asked several times per task: no new array each time). */
const NONE: readonly TaskRun[] = Object.freeze([]);

export class StepTracker {
  private readonly toDispatch = new Set<TaskRun>();
  private readonly liveFlowables = new Set<TaskRun>();
  private liveSorted?: readonly TaskRun[];
  private readonly stamps = { nexts: new Map<Scope, Stamp>(), end: new Map<Scope, Stamp>() };

  constructor(
    private readonly execution: Execution,
    private readonly kinds: ScopeKinds,
  ) {}

  /** Records a run's current state (call after it was created or changed state). */
  track(run: TaskRun): void {
    const state = run.state.current;
    if (isCreated(state)) this.toDispatch.add(run);
    else this.toDispatch.delete(run);
    if (!this.kinds.isFlowable(run)) return;
    const live = state === 'RUNNING';
    if (live === this.liveFlowables.has(run)) return;
    if (live) this.liveFlowables.add(run);
    else this.liveFlowables.delete(run);
    this.liveSorted = undefined;
  }

  /** Runs in CREATED or RESTARTED, in creation order (a snapshot). */
  dispatchable(): readonly TaskRun[] {
    return this.inCreationOrder(this.toDispatch);
  }

  /** Flowable runs in RUNNING, in creation order. */
  runningFlowables(): readonly TaskRun[] {
    this.liveSorted ??= this.inCreationOrder(this.liveFlowables);
    return this.liveSorted;
  }

  /**
   * Whether `scope` must be asked for its nexts (or its end) again: always for a flowable that is not
   * child-driven; else only when a child was added or changed state, or the execution changed state,
   * since it was last asked.
   */
  mustAsk(question: 'nexts' | 'end', scope: Scope): boolean {
    if (scope !== TOP_LEVEL && !this.kinds.isChildDriven(scope)) return true;
    const version = runIndex(this.execution).version(scope === TOP_LEVEL ? undefined : scope.id);
    const state = this.execution.state.current;
    const stamps = this.stamps[question];
    const stamp = stamps.get(scope);
    if (stamp?.version === version && stamp.state === state) return false;
    if (stamp) {
      stamp.version = version;
      stamp.state = state;
    } else {
      stamps.set(scope, { version, state });
    }
    return true;
  }

  /** Runs were removed: forget them, and ask every scope again. */
  removed(kept: ReadonlySet<TaskRun>): void {
    for (const set of [this.toDispatch, this.liveFlowables]) {
      for (const run of set) if (!kept.has(run)) set.delete(run);
    }
    this.liveSorted = undefined;
    this.stamps.nexts.clear();
    this.stamps.end.clear();
  }

  private inCreationOrder(runs: Set<TaskRun>): readonly TaskRun[] {
    if (runs.size === 0) return NONE;
    if (runs.size === 1) return [...runs];
    const index = runIndex(this.execution);
    return [...runs].sort((a, b) => index.order(a) - index.order(b));
  }
}
