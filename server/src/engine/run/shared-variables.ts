// The execution-wide task variables, `outputs` (§6.3) and `tasks`, kept up to date run by run instead
// of being rebuilt from every task run after each change. The runner reports each run it creates or
// changes (`touch`); `get()` applies them. An update is done in place only when the result is exactly
// what a full rebuild (outputsTree / tasksVariable in variables.ts) would give, key order included;
// anything else (deep merges, runs finishing out of creation order, removed runs) rebuilds in full.
// Maps built here are mutated later, so a typed render that returns one gets a copy (`detach`).
import type { PebbleMap, PebbleValue } from '../../expr/values';
import type { FlowDef } from '../flow/flow-definition';
import { mergeMaps } from '../flow/plugin-defaults';
import { ancestors, type Execution, type TaskRun } from './execution';
import { runIndex } from './task-run-index';
import { staticVariables, type SharedVariables, type StaticVariables } from './variables';

/** Book-keeping of a map built here: for each key, the creation rank of its first contributor. */
interface NodeMeta {
  first: Map<string, number>;
  /** Highest rank in `first`. */
  maxFirst: number;
  /** Keys where several runs' outputs meet (merged, or a run's outputs copied to hold deeper keys). */
  shared: Set<string>;
  /** A copy of a run's outputs extended with deeper keys: never updated in place. */
  irregular: boolean;
}

interface Leaf {
  node: PebbleMap;
  key: string;
  outputs: PebbleMap;
}

/** Counts of a task id's runs, to know when `tasks.<id>` can be updated in place. */
interface TaskInfo {
  runs: number;
  valueless: number;
  values: Set<string>;
  duplicateValue: boolean;
}

const NO_KEYS: readonly string[] = [];
/** Keys moved in place to insert one before them; with more, a full rebuild is cheaper. */
const MAX_MOVED_KEYS = 8;

/**
 * The keys of `node` first given by runs created after `rank` (its last keys, as keys are in
 * first-run order), or undefined when there are more than MAX_MOVED_KEYS.
 */
function laterKeys(node: PebbleMap, meta: NodeMeta, rank: number): readonly string[] | undefined {
  if (meta.first.size > 4 * MAX_MOVED_KEYS) return undefined;
  const keys = Object.keys(node);
  let start = keys.length;
  while (start > 0 && (meta.first.get(keys[start - 1]) ?? -1) > rank) start--;
  return keys.length - start > MAX_MOVED_KEYS ? undefined : keys.slice(start);
}

export function isPlainMap(value: unknown): value is PebbleMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.getPrototypeOf(value) === Object.prototype
  );
}

export class SharedVariablesCache {
  /**
   * Runs touched since the last `get()`, in order, possibly repeated (applying a run twice gives the
   * same result): an array reused from call to call, where a Set cost a new table on each clear.
   */
  private readonly touched: TaskRun[] = [];
  private touchedCount = 0;
  private outputs: PebbleMap = {};
  private tasks: PebbleMap = {};
  private outputsStale = true;
  private tasksStale = true;
  private own = new WeakSet<object>();
  private meta = new WeakMap<object, NodeMeta>();
  // Keyed by run: plain Map and Set (they live as long as the execution, like its runs), as weak
  // collections cost the garbage collector more for every entry.
  private leaves = new Map<TaskRun, Leaf>();
  private taskInfo = new Map<string, TaskInfo>();
  private seen = new Set<TaskRun>();

  private statics?: StaticVariables;
  private view?: SharedVariables;

