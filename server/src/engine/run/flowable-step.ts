// The executor's questions to a running flowable: which children to create now, and whether it is
// finished (then its outputs are computed again and it ends with a reason when FAILED). A flowable
// that throws ends FAILED with the error logged, as Kestra's executor does.
import { isTerminated, type StateType } from '../state';
import type { TaskRun } from './execution';
import type { ExecutionRunner } from './executor';
import { messageOf } from './executor';
import type { ResolvedTask } from './flowable-utils';
import type { FlowableHandler } from './handlers';
import type { FlowableContext } from './task-context';
import { runIndex } from './task-run-index';

export function createChildNexts(runner: ExecutionRunner, run: TaskRun): boolean {
  const ctx = runner.flowableContext(run);
  const handler = runner.handlerOf(ctx.task) as FlowableHandler;
  let nexts: ResolvedTask[];
  try {
    nexts = handler.nexts(ctx);
  } catch (error) {
    const message = messageOf(error);
    runner.log(run, ctx.task, 'ERROR', message);
    runner.finish(run, 'FAILED', message);
    return true;
  }
  for (const next of nexts) runner.createTaskRun(next, run);
  return nexts.length > 0;
}

export function computeFlowableOutputs(
  runner: ExecutionRunner,
  run: TaskRun,
  handler: FlowableHandler,
  ctx: FlowableContext,
): void {
  if (!handler.outputs) return;
  try {
    const outputs = handler.outputs(ctx);
    if (outputs) ctx.setOutputs(outputs);
  } catch (error) {
    runner.log(
      run,
      ctx.task,
      'WARN',
      `Unable to compute the outputs of task ${ctx.task.id}: ${messageOf(error)}`,
    );
  }
}

export function resolveFlowable(runner: ExecutionRunner, run: TaskRun): boolean {
  const ctx = runner.flowableContext(run);
  const handler = runner.handlerOf(ctx.task) as FlowableHandler;
  let state: StateType | undefined;
  try {
    state = handler.resolveState(ctx);
  } catch (error) {
    runner.log(run, ctx.task, 'ERROR', `Unable to resolve state from the Flowable task: ${messageOf(error)}`);
    runner.finish(run, 'FAILED', messageOf(error));
    return true;
  }
  if (state === undefined || !isTerminated(state)) return false;
  computeFlowableOutputs(runner, run, handler, ctx);
  runner.finish(run, state, state === 'FAILED' ? childError(runner, run) : undefined);
  return true;
}

/** The first error among the children of a failed flowable, to say why it failed. */
function childError(runner: ExecutionRunner, run: TaskRun): string | undefined {
  const child = runIndex(runner.execution)
    .childrenOf(run.id)
    .find((r) => r.state.current === 'FAILED' && r.error);
  return child ? `${child.taskId}: ${child.error}` : run.error;
}
