// io.kestra.plugin.core.kv.Delete: deletes a key; outputs `deleted`, or fails with `errorOnMissing`.
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import { kvKey, kvNamespace, missingKeyMessage } from './kv-common';

export const kvDeleteTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const namespace = kvNamespace(ctx);
    const key = kvKey(ctx);
    const deleted = ctx.kv.delete(namespace, key);
    if (!deleted && ctx.prop('errorOnMissing') === true)
      throw new TaskFailure(missingKeyMessage(key, namespace));
    return { outputs: { deleted } };
  },
};
