// How a flowable task schedules its children, by canonical type: what decides which tasks can have
// run before another one (reference §3.A, §3.7–§3.21, §4.4).
import type { Catalog } from '../../flow/catalog-types';
import type { TaskModel } from '../../flow/model';

const CORE = 'io.kestra.plugin.core.flow.';

export const FOR_EACH = `${CORE}ForEach`;
export const EACH_SEQUENTIAL = `${CORE}EachSequential`;
export const EACH_PARALLEL = `${CORE}EachParallel`;
export const PARALLEL = `${CORE}Parallel`;
export const DAG = `${CORE}Dag`;
export const WAIT_FOR = `${CORE}WaitFor`;
export const WORKING_DIRECTORY = `${CORE}WorkingDirectory`;
export const FOR_EACH_ITEM = `${CORE}ForEachItem`;
export const SUBFLOW = `${CORE}Subflow`;
export const TEMPLATE = `${CORE}Template`;
export const TEMPLATED_TASK = 'io.kestra.plugin.core.templating.TemplatedTask';

/** Children run with `taskrun.value` set: outputs of their descendants are keyed by that value. */
const ITERATING = new Set([FOR_EACH, EACH_SEQUENTIAL, EACH_PARALLEL]);
/** Children run several times: anything inside may have run before anything else inside. */
const LOOPS = new Set([FOR_EACH, EACH_SEQUENTIAL, EACH_PARALLEL, WAIT_FOR]);
/** Children of the normal list are started together: none can be relied on by another. */
const PARALLEL_CHILDREN = new Set([PARALLEL, EACH_PARALLEL]);
/** `errors` tasks are started all at once (reference §4.4 step 3). */
const PARALLEL_ERRORS = new Set([PARALLEL, EACH_PARALLEL, DAG]);
const CORE_FLOWABLES = new Set([
  ...LOOPS,
  PARALLEL,
  DAG,
  WORKING_DIRECTORY,
  FOR_EACH_ITEM,
  SUBFLOW,
  TEMPLATE,
]);

/**
 * The canonical type of a task: through the catalog (aliases, any case), else the name as written.
 * A core name the catalog does not know (a server catalog without it) keeps its class name, which is
 * what the sets above are matched on.
 */
export function canonicalType(catalog: Catalog, task: TaskModel | undefined): string | undefined {
  const written = task?.type?.value;
  if (!written) return undefined;
  const resolved = catalog.resolve(written)?.spec.type;
  if (resolved) return resolved;
  const simple = written.slice(written.lastIndexOf('.') + 1);
  return written.startsWith('io.kestra.') && CORE_FLOWABLES.has(CORE + simple) ? CORE + simple : written;
}

export class FlowableKinds {
  private readonly types = new Map<TaskModel, string | undefined>();

  constructor(private readonly catalog: Catalog) {}

  typeOf(task: TaskModel): string | undefined {
    if (!this.types.has(task)) this.types.set(task, canonicalType(this.catalog, task));
    return this.types.get(task);
  }

  is(task: TaskModel | undefined, type: string): boolean {
    return task !== undefined && this.typeOf(task) === type;
  }

  isIterating(task: TaskModel): boolean {
    return ITERATING.has(this.typeOf(task) ?? '');
  }

  isLoop(task: TaskModel): boolean {
    return LOOPS.has(this.typeOf(task) ?? '');
  }

  runsChildrenInParallel(task: TaskModel): boolean {
    return PARALLEL_CHILDREN.has(this.typeOf(task) ?? '');
  }

  runsErrorsInParallel(task: TaskModel): boolean {
    return PARALLEL_ERRORS.has(this.typeOf(task) ?? '');
  }

  /** How many iteration values key the outputs of `task`: one per iterating ancestor (reference §6.3). */
  iterationLevels(task: TaskModel): number {
    let levels = 0;
    for (let p = task.parent; p; p = p.parent) if (this.isIterating(p)) levels++;
    return levels;
  }

  /** The closest iterating ancestor, and whether `task` is its direct child (`taskrun.value` is set). */
  iteration(task: TaskModel): { direct: boolean; nested: boolean } {
    const parent = task.parent;
    const direct = parent !== undefined && task.slot === 'tasks' && this.isIterating(parent);
    let nested = false;
    for (let p = direct ? parent?.parent : parent; p; p = p.parent) if (this.isIterating(p)) nested = true;
    return { direct, nested };
  }

  /** The closest enclosing task of a type, if any. */
  enclosing(task: TaskModel, type: string): TaskModel | undefined {
    for (let p = task.parent; p; p = p.parent) if (this.typeOf(p) === type) return p;
    return undefined;
  }
}
