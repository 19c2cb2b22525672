// Small helpers shared by the flowable task handlers.
import type { ResolveStateOptions } from '../run/flowable-utils';
import type { FlowableContext } from '../run/task-context';

/** allowFailure / allowWarning of the flowable, and the `No task found` warning. */
class FlowableStateOptions implements ResolveStateOptions {
  readonly allowFailure: boolean;
  readonly allowWarning: boolean;

  constructor(private readonly ctx: FlowableContext) {
    this.allowFailure = ctx.prop('allowFailure') === true;
    this.allowWarning = ctx.prop('allowWarning') === true;
  }

  onNoTask(): void {
    const ctx = this.ctx;
    ctx.log(
      'WARN',
      `No task found on flow '${ctx.flow.namespace}.${ctx.flow.id}', task '${ctx.task.id}', execution '${ctx.execution.id}'`,
    );
    ctx.taskRun.error = ctx.task.type.endsWith('.Switch')
      ? `No case matches the value '${String(ctx.taskRun.outputs?.value ?? '')}' and the Switch has no \`defaults\``
      : `No task to run under '${ctx.task.id}'`;
  }
}

/** The options of `resolveListState` for a flowable (asked on every step: a class, no closure). */
export function stateOptions(ctx: FlowableContext): ResolveStateOptions {
  return new FlowableStateOptions(ctx);
}

/** A non-negative integer property (`concurrent`, `concurrencyLimit`), with its default. */
export function intProp(ctx: FlowableContext, name: string, fallback: number): number {
  const value = ctx.prop(name);
  if (value === undefined || value === null) return fallback;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number < 0)
    throw new Error(`\`${name}\` must be a non-negative integer, not '${String(value)}'`);
  return number;
}
