// io.kestra.plugin.core.flow.Subflow: runs another flow (found next to the running file, by
// `namespace` and `flowId`) as a child execution. With `wait` (default) it ends with the child:
// SUCCESS, or the child's FAILED/KILLED/WARNING state when `transmitFailed`. Outputs `executionId`,
// `state` and `outputs` (the child's flow outputs).
import type { PebbleMap } from '../../expr/values';
import { readLabels } from '../flow/load-flow';
import { TaskFailure, type RunnableHandler } from '../run/handlers';

const TRANSMITTED = new Set(['FAILED', 'KILLED', 'WARNING', 'PAUSED']);

export const subflowTask: RunnableHandler = {
  kind: 'executable',
  ignoresRunIf: true,
  ignoresTimeout: true,
  async run(ctx) {
    const namespace = ctx.renderProp('namespace');
    const flowId = ctx.renderProp('flowId');
    if (!namespace || !flowId) throw new TaskFailure('A Subflow needs `namespace` and `flowId`');
    const inputsProp = ctx.prop('inputs');
    const inputs =
      inputsProp && typeof inputsProp === 'object' ? (ctx.renderValue(inputsProp) as PebbleMap) : {};
    const labelsProp = ctx.prop('labels');
    const labels = readLabels(
      labelsProp && typeof labelsProp === 'object' ? ctx.renderValue(labelsProp) : undefined,
    );
    const system = labels.find((label) => label.key.startsWith('system.'));
    if (system)
      throw new TaskFailure(
        `System labels can only be set by Kestra itself, offending label: ${system.key}=${system.value}.`,
      );
    if (ctx.prop('inheritLabels') === true) {
      for (const label of ctx.execution.labels)
        if (!labels.some((l) => l.key === label.key)) labels.push(label);
    }
    const wait = ctx.prop('wait') !== false;
    const result = await ctx.host.runSubflow(
      { namespace, flowId, inputs, labels, wait, parentTaskRun: ctx.taskRun, parentTask: ctx.task },
      ctx.signal,
    );
    const outputs: PebbleMap = {
      executionId: result.executionId,
      state: result.state,
      outputs: result.outputs,
    };
    if (!wait) return { outputs };
    if (ctx.prop('transmitFailed') !== false && TRANSMITTED.has(result.state)) {
      const state = result.state as 'FAILED' | 'KILLED' | 'WARNING' | 'PAUSED';
      return {
        outputs,
        state,
        error: state === 'WARNING' ? undefined : `Subflow ${namespace}.${flowId} ended ${state}`,
      };
    }
    return { outputs };
  },
};
