// io.kestra.plugin.core.execution.Labels: merges rendered labels (map, list of {key, value}, or a JSON
// object string) into the execution's labels; `system.*` keys are refused.
import { TaskFailure, type RunnableHandler } from '../run/handlers';
import type { TaskContext } from '../run/task-context';

function readLabels(ctx: TaskContext): [string, string][] {
  const labels = ctx.prop('labels');
  const asText = (value: unknown) => (typeof value === 'string' ? ctx.render(value) : String(value ?? ''));
  if (typeof labels === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(ctx.render(labels));
    } catch (error) {
      throw new TaskFailure(`Invalid labels JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new TaskFailure('`labels` must render to a JSON object');
    return Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : JSON.stringify(v),
    ]);
  }
  if (Array.isArray(labels)) {
    return labels.map((label) => {
      if (!label || typeof label !== 'object' || Array.isArray(label))
        throw new TaskFailure(`Unknown value type: ${typeof label}`);
      const record = label as Record<string, unknown>;
      return [asText(record.key), asText(record.value)];
    });
  }
  if (labels && typeof labels === 'object') {
    return Object.entries(labels as Record<string, unknown>).map(([k, v]) => [ctx.render(k), asText(v)]);
  }
  throw new TaskFailure('`labels` is required: a map, a list of {key, value} or a JSON object string');
}

export const labelsTask: RunnableHandler = {
  kind: 'runnable',
  ignoresRunIf: true,
  async run(ctx) {
    const entries = readLabels(ctx);
    const system = entries.find(([key]) => key.startsWith('system.'));
    if (system)
      throw new TaskFailure(
        `System labels can only be set by Kestra itself, offending label: ${system[0]}=${system[1]}`,
      );
    const merged = new Map(ctx.execution.labels.map((label) => [label.key, label.value]));
    for (const [key, value] of entries) merged.set(key, value);
    ctx.execution.labels.splice(
      0,
      ctx.execution.labels.length,
      ...[...merged].map(([key, value]) => ({ key, value })),
    );
  },
};
