// io.kestra.plugin.core.flow.Pause: pauses the run (and the execution). With `delay` it resumes by
// itself; with only `timeout` it fails when the time is up; with neither a local run asks on the
// terminal ("Resume? [y/N]") or fails, since nobody can resume it. Deprecated `tasks` run after.
import { formatJavaDuration, readDuration } from '../duration';
import { inputDefinitionFromPlain, type InputDefinition } from '../inputs/input-definition';
import { resolveInputs, nestInputs } from '../inputs/resolve-inputs';
import { currentTasks, resolveListState, sequentialNexts } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import type { FlowableContext } from '../run/task-context';
import { stateOptions } from './flowable-common';

function durationProp(ctx: FlowableContext, name: string): number | undefined {
  if (ctx.prop(name) === undefined || ctx.prop(name) === null) return undefined;
  return readDuration(ctx.renderProp(name));
}

/** `onResume` inputs resolved from their defaults (a local resume cannot carry values). */
function resumeInputs(ctx: FlowableContext): void {
  const declared = ctx.prop('onResume');
  if (!Array.isArray(declared) || declared.length === 0) return;
  const definitions = declared
    .map(inputDefinitionFromPlain)
    .filter((d): d is InputDefinition => !('error' in d));
  const resolved = resolveInputs(
    definitions,
    {},
    { renderTyped: (expression) => ctx.renderTyped(expression) },
  );
  const failure = resolved.find((input) => input.enabled && input.error);
  if (failure) throw new Error(failure.error);
  const values = new Map(
    resolved.filter((input) => input.enabled).map((input) => [input.definition.id, input.value]),
  );
  ctx.setOutputs({ ...(ctx.taskRun.outputs ?? {}), onResume: nestInputs(values) });
}

export const pauseTask: FlowableHandler = {
  kind: 'flowable',
  childTasks: (ctx) => ({ tasks: ctx.list('tasks'), errors: ctx.list('errors') }),
  onStart(ctx) {
    const delay = durationProp(ctx, 'delay');
    const timeout = durationProp(ctx, 'timeout');
    const now = ctx.now().getTime();
    const onResume = () => resumeInputs(ctx);
    if (delay !== undefined) {
      ctx.log('INFO', `Paused for ${formatJavaDuration(delay)}`);
      ctx.pause({ resumeAt: now + delay, onResume });
    } else if (timeout !== undefined) {
      ctx.pause({
        failAt: now + timeout,
        failMessage: `Pause timed out after ${formatJavaDuration(timeout)} without being resumed`,
      });
    } else {
      ctx.pause({
        onResume,
        manual: {
          question: `Task '${ctx.task.id}' paused the execution. Resume? [y/N] `,
          declinedMessage: `Pause '${ctx.task.id}' was not resumed`,
          unattendedMessage: `Pause '${ctx.task.id}' waits for a manual resume, which a local run can only get from a terminal: run it from an interactive terminal to be asked, or set \`delay\` so it resumes by itself`,
        },
      });
    }
  },
  nexts(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    if (!tasks) return [];
    return sequentialNexts(
      ctx.execution,
      currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id),
      ctx.taskRun.id,
    );
  },
  resolveState(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    if (!tasks || tasks.length === 0) return 'SUCCESS';
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
