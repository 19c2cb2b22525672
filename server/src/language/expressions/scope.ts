// What is in scope at an expression: which roots exist and what they hold there (reference §6).
import type { TaskModel, TriggerModel } from '../../flow/model';
import type { FlowAnalysis } from './flow-analysis';
import { FOR_EACH_ITEM, WAIT_FOR } from './flowable-kinds';
import type { SiteContext } from './site-context';

export interface ExpressionScope {
  analysis: FlowAnalysis;
  context: SiteContext;
  /** The task whose run renders the string (`task`, `taskrun`, `parents` exist only then). */
  task?: TaskModel;
  /** Tasks `outputs.` and `tasks.` can name here: those that certainly ran before (completion). */
  tasks: TaskModel[];
  /** `taskrun.value`: a direct child of ForEach/EachSequential/EachParallel. */
  taskrunValue: boolean;
  /** `parent.taskrun.value`: deeper inside an iterating flowable. */
  parentValue: boolean;
  /** `taskrun.iteration`: inside a WaitFor. */
  waitForIteration: boolean;
  /** `taskrun.items`: in the properties of a ForEachItem. */
  forEachItemBatch: boolean;
  /** The triggers whose variables `trigger.` may hold here. */
  triggers: TriggerModel[];
}

export function scopeFor(analysis: FlowAnalysis, context: SiteContext): ExpressionScope {
  const { model, kinds, order } = analysis;
  const task = context.kind === 'task' || context.kind === 'literal' ? context.task : undefined;
  let tasks: TaskModel[] = [];
  if (task) tasks = order.before(model.allTasks, task, 'strict');
  else if (context.kind === 'flow-output' || context.kind === 'variable' || context.kind === 'unknown') {
    tasks = model.allTasks.filter((t) => t.id);
  }
  const iteration = task ? kinds.iteration(task) : { direct: false, nested: false };
  return {
    analysis,
    context,
    task,
    tasks,
    taskrunValue: iteration.direct,
    parentValue: iteration.nested,
    waitForIteration:
      task !== undefined && (kinds.is(task, WAIT_FOR) || kinds.enclosing(task, WAIT_FOR) !== undefined),
    forEachItemBatch: task !== undefined && kinds.is(task, FOR_EACH_ITEM),
    triggers: context.kind === 'trigger' && context.trigger ? [context.trigger] : model.triggers,
  };
}

/** The innermost task whose mapping contains a document offset (when YAML could not place a string). */
export function taskAtOffset(tasks: TaskModel[], offset: number): TaskModel | undefined {
  let found: TaskModel | undefined;
  for (const task of tasks) {
    const [start, end] = task.node.range ?? [0, 0];
    if (start <= offset && offset <= end && (!found || task.depth > found.depth)) found = task;
  }
  return found;
}
