// io.kestra.plugin.core.flow.Parallel: children started together (at most `concurrent` at a time, 0 =
// unlimited); after a failure no new child starts and `errors` runs.
import { currentTasks, parallelNexts, resolveListState } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import { intProp, stateOptions } from './flowable-common';

export const parallelTask: FlowableHandler = {
  kind: 'flowable',
  childDriven: true,
  childTasks: (ctx) => ({ tasks: ctx.list('tasks') ?? [], errors: ctx.list('errors') }),
  nexts(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    const current = currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id);
    return parallelNexts(ctx.execution, current, ctx.taskRun.id, intProp(ctx, 'concurrent', 0));
  },
  resolveState(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
