// io.kestra.plugin.core.templating.TemplatedTask: renders `spec` (the YAML of one runnable task) and
// runs that task in place, with the same run context; outputs are the inner task's.
import { parse as parseYaml } from 'yaml';
import type { TaskDef } from '../flow/flow-definition';
import { applyPluginDefaults } from '../flow/plugin-defaults';
import { findSupportedTaskType } from '../flow/task-types';
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import { TaskContext } from '../run/task-context';

export const TEMPLATED_TASK = 'io.kestra.plugin.core.templating.TemplatedTask';

export const templatedTask: RunnableHandler = {
  kind: 'runnable',
  async run(ctx) {
    const spec = ctx.renderProp('spec');
    if (!spec) throw new TaskFailure('`spec` is required: the YAML of the task to run');
    let plain: unknown;
    try {
      plain = parseYaml(spec);
    } catch (error) {
      throw new TaskFailure(`The rendered spec is not valid YAML: ${(error as Error).message}`);
    }
    if (!plain || typeof plain !== 'object' || Array.isArray(plain))
      throw new TaskFailure('The rendered spec must be a task mapping with `id` and `type`');
    const withDefaults = applyPluginDefaults(plain, ctx.flow.pluginDefaults) as Record<string, unknown>;
    const declaredType = String(withDefaults.type ?? '');
    const supported = findSupportedTaskType(declaredType);
    if (supported?.type === TEMPLATED_TASK) {
      throw new TaskFailure(`The templated task cannot be of type '${TEMPLATED_TASK}'`);
    }
    if (!supported)
      throw new TaskFailure(
        `The templated task type '${declaredType}' is not a task the embedded engine runs`,
      );
    if (supported.kind !== 'runnable') throw new TaskFailure('The templated task must be a runnable task');
    const inner: TaskDef = {
      id: String(withDefaults.id ?? ctx.task.id),
      type: supported.type,
      declaredType,
      kind: 'runnable',
      props: withDefaults,
      position: ctx.task.position,
      lists: {},
      cases: [],
    };
    const handler = ctx.host.handlers.get(inner.type);
    if (!handler || handler.kind === 'flowable')
      throw new TaskFailure('The templated task must be a runnable task');
    return handler.run(
      new TaskContext(
        ctx.host,
        ctx.taskRun,
        inner,
        ctx.abortSource,
        Number((ctx.variables().taskrun as { attemptsCount: number }).attemptsCount),
      ),
    );
  },
};
