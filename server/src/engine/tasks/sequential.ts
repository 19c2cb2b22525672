// io.kestra.plugin.core.flow.Sequential: children one after the other; `errors` on failure.
import { currentTasks, resolveListState, sequentialNexts } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import type { FlowableContext } from '../run/task-context';
import { stateOptions } from './flowable-common';

export const sequentialTask: FlowableHandler = {
  kind: 'flowable',
  childDriven: true,
  childTasks: (ctx) => ({ tasks: ctx.list('tasks') ?? [], errors: ctx.list('errors') }),
  nexts(ctx: FlowableContext) {
    const { tasks, errors } = this.childTasks(ctx);
    return sequentialNexts(
      ctx.execution,
      currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id),
      ctx.taskRun.id,
    );
  },
  resolveState(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
