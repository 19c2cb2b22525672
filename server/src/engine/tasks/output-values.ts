// io.kestra.plugin.core.output.OutputValues: renders `values` recursively and outputs them as `values`.
import type { PebbleMap } from '../../expr/values';
import type { RunnableHandler } from '../run/handlers';

export const outputValuesTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const values = ctx.prop('values');
    const rendered = values === undefined || values === null ? {} : ctx.renderValue(values);
    return { outputs: { values: rendered as PebbleMap } };
  },
};
