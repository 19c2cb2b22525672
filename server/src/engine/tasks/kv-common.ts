// Shared by the kv.* tasks: the namespace (default: the flow's) and the rendered key.
import type { TaskContext } from '../run/task-context';

export function kvNamespace(ctx: TaskContext): string {
  return ctx.renderProp('namespace') ?? ctx.flow.namespace;
}

export function kvKey(ctx: TaskContext): string {
  return ctx.renderProp('key') ?? '';
}

export function missingKeyMessage(key: string, namespace: string): string {
  return `No value found for key '${key}' in namespace '${namespace}' and \`errorOnMissing\` is set to true`;
}
