// io.kestra.plugin.core.kv.GetKeys: outputs the live keys of a namespace, filtered by `prefix`.
import type { RunnableHandler } from '../run/handlers';
import { kvNamespace } from './kv-common';

export const kvGetKeysTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const keys = ctx.kv.keys(kvNamespace(ctx), ctx.renderProp('prefix'));
    return { outputs: { keys } };
  },
};
