// io.kestra.plugin.core.flow.AllowFailure: a Sequential whose failure ends WARNING instead of FAILED,
// so the flow goes on.
import { currentTasks, resolveListState, sequentialNexts } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import { stateOptions } from './flowable-common';

export const allowFailureTask: FlowableHandler = {
  kind: 'flowable',
  childDriven: true,
  childTasks: (ctx) => ({ tasks: ctx.list('tasks') ?? [], errors: ctx.list('errors') }),
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
    const options = stateOptions(ctx);
    const state = resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, options);
    if (state === undefined) return undefined;
    const normal = resolveListState(ctx.execution, tasks, undefined, ctx.taskRun.id, options);
    return normal === 'FAILED' ? 'WARNING' : state;
  },
};
