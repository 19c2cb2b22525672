// ForEach's concurrent value groups (concurrencyLimit ≠ 1) under one parent, kept up to date as runs
// are added and change state (TaskRunIndex reports both), so that asking what to start next costs
// what changed since, not a scan of every value: with 300 values all in flight, a scan per finished
// child made the bookkeeping quadratic. A task's run is its first run under the parent (as
// `TaskRunIndex.firstRun`); a run leaving or entering a terminated state is the only state change
// that matters here.
import { isTerminated } from '../state';
import type { TaskRun } from './execution';

/** A task of the list, as in task-run-index.ts (kept structural to avoid an import cycle). */
interface GroupTask {
  def: { id: string };
  value?: string;
}

interface Slot {
  group: number;
  pos: number;
}

export class GroupProgress<T extends GroupTask> {
  /** The tasks grouped by iteration value, groups in order of first appearance. */
  private readonly groups: T[][] = [];
  private readonly hasRun: boolean[][] = [];
  /** Per group: tasks with a run, and those whose run is not terminated. */
  private readonly started: number[] = [];
  private readonly open: number[] = [];
  /** Per group: the first task without a run (the group's length when none). */
  private readonly nextPos: number[] = [];
  private readonly inFlightFlags: boolean[] = [];
  private inFlight = 0;
  /** Started groups with nothing running and a task left: they continue without taking a slot. */
  private readonly continuing = new Set<number>();
  /** No group before this one is unstarted. */
  private firstUnstarted = 0;
  /** Where each task sits, by the key of its run: `runKey(id, value)`, or the task id when valueless. */
  private readonly exactSlots = new Map<string, Slot[]>();
  private readonly anyValueSlots = new Map<string, Slot[]>();

  constructor(
    tasks: readonly T[],
    runKey: (taskId: string, value: string | undefined) => string,
    firstRun: (task: T) => TaskRun | undefined,
  ) {
    const groupOf = new Map<string, number>();
    for (const task of tasks) {
      const value = task.value ?? '';
      let group = groupOf.get(value);
      if (group === undefined) {
        group = this.groups.length;
        groupOf.set(value, group);
        this.groups.push([]);
        this.hasRun.push([]);
        this.started.push(0);
        this.open.push(0);
        this.nextPos.push(0);
        this.inFlightFlags.push(false);
      }
      const slot = { group, pos: this.groups[group].length };
      this.groups[group].push(task);
      this.hasRun[group].push(false);
      const slots = task.value === undefined ? this.anyValueSlots : this.exactSlots;
      const key = task.value === undefined ? task.def.id : runKey(task.def.id, task.value);
      const list = slots.get(key);
      if (list) list.push(slot);
      else slots.set(key, [slot]);
    }
    for (let group = 0; group < this.groups.length; group++) {
      this.groups[group].forEach((task, pos) => {
        const run = firstRun(task);
        if (run) this.markRun({ group, pos }, run);
      });
      this.refresh(group);
    }
  }

  /**
   * A run was added under the parent: `exactKey` when it is the first run of its task id and value,
   * `firstOfTask` when it is the first of its task id at all.
   */
  runAdded(run: TaskRun, exactKey: string | undefined, firstOfTask: boolean): void {
    if (exactKey !== undefined) this.markSlots(this.exactSlots.get(exactKey), run);
    if (firstOfTask) this.markSlots(this.anyValueSlots.get(run.taskId), run);
  }

  /** A run, first of its task id and value (`exactKey`) or of its task id, entered or left a terminated state. */
  runTerminatedChanged(run: TaskRun, exactKey: string | undefined, firstOfTask: boolean): void {
    const delta = isTerminated(run.state.current) ? -1 : 1;
    if (exactKey !== undefined) this.moveSlots(this.exactSlots.get(exactKey), delta);
    if (firstOfTask) this.moveSlots(this.anyValueSlots.get(run.taskId), delta);
  }

  /**
   * What to create now (ForEach concurrent groups): the next task of each continuing group, then the
   * first task of unstarted groups while fewer than `limit` groups are in flight (all when 0).
   */
  nexts(limit: number): T[] {
    const result: T[] = [];
    if (this.continuing.size > 0) {
      for (const group of [...this.continuing].sort((a, b) => a - b))
        result.push(this.groups[group][this.nextPos[group]]);
    }
    while (this.firstUnstarted < this.groups.length && this.started[this.firstUnstarted] > 0)
      this.firstUnstarted++;
    let slots = limit > 0 ? Math.max(0, limit - this.inFlight) : Number.MAX_SAFE_INTEGER;
    for (let group = this.firstUnstarted; group < this.groups.length && slots > 0; group++) {
      if (this.started[group] > 0) continue;
      result.push(this.groups[group][0]);
      slots--;
    }
    return result;
  }

  private markSlots(slots: Slot[] | undefined, run: TaskRun): void {
    if (!slots) return;
    for (const slot of slots) {
      this.markRun(slot, run);
      this.refresh(slot.group);
    }
  }

  private moveSlots(slots: Slot[] | undefined, delta: number): void {
    if (!slots) return;
    for (const slot of slots) {
      this.open[slot.group] += delta;
      this.refresh(slot.group);
    }
  }

  private markRun(slot: Slot, run: TaskRun): void {
    const { group, pos } = slot;
    if (this.hasRun[group][pos]) return;
    this.hasRun[group][pos] = true;
    this.started[group]++;
    if (!isTerminated(run.state.current)) this.open[group]++;
    const has = this.hasRun[group];
    while (this.nextPos[group] < has.length && has[this.nextPos[group]]) this.nextPos[group]++;
  }

  /** Recomputes a group's part of the in-flight count and of the continuing set. */
  private refresh(group: number): void {
    const started = this.started[group] > 0;
    const hasNext = this.nextPos[group] < this.groups[group].length;
    const inFlight = started && (this.open[group] > 0 || hasNext);
    if (inFlight !== this.inFlightFlags[group]) {
      this.inFlightFlags[group] = inFlight;
      this.inFlight += inFlight ? 1 : -1;
    }
    if (started && this.open[group] === 0 && hasNext) this.continuing.add(group);
    else this.continuing.delete(group);
  }
}
