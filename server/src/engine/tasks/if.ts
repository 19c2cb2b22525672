// io.kestra.plugin.core.flow.If: evaluates `condition` once (output `evaluationResult`) and runs
// `then` or `else` sequentially; a false condition without `else` ends SUCCESS.
import type { PebbleMap } from '../../expr/values';
import { currentTasks, resolveListState, sequentialNexts, type ResolvedTask } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import type { FlowableContext } from '../run/task-context';
import { stateOptions } from './flowable-common';

function evaluate(ctx: FlowableContext): boolean {
  const condition = ctx.renderProp('condition');
  return condition === undefined ? false : ctx.isTruthy(condition);
}

function branch(ctx: FlowableContext): ResolvedTask[] | undefined {
  const stored = ctx.taskRun.outputs?.evaluationResult;
  const result = typeof stored === 'boolean' ? stored : evaluate(ctx);
  return ctx.list(result ? 'then' : 'else');
}

export const ifTask: FlowableHandler = {
  kind: 'flowable',
  outputs: (ctx): PebbleMap => ({ evaluationResult: evaluate(ctx) }),
  childTasks: (ctx) => ({ tasks: branch(ctx), errors: ctx.list('errors') }),
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
    // The chosen branch is empty (false without `else`): nothing ran, the If succeeds.
    if (!tasks || tasks.length === 0) return 'SUCCESS';
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
