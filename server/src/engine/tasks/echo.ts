// io.kestra.plugin.core.debug.Echo (deprecated): logs the rendered `format` at `level`.
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import { logLevelProp } from './log';

export const echoTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const format = ctx.renderProp('format');
    if (format === undefined || format.trim() === '') throw new TaskFailure('`format` must not be blank');
    ctx.log(logLevelProp(ctx), format);
  },
};
