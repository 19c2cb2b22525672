// io.kestra.plugin.core.flow.EachParallel (deprecated): every (value, task) pair starts at once, at
// most `concurrent` at a time (0 = unlimited).
import { currentTasks, parallelNexts, resolveListState } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import { eachTasks } from './each-values';
import { intProp, stateOptions } from './flowable-common';

export const eachParallelTask: FlowableHandler = {
  kind: 'flowable',
  childDriven: true,
  childTasks: (ctx) => ({
    tasks: eachTasks(ctx, ctx.prop('value'), ctx.task.lists.tasks),
    errors: ctx.list('errors'),
  }),
  nexts(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    const current = currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id);
    return parallelNexts(ctx.execution, current, ctx.taskRun.id, intProp(ctx, 'concurrent', 0));
  },
  resolveState(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    if (!tasks || tasks.length === 0) return 'SUCCESS';
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
