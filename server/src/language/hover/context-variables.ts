// What each root variable of an expression holds when a task runs (Kestra's run context).
export const CONTEXT_VARIABLES: Record<string, string> = {
  outputs: 'Outputs of the task runs of this execution, by task id: `outputs.<taskId>.<output>`.',
  inputs: 'The execution’s inputs, by input id (dots in an id nest: `inputs.a.b`).',
  vars: 'The flow’s `variables`, as written (not rendered).',
  tasks: 'State of each task run, by task id: `tasks.<taskId>.state`.',
  flow: 'The flow: `id`, `namespace`, `revision`.',
  execution: 'The execution: `id`, `startDate`, `originalId`.',
  task: 'The current task: `id`, `type`.',
  taskrun:
    'The current task run: `id`, `startDate`, `attemptsCount`, `parentId`, and `value` inside a ForEach.',
  parents: 'Ancestor task runs that carry a value or outputs, closest first: `parents[0].taskrun.value`.',
  parent: 'The closest entry of `parents`.',
  trigger: 'Variables of the trigger that started the execution (absent for manual runs).',
  labels: 'The execution’s labels, by key.',
  envs: 'Environment variables that start with `KESTRA_`, prefix removed and lower-cased.',
  globals: 'Global variables from the server configuration.',
  workerTaskrun: 'Inside a WorkingDirectory: the WorkingDirectory’s task run.',
};