  constructor(
    private readonly execution: Execution,
    private readonly flow: FlowDef,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Records that a run was created, changed state or got outputs. */
  touch(run: TaskRun): void {
    if (this.touchedCount > 0 && this.touched[this.touchedCount - 1] === run) return;
    this.touched[this.touchedCount++] = run;
  }

  /** Runs were removed: rebuild everything on next use. */
  reset(): void {
    this.touchedCount = 0;
    this.outputsStale = true;
    this.tasksStale = true;
  }

  get(): SharedVariables {
    for (let i = 0; i < this.touchedCount; i++) {
      const run = this.touched[i];
      if (!this.outputsStale) this.updateOutputs(run);
      if (!this.tasksStale) this.updateTasks(run);
    }
    this.touchedCount = 0;
    if (this.outputsStale) this.rebuildOutputs();
    if (this.tasksStale) this.rebuildTasks();
    this.statics ??= staticVariables(this.flow, this.execution, this.env);
    const byId = runIndex(this.execution);
    const view = this.view;
    if (view?.outputs === this.outputs && view.tasks === this.tasks && view.byId === byId) return view;
    this.view = {
      outputs: this.outputs,
      tasks: this.tasks,
      byId,
      statics: this.statics,
      detach: (value) => this.detach(value),
    };
    return this.view;
  }

  /** `value` with every map built here replaced by a copy (they change as the execution goes on). */
  detach(value: PebbleValue): PebbleValue {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) {
      let copy: PebbleValue[] | undefined;
      value.forEach((item, i) => {
        const detached = this.detach(item);
        if (detached !== item) (copy ??= [...value])[i] = detached;
      });
      return copy ?? value;
    }
    if (!isPlainMap(value)) return value;
    let copy: PebbleMap | undefined = this.own.has(value) ? { ...value } : undefined;
    for (const [key, item] of Object.entries(value)) {
      const detached = this.detach(item);
      if (detached !== item) (copy ??= { ...value })[key] = detached;
    }
    return copy ?? value;
  }

  // ---- outputs ----

  /** Key path of a run in `outputs`: task id, the values of its ancestors (outermost first), its value. */
  private pathOf(run: TaskRun): string[] {
    const chain = ancestors(this.execution, run, runIndex(this.execution));
    // Usually no ancestor has a value (a ForEach child): the path is made at its size, not pushed to.
    if (!chain.some((parent) => parent.value !== undefined))
      return run.value === undefined ? [run.taskId] : [run.taskId, run.value];
    const path = [run.taskId];
    for (let i = chain.length - 1; i >= 0; i--)
      if (chain[i].value !== undefined) path.push(chain[i].value as string);
    if (run.value !== undefined) path.push(run.value);
    return path;
  }

  private newNode(parent: PebbleMap, key: string, rank: number, initial: PebbleMap = {}): PebbleMap {
    const node = initial;
    this.own.add(node);
    this.meta.set(node, { first: new Map(), maxFirst: -1, shared: new Set(), irregular: false });
    this.noteKey(parent, key, rank);
    parent[key] = node;
    return node;
  }

  private noteKey(node: PebbleMap, key: string, rank: number): void {
    const meta = this.meta.get(node) as NodeMeta;
    if (meta.first.has(key)) return;
    meta.first.set(key, rank);
    meta.maxFirst = Math.max(meta.maxFirst, rank);
  }

  private rebuildOutputs(): void {
    this.outputs = {};
    this.own.add(this.outputs);
    this.meta = new WeakMap([
      [this.outputs, { first: new Map(), maxFirst: -1, shared: new Set(), irregular: false }],
    ]);
    this.leaves = new Map();
    const index = runIndex(this.execution);
    for (const run of this.execution.taskRuns) {
      if (!run.outputs) continue;
      const path = this.pathOf(run);
      const rank = index.order(run);
      let node = this.outputs;
      for (const key of path.slice(0, -1)) {
        const existing = node[key];
        if (existing && this.own.has(existing as object)) {
          this.noteKey(node, key, rank);
          node = existing as PebbleMap;
        } else if (isPlainMap(existing)) {
          // A run's outputs that deeper keys extend: a copy, no longer that run's alone.
          (this.meta.get(node) as NodeMeta).shared.add(key);
          node = this.newNode(node, key, rank, { ...existing });
          (this.meta.get(node) as NodeMeta).irregular = true;
        } else {
          node = this.newNode(node, key, rank);
        }
      }
      const last = path[path.length - 1];
      const existing = node[last];
      this.noteKey(node, last, rank);
      if (isPlainMap(existing)) {
        // The merge is a new map: maps built here for earlier runs' deeper keys are no longer (all) in
        // the tree, so their runs must not be updated in place.
        if (this.own.has(existing)) this.retire(existing);
        node[last] = mergeMaps(existing, run.outputs) as PebbleMap;
        (this.meta.get(node) as NodeMeta).shared.add(last);
      } else {
        node[last] = run.outputs;
      }
      this.leaves.set(run, { node, key: last, outputs: run.outputs });
    }
    this.outputsStale = false;
  }

