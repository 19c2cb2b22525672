// io.kestra.plugin.core.kv.Get: outputs the stored `value` (null when missing, or fails with
// `errorOnMissing`).
import type { PebbleValue } from '../../expr/values';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import { kvKey, kvNamespace, missingKeyMessage } from './kv-common';

export const kvGetTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const namespace = kvNamespace(ctx);
    const key = kvKey(ctx);
    const found = ctx.kv.get(namespace, key);
    if (!found.found && ctx.prop('errorOnMissing') === true)
      throw new TaskFailure(missingKeyMessage(key, namespace));
    return { outputs: { value: found.value as PebbleValue } };
  },
};
