// io.kestra.plugin.core.flow.Switch: renders `value`, runs the case whose key equals it (else
// `defaults`) sequentially; no match and no defaults ends FAILED. Outputs `value` and `defaults`.
import {
  currentTasks,
  resolveListState,
  resolveTasks,
  sequentialNexts,
  type ResolvedTask,
} from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import type { FlowableContext } from '../run/task-context';
import { stateOptions } from './flowable-common';

function value(ctx: FlowableContext): string {
  return ctx.renderProp('value') ?? '';
}

function matching(ctx: FlowableContext): ResolvedTask[] | undefined {
  const rendered = value(ctx);
  const match = ctx.task.cases.find((entry) => entry.key === rendered);
  if (match) return resolveTasks(match.tasks);
  return ctx.list('defaults');
}

export const switchTask: FlowableHandler = {
  kind: 'flowable',
  outputs(ctx) {
    const rendered = value(ctx);
    return { value: rendered, defaults: !ctx.task.cases.some((entry) => entry.key === rendered) };
  },
  childTasks: (ctx) => ({ tasks: matching(ctx), errors: ctx.list('errors') }),
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
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
