// io.kestra.plugin.core.flow.WaitFor: runs `tasks` in a loop until `condition` is truthy, pausing
// `checkFrequency.interval` between iterations, bounded by `maxIterations` / `maxDuration`
// (FAILED instead of SUCCESS at the bound with `failOnMaxReached`). Output `iterationCount`.
import { readDuration } from '../duration';
import { currentTasks, resolveListState, sequentialNexts, type ResolvedTask } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import type { FlowableContext } from '../run/task-context';
import { runIndex } from '../run/task-run-index';
import { stateOptions } from './flowable-common';

interface Frequency {
  maxIterations: number;
  maxDurationMs: number;
  intervalMs: number;
}

function frequency(ctx: FlowableContext): Frequency {
  const raw = ctx.prop('checkFrequency');
  const plain = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  return {
    maxIterations: typeof plain.maxIterations === 'number' ? plain.maxIterations : 100,
    maxDurationMs: readDuration(plain.maxDuration) ?? 3_600_000,
    intervalMs: readDuration(plain.interval) ?? 1000,
  };
}

function iterationCount(ctx: FlowableContext): number {
  const value = ctx.taskRun.outputs?.iterationCount;
  return typeof value === 'number' ? value : 1;
}

/** Runs of the body in the current iteration only. */
function bodyRuns(ctx: FlowableContext, tasks: ResolvedTask[]) {
  return runIndex(ctx.execution)
    .childrenOf(ctx.taskRun.id)
    .filter((run) => run.iteration === ctx.taskRun.iteration && tasks.some((t) => t.def.id === run.taskId));
}

export const waitForTask: FlowableHandler = {
  kind: 'flowable',
  outputs: (ctx) => ({ iterationCount: iterationCount(ctx) }),
  childTasks: (ctx) => ({ tasks: ctx.list('tasks') ?? [], errors: ctx.list('errors') }),
  onStart(ctx) {
    ctx.taskRun.iteration ??= 1;
  },
  nexts(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    return sequentialNexts(
      ctx.execution,
      currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id),
      ctx.taskRun.id,
    );
  },
  resolveState(ctx) {
    const { tasks = [], errors } = this.childTasks(ctx);
    const runs = bodyRuns(ctx, tasks);
    const executed =
      tasks.length > 0 && runs.filter((run) => run.state.current === 'SUCCESS').length === tasks.length;
    if (!executed) return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
    const limits = frequency(ctx);
    const count = iterationCount(ctx) + 1;
    ctx.setOutputs({ ...(ctx.taskRun.outputs ?? {}), iterationCount: count });
    const started = Date.parse(ctx.taskRun.state.histories[0].date);
    const maxIterations = count > limits.maxIterations;
    const maxDuration = started + limits.maxDurationMs < ctx.now().getTime();
    if (!maxIterations && !maxDuration && !ctx.isTruthy(ctx.renderProp('condition') ?? null)) {
      ctx.pause({
        resumeAt: ctx.now().getTime() + limits.intervalMs,
        onResume: () => {
          const previous = ctx.taskRun.iteration ?? 1;
          ctx.host.removeTaskRuns(
            (run) => run.parentTaskRunId === ctx.taskRun.id && run.iteration === previous,
          );
          ctx.taskRun.iteration = previous + 1;
          ctx.setOutputs(ctx.taskRun.outputs ?? {});
        },
      });
      return undefined;
    }
    if (maxIterations || maxDuration) {
      ctx.log('WARN', maxIterations ? 'Max iterations reached' : 'Max duration reached');
      if (ctx.prop('failOnMaxReached') === true) return 'FAILED';
    }
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
