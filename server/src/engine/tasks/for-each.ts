// io.kestra.plugin.core.flow.ForEach: runs `tasks` for each value; `concurrencyLimit` value groups at
// a time (1 = strictly sequential, 0 = all); child outputs are keyed by value.
import { concurrentNexts, currentTasks, resolveListState, sequentialNexts } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import { eachTasks } from './each-values';
import { intProp, stateOptions } from './flowable-common';

export const forEachTask: FlowableHandler = {
  kind: 'flowable',
  childDriven: true,
  childTasks: (ctx) => ({
    tasks: eachTasks(ctx, ctx.prop('values'), ctx.task.lists.tasks),
    errors: ctx.list('errors'),
  }),
  nexts(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    const current = currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id);
    const limit = intProp(ctx, 'concurrencyLimit', 1);
    if (limit === 1) return sequentialNexts(ctx.execution, current, ctx.taskRun.id);
    return concurrentNexts(ctx.execution, current, ctx.taskRun.id, limit);
  },
  resolveState(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    if (!tasks || tasks.length === 0) return 'SUCCESS';
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
