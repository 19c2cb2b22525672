// io.kestra.plugin.core.execution.Fail: fails with `errorMessage`, or only when `condition` is truthy.
import { TaskFailure, type RunnableHandler } from '../run/handlers';

export const failTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const errorMessage = ctx.renderProp('errorMessage') ?? 'Task failure';
    const condition = ctx.prop('condition');
    if (condition !== undefined && condition !== null) {
      if (ctx.isTruthy(ctx.renderProp('condition'))) {
        ctx.log('ERROR', errorMessage);
        throw new TaskFailure('Fail on a condition');
      }
      return;
    }
    throw new TaskFailure(errorMessage);
  },
};
