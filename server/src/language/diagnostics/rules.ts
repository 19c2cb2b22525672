// Every semantic rule, in the order they run. Add a rule: one file exporting a FlowRule, listed here.
import { dagDependencies } from './dag-dependencies';
import { duplicateInputIds } from './duplicate-input-ids';
import { duplicateOutputIds } from './duplicate-output-ids';
import { duplicateTaskIds } from './duplicate-task-ids';
import { duplicateTriggerIds } from './duplicate-trigger-ids';
import { flowTriggerConditions } from './flow-trigger-conditions';
import { idPatterns } from './id-patterns';
import { inputDefaults } from './input-defaults';
import { inputDependsOn } from './input-depends-on';
import { inputDeprecatedName } from './input-deprecated-name';
import { inputItemTypes } from './input-item-types';
import { inputRegexes } from './input-regexes';
import { pluginDefaults } from './plugin-defaults';
import { recursiveSubflow } from './recursive-subflow';
import { requiredTaskLists } from './required-task-lists';
import { retryIntervals } from './retry-intervals';
import type { FlowRule } from './rule-context';
import { switchCases } from './switch-cases';
import { systemLabels } from './system-labels';
import { workerGroup } from './worker-group';
import { workingDirectoryChildren } from './working-directory';

export const semanticRules: FlowRule[] = [
  idPatterns,
  duplicateTaskIds,
  duplicateTriggerIds,
  duplicateInputIds,
  duplicateOutputIds,
  requiredTaskLists,
  switchCases,
  dagDependencies,
  workingDirectoryChildren,
  workerGroup,
  recursiveSubflow,
  inputDefaults,
  inputRegexes,
  inputItemTypes,
  inputDependsOn,
  inputDeprecatedName,
  retryIntervals,
  systemLabels,
  pluginDefaults,
  flowTriggerConditions,
];
