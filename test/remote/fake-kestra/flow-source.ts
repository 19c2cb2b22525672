// How the fake server reads an uploaded flow: YAML errors reported as Kestra's YamlParser reports
// SnakeYAML errors through Jackson (path `yaml`, a multi-line message naming line and column), then
// the constraint checks the client is tested against (id, namespace, tasks, task ids and types).
import { parseDocument } from 'yaml';

export interface FakeTask {
  id: string;
  type: string;
  props: Record<string, unknown>;
  /** Children of a flowable (ForEach, Sequential…). */
  tasks: FakeTask[];
}

export interface FakeInput {
  id: string;
  type: string;
  required: boolean;
  defaults?: unknown;
}

export interface FakeFlow {
  id: string;
  namespace: string;
  disabled: boolean;
  tasks: FakeTask[];
  inputs: FakeInput[];
  outputs: { id: string; value: unknown }[];
}

export type ParsedFlow =
  | { ok: true; flow: FakeFlow }
  | { ok: false; yamlError?: string; violations: { path: string; message: string }[] };

// The @Pattern regexps of AbstractFlow and TaskInterface (full match, as Jakarta applies them).
const FLOW_ID = '^[a-zA-Z0-9][a-zA-Z0-9._-]*';
const NAMESPACE = '^[a-z0-9][a-z0-9._-]*';
const TASK_ID = '^[a-zA-Z0-9][a-zA-Z0-9_-]*';

/** SnakeYAML's marked-error text, as Jackson passes it on (1-based line and column). */
function snakeYamlMessage(source: string, problem: string, line: number, column: number): string {
  const excerpt = source.split(/\r?\n/)[line - 1] ?? '';
  return [
    problem,
    ` in 'reader', line ${line}, column ${column}:`,
    `    ${excerpt}`,
    `    ${' '.repeat(Math.max(0, column - 1))}^`,
    '',
    ` at [Source: (StringReader); line: ${line}, column: ${column}]`,
  ].join('\n');
}

export function parseFlowSource(source: string): ParsedFlow {
  const doc = parseDocument(source, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const [line, column] = error.linePos ? [error.linePos[0].line, error.linePos[0].col] : [1, 1];
    const problem = error.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '');
    const message = snakeYamlMessage(
      source,
      problem.charAt(0).toLowerCase() + problem.slice(1),
      line,
      column,
    );
    return { ok: false, yamlError: message, violations: [{ path: 'yaml', message }] };
  }
  const root = doc.toJS() as Record<string, unknown> | null;
  const violations: { path: string; message: string }[] = [];
  if (!root || typeof root !== 'object')
    return { ok: false, violations: [{ path: 'flow', message: 'must be a YAML mapping' }] };
  checkId(root.id, 'id', FLOW_ID, violations);
  checkId(root.namespace, 'namespace', NAMESPACE, violations);
  const tasks = readTasks(root.tasks, 'tasks', violations, new Set());
  if (tasks.length === 0 && !violations.some((v) => v.path.startsWith('tasks')))
    violations.push({ path: 'tasks', message: 'must not be empty' });
  if (violations.length > 0) return { ok: false, violations };
  return {
    ok: true,
    flow: {
      id: root.id as string,
      namespace: root.namespace as string,
      disabled: root.disabled === true,
      tasks,
      inputs: readInputs(root.inputs),
      outputs: Array.isArray(root.outputs)
        ? (root.outputs as Record<string, unknown>[]).map((o) => ({
            id: String(o.id),
            value: o.value ?? null,
          }))
        : [],
    },
  };
}

function checkId(
  value: unknown,
  path: string,
  pattern: string,
  violations: { path: string; message: string }[],
): void {
  if (value === undefined || value === null) violations.push({ path, message: 'must not be null' });
  else if (typeof value !== 'string' || !new RegExp(`${pattern}$`).test(value))
    violations.push({ path, message: `must match "${pattern}"` });
}

function readTasks(
  value: unknown,
  path: string,
  violations: { path: string; message: string }[],
  ids: Set<string>,
): FakeTask[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): FakeTask[] => {
    const at = `${path}[${index}]`;
    const props = (item ?? {}) as Record<string, unknown>;
    const before = violations.length;
    checkId(props.id, `${at}.id`, TASK_ID, violations);
    if (typeof props.type !== 'string') violations.push({ path: `${at}.type`, message: 'must not be null' });
    if (typeof props.id === 'string') {
      if (ids.has(props.id))
        violations.push({ path: 'tasks', message: `Duplicate task id with name [${props.id}]` });
      ids.add(props.id);
    }
    const children = readTasks(props.tasks, `${at}.tasks`, violations, ids);
    if (violations.length > before) return [];
    return [{ id: props.id as string, type: props.type as string, props, tasks: children }];
  });
}

function readInputs(value: unknown): FakeInput[] {
  if (!Array.isArray(value)) return [];
  return (value as Record<string, unknown>[]).map((input) => ({
    id: String(input.id),
    type: String(input.type ?? 'STRING'),
    required: input.required !== false,
    ...(input.defaults !== undefined ? { defaults: input.defaults } : {}),
  }));
}
