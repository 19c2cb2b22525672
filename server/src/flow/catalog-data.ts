// The shape of schemas/catalog.json: what `npm run schema` writes and PluginCatalog.bundled() reads.
// Plugins list their own properties only; the loader appends the common task/trigger properties.
import type { InputTypeSpec, PluginKind, PluginProperty, PluginSpec } from './catalog-types';

export const CATALOG_DATA_VERSION = 1;

export interface CatalogData {
  version: number;
  plugins: PluginSpec[];
  flowProperties: PluginProperty[];
  commonTaskProperties: PluginProperty[];
  commonTriggerProperties: PluginProperty[];
  inputTypes: InputTypeSpec[];
  commonInputProperties: PluginProperty[];
}

/** Definition keys of the polymorphic slots of a Kestra flow schema (§7.2). */
export const UNION_KEYS = {
  task: 'io.kestra.core.models.tasks.Task',
  trigger: 'io.kestra.core.models.triggers.AbstractTrigger',
  condition: 'io.kestra.core.models.conditions.Condition',
  scheduleCondition: 'io.kestra.core.models.conditions.ScheduleCondition',
  taskRunner: 'io.kestra.core.models.tasks.runners.TaskRunner',
  input: 'io.kestra.core.models.flows.Input_java.lang.Object_',
  retry: 'io.kestra.core.models.tasks.retrys.AbstractRetry',
  sla: 'io.kestra.core.models.flows.sla.SLA',
} as const;

export const FLOW_KEY = 'io.kestra.core.models.flows.Flow';

/** Which plugin kind each plugin union holds. */
export const PLUGIN_UNIONS: ReadonlyArray<readonly [string, PluginKind]> = [
  [UNION_KEYS.task, 'task'],
  [UNION_KEYS.trigger, 'trigger'],
  [UNION_KEYS.condition, 'condition'],
  [UNION_KEYS.scheduleCondition, 'condition'],
  [UNION_KEYS.taskRunner, 'taskRunner'],
];

/** The string alternative that `Property<T>` fields accept besides T (§7.2). */
export const EXPRESSION_PATTERN = '.*{{.*}}.*';
