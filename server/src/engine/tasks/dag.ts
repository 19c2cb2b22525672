// io.kestra.plugin.core.flow.Dag: children start when every task they `dependsOn` has terminated
// (at most `concurrent` at a time); a failure switches to `errors`.
import { isTerminated } from '../state';
import { currentTasks, parallelNexts, resolveListState } from '../run/flowable-utils';
import type { FlowableHandler } from '../run/handlers';
import { intProp, stateOptions } from './flowable-common';

export const dagTask: FlowableHandler = {
  kind: 'flowable',
  childDriven: true,
  childTasks: (ctx) => ({ tasks: ctx.list('tasks') ?? [], errors: ctx.list('errors') }),
  nexts(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    const current = currentTasks(ctx.execution, tasks, errors, ctx.taskRun.id);
    const dependsOn = ctx.task.dependsOn ?? new Map<string, string[]>();
    return parallelNexts(
      ctx.execution,
      current,
      ctx.taskRun.id,
      intProp(ctx, 'concurrent', 0),
      (task, runs) => {
        const terminated = new Set(
          runs.filter((run) => isTerminated(run.state.current)).map((run) => run.taskId),
        );
        return (dependsOn.get(task.def.id) ?? []).every((id) => terminated.has(id));
      },
    );
  },
  resolveState(ctx) {
    const { tasks, errors } = this.childTasks(ctx);
    return resolveListState(ctx.execution, tasks, errors, ctx.taskRun.id, stateOptions(ctx));
  },
};
