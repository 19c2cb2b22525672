// io.kestra.plugin.core.log.Log: logs `message` (a string, or a list: one entry per item) at `level`.
import { isLogLevel, type LogLevel } from '../events';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import type { TaskContext } from '../run/task-context';
import { javaClassName } from '../java-text';

/** Log entries longer than this are split, as Kestra does. */
const MAX_ENTRY = 10_240;

export function logLevelProp(ctx: TaskContext, name = 'level'): LogLevel {
  const level = ctx.prop(name);
  if (level === undefined || level === null) return 'INFO';
  if (!isLogLevel(level))
    throw new TaskFailure(`Invalid ${name} '${String(level)}': use TRACE, DEBUG, INFO, WARN or ERROR`);
  return level;
}

export function logSplit(ctx: TaskContext, level: LogLevel, text: string): void {
  if (text.length <= MAX_ENTRY) {
    ctx.log(level, text);
    return;
  }
  for (let start = 0; start < text.length; start += MAX_ENTRY)
    ctx.log(level, text.slice(start, start + MAX_ENTRY));
}

export const logTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const level = logLevelProp(ctx);
    const message = ctx.prop('message');
    if (typeof message === 'string') {
      logSplit(ctx, level, ctx.render(message));
    } else if (Array.isArray(message)) {
      for (const item of message)
        logSplit(ctx, level, ctx.render(typeof item === 'string' ? item : String(item)));
    } else {
      throw new TaskFailure(
        `Invalid message type '${message === undefined || message === null ? 'null' : `class ${javaClassName(message)}`}'`,
      );
    }
  },
};
