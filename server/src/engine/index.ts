// Public API of the embedded engine, for the CLI, the language server and the VS Code client.
export { executionError, runFlow, stateDirectory, type RunFlowOptions, type RunFlowResult } from './engine';
export type { InputError } from './session';
export * from './events';
export { loadFlow, type FlowProblem, type LoadFlowResult } from './flow/load-flow';
export type { FlowDef, TaskDef } from './flow/flow-definition';
export {
  INPUT_TYPES,
  inputDefinitionFromPlain,
  type InputDefinition,
  type InputType,
} from './inputs/input-definition';
export { parseInputValue, type InputParseResult } from './inputs/parse-input';
export {
  nestInputs,
  resolveInputs,
  type InputResolverHooks,
  type ResolvedInput,
} from './inputs/resolve-inputs';
export type { Execution, TaskRun } from './run/execution';
export type { Confirm } from './run/task-context';
export { SUPPORTED_TASK_TYPES, findSupportedTaskType } from './flow/task-types';
export type { StateType } from './state';