  /** Marks a map built here, and those below it, as never to be updated in place again. */
  private retire(node: PebbleMap): void {
    const meta = this.meta.get(node);
    if (!meta || meta.irregular) return;
    meta.irregular = true;
    for (const child of Object.values(node))
      if (child && this.own.has(child as object)) this.retire(child as PebbleMap);
  }

  /** Applies one run's outputs in place when that gives the full rebuild's result, else marks stale. */
  private updateOutputs(run: TaskRun): void {
    const outputs = run.outputs;
    if (!outputs) return;
    const leaf = this.leaves.get(run);
    if (leaf) {
      if (leaf.outputs === outputs) return;
      const meta = this.meta.get(leaf.node) as NodeMeta;
      if (meta.shared.has(leaf.key) || meta.irregular) {
        this.outputsStale = true;
        return;
      }
      leaf.node[leaf.key] = outputs;
      leaf.outputs = outputs;
      return;
    }
    const path = this.pathOf(run);
    const rank = runIndex(this.execution).order(run);
    let node = this.outputs;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const meta = this.meta.get(node) as NodeMeta;
      const existing = node[key];
      if (existing === undefined) {
        // A new key goes after the keys of earlier runs, as in a full rebuild: the keys of later runs
        // (a flowable finishing after its children, say) are moved after it, when they are few.
        if (meta.irregular) break;
        const later = rank < meta.maxFirst ? laterKeys(node, meta, rank) : NO_KEYS;
        if (later === undefined) break;
        const at = node;
        for (; i < path.length - 1; i++) node = this.newNode(node, path[i], rank);
        this.noteKey(node, path[i], rank);
        node[path[i]] = outputs;
        this.leaves.set(run, { node, key: path[i], outputs });
        for (const key of later) {
          const value = at[key];
          delete at[key];
          at[key] = value;
        }
        return;
      }
      const firstRank = meta.first.get(key) ?? Number.MAX_SAFE_INTEGER;
      if (i === path.length - 1 || !this.own.has(existing as object) || rank < firstRank) break;
      node = existing as PebbleMap;
    }
    this.outputsStale = true;
  }

  // ---- tasks ----

  private register(run: TaskRun): TaskInfo {
    let info = this.taskInfo.get(run.taskId);
    if (!info) {
      info = { runs: 0, valueless: 0, values: new Set(), duplicateValue: false };
      this.taskInfo.set(run.taskId, info);
    }
    if (this.seen.has(run)) return info;
    this.seen.add(run);
    info.runs++;
    if (run.value === undefined) info.valueless++;
    else if (info.values.has(run.value)) info.duplicateValue = true;
    else info.values.add(run.value);
    return info;
  }

  private rebuildTasks(): void {
    this.tasks = {};
    this.own.add(this.tasks);
    this.taskInfo = new Map();
    this.seen = new Set();
    for (const run of this.execution.taskRuns) {
      this.register(run);
      if (run.value === undefined) {
        this.tasks[run.taskId] = { state: run.state.current };
        continue;
      }
      const existing = this.tasks[run.taskId];
      const map: PebbleMap = isPlainMap(existing) ? { ...existing } : {};
      this.own.add(map);
      map[run.value] = { state: run.state.current };
      this.tasks[run.taskId] = map;
    }
    this.tasksStale = false;
  }

  /** `tasks.<id>` (or `tasks.<id>.<value>`) of one run, in place when its task's runs are simple. */
  private updateTasks(run: TaskRun): void {
    const info = this.register(run);
    if (info.duplicateValue || (info.valueless > 0 && info.runs > 1)) {
      this.tasksStale = true;
      return;
    }
    const entry = { state: run.state.current };
    if (run.value === undefined) {
      this.tasks[run.taskId] = entry;
      return;
    }
    let map = this.tasks[run.taskId] as PebbleMap | undefined;
    if (!map) {
      map = {};
      this.own.add(map);
      this.tasks[run.taskId] = map;
    }
    map[run.value] = entry;
  }
}
