// io.kestra.plugin.core.debug.Return: renders `format`, logs it at DEBUG, outputs it as `value`.
import type { RunnableHandler } from '../run/handlers';

export const returnTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const value = ctx.renderProp('format') ?? null;
    if (value !== null) ctx.log('DEBUG', value);
    return { outputs: { value } };
  },
};
