// io.kestra.plugin.core.kv.Set: stores the typed rendering of `value` under `key` (optional `ttl`,
// `overwrite`, `kvType` conversion of string values).
import { parseIsoDuration, readDuration } from '../duration';
import { fromJsonValue, type PebbleValue } from '../../expr/values';
import { formatInstant, parseInstant } from '../inputs/temporal';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import { kvKey, kvNamespace } from './kv-common';

function convert(kvType: unknown, value: string): PebbleValue {
  switch (kvType) {
    case 'NUMBER': {
      const number = Number(value.trim());
      if (value.trim() === '' || Number.isNaN(number))
        throw new TaskFailure(`Cannot convert '${value}' to a NUMBER`);
      return number;
    }
    case 'BOOLEAN':
      return value.toLowerCase() === 'true';
    case 'DATETIME':
    case 'DATE':
      return formatInstant(parseInstant(value));
    case 'DURATION':
      parseIsoDuration(value);
      return value;
    case 'JSON':
      return fromJsonValue(JSON.parse(value));
    default:
      return value;
  }
}

export const kvSetTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const namespace = kvNamespace(ctx);
    const key = kvKey(ctx);
    const raw = ctx.prop('value');
    let value: PebbleValue = typeof raw === 'string' ? ctx.renderTyped(raw) : fromJsonValue(raw);
    const kvType = ctx.prop('kvType');
    if (kvType !== undefined && typeof value === 'string') {
      try {
        value = convert(kvType, value);
      } catch (error) {
        throw error instanceof TaskFailure
          ? error
          : new TaskFailure(`Cannot convert the value to ${String(kvType)}: ${(error as Error).message}`);
      }
    }
    const overwrite = ctx.prop('overwrite') !== false;
    if (!overwrite && ctx.kv.has(namespace, key)) {
      throw new TaskFailure(
        `Cannot set value for key '${key}'. Key already exists and \`overwrite\` is set to \`false\`.`,
      );
    }
    const ttl = readDuration(ctx.prop('ttl'));
    ctx.kv.set(namespace, key, value, ttl);
  },
};
