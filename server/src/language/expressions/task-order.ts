// Which tasks can have run before another one starts: the tasks whose outputs an expression of that
// task can rely on (reference §3.A scheduling, §4.4 failure branches, §6.3 outputs).
//
// Rules, from the current task up to the flow: earlier siblings of a sequential list (with all their
// descendants); every normal task of a list for the `errors` branch of the same parent; the enclosing
// flowables themselves (If `evaluationResult`, Switch `value`, WaitFor `iterationCount`); Dag siblings
// through `dependsOn`, transitively. Never: the task itself, its descendants, Parallel siblings, the
// other branch of an If or Switch. WaitFor is the exception that proves the rule: its `condition` is
// rendered after each iteration of its body, so its body has run.
import type { TaskModel, TaskSlot } from '../../flow/model';
import { DAG, WAIT_FOR, type FlowableKinds } from './flowable-kinds';

/**
 * `strict`: what is certainly available on the first pass (completion offers these).
 * `relaxed`: also what an earlier iteration of an enclosing loop may have left (diagnostics warn only
 * outside of this).
 */
export type OrderMode = 'strict' | 'relaxed';

/** Lists run one after the other at the flow level and for the failure branches of a parent. */
const RANK: Record<TaskSlot, number> = {
  tasks: 0,
  then: 0,
  else: 0,
  cases: 0,
  defaults: 0,
  errors: 1,
  finally: 2,
  afterExecution: 3,
  listeners: 3,
};

export class TaskOrder {
  private readonly dagClosures = new Map<TaskModel, Map<TaskModel, Set<string>>>();

  constructor(private readonly kinds: FlowableKinds) {}

  /** Can `target` have run, and left its outputs, before the properties of `current` are rendered? */
  canPrecede(target: TaskModel, current: TaskModel, mode: OrderMode): boolean {
    const relaxed = mode === 'relaxed';
    if (target === current) return relaxed && this.inLoop(current);
    if (isAncestor(target, current)) return true;
    if (isAncestor(current, target)) {
      return this.kinds.is(current, WAIT_FOR) || (relaxed && this.inLoop(current));
    }
    const { common, currentSide, targetSide } = meet(current, target);
    if (relaxed && common && (this.kinds.isLoop(common) || this.inLoop(common))) return true;
    return this.siblingPrecedes(common, currentSide, targetSide);
  }

  /** Every task (with an id) that can have run before `current`, in document order. */
  before(all: TaskModel[], current: TaskModel, mode: OrderMode): TaskModel[] {
    return all.filter((task) => task.id && this.canPrecede(task, current, mode));
  }

  private inLoop(task: TaskModel): boolean {
    for (let p = task.parent; p; p = p.parent) if (this.kinds.isLoop(p)) return true;
    return false;
  }

  /** `a` and `b` are children of `parent` (the flow when undefined): can `b` have run before `a`? */
  private siblingPrecedes(parent: TaskModel | undefined, a: TaskModel, b: TaskModel): boolean {
    const rankA = RANK[a.slot];
    const rankB = RANK[b.slot];
    if (rankB !== rankA) return rankB < rankA;
    if (a.slot !== b.slot || a.caseKey !== b.caseKey) return false;
    if (!parent) return b.order < a.order;
    if (rankA === 0) {
      if (this.kinds.runsChildrenInParallel(parent)) return false;
      if (this.kinds.is(parent, DAG))
        return b.id !== undefined && this.dependencies(parent, a).has(b.id.value);
      return b.order < a.order;
    }
    return !this.kinds.runsErrorsInParallel(parent) && b.order < a.order;
  }

  /** Ids `task` depends on inside its Dag, transitively. */
  private dependencies(dag: TaskModel, task: TaskModel): Set<string> {
    let closures = this.dagClosures.get(dag);
    if (!closures) {
      closures = new Map();
      this.dagClosures.set(dag, closures);
    }
    const cached = closures.get(task);
    if (cached) return cached;
    const byId = new Map<string, TaskModel>();
    for (const child of dag.children) if (child.slot === 'tasks' && child.id) byId.set(child.id.value, child);
    const found = new Set<string>();
    const pending = task.dependsOn.map((d) => d.value);
    while (pending.length > 0) {
      const id = pending.pop() as string;
      if (found.has(id)) continue;
      found.add(id);
      for (const next of byId.get(id)?.dependsOn ?? []) pending.push(next.value);
    }
    closures.set(task, found);
    return found;
  }
}

export function isAncestor(ancestor: TaskModel, task: TaskModel): boolean {
  for (let p = task.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** The lowest common ancestor of two unrelated tasks and the child of it on each side. */
export function meet(
  current: TaskModel,
  target: TaskModel,
): { common: TaskModel | undefined; currentSide: TaskModel; targetSide: TaskModel } {
  const targetChain = new Map<TaskModel | undefined, TaskModel>();
  for (let t: TaskModel | undefined = target; t; t = t.parent) targetChain.set(t.parent, t);
  for (let c: TaskModel = current; ; c = c.parent as TaskModel) {
    const targetSide = targetChain.get(c.parent);
    if (targetSide) return { common: c.parent, currentSide: c, targetSide };
    if (!c.parent) break;
  }
  // Unreachable for tasks of one model: both chains end at the flow (parent undefined).
  return { common: undefined, currentSide: current, targetSide: target };
}
