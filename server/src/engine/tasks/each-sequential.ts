// io.kestra.plugin.core.flow.EachSequential (deprecated): values × tasks, one after the other.
import { currentTasks, resolveListState, sequentialNexts } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import { eachTasks } from './each-values';
import { stateOptions } from './flowable-common';

export const eachSequentialTask: FlowableHandler = {
  kind: 'flowable',
  childDriven: true,
  childTasks: (ctx) => ({
    tasks: eachTasks(ctx, ctx.prop('value'), ctx.task.lists.tasks),
    errors: ctx.list('errors'),
  }),
  nexts(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    return sequentialNexts(
      ctx.execution,
      currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id),
      ctx.taskRun.id,
    );
  },
  resolveState(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    if (!tasks || tasks.length === 0) return 'SUCCESS';
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
