// Where an expression string sits, as far as rendering goes: in a task property (rendered when that
// task runs), a flow output value (rendered at the end), a trigger or an input (rendered before any
// task), a place whose context is unknown (variables are rendered wherever `render(vars.x)` is called,
// plugin defaults wherever they are applied), or a property Kestra never renders.
import { isMap, isPair, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Catalog, PluginProperty } from '../../flow/catalog-types';
import type { ExpressionSite } from '../../flow/expression-sites';
import type { FlowModel, TaskModel, TriggerModel } from '../../flow/model';
import { canonicalType, SUBFLOW } from './flowable-kinds';

export type SiteKind = 'task' | 'flow-output' | 'trigger' | 'input' | 'variable' | 'unknown' | 'literal';

export interface SiteContext {
  kind: SiteKind;
  /** `task`: the innermost task the string belongs to. */
  task?: TaskModel;
  /** `trigger`: the trigger the string belongs to. */
  trigger?: TriggerModel;
  /** `task`/`literal`: the task property the string is in (`message`, `runIf`, `options`…). */
  property?: string;
  /**
   * `literal` in a task: the catalog marks this string property as not dynamic, so Kestra uses the
   * text as written.
   */
  staticProperty?: PluginProperty;
}

/** Properties that document rather than configure: never rendered, often quote `{{ }}` on purpose. */
const DOCUMENTATION = new Set(['description', 'displayName']);
const NEVER_RENDERED = new Set([...DOCUMENTATION, 'id', 'type']);

/**
 * Not dynamic in the catalog, yet rendered by the task itself, once per item (reference §3.29): the
 * `dynamic` flag alone does not prove a string is used literally.
 */
const RENDERED_BY_TASK = new Set([
  'io.kestra.plugin.core.storage.FilterItems#filterCondition',
  'io.kestra.plugin.core.storage.DeduplicateItems#expr',
]);

export function siteContext(site: ExpressionSite, model: FlowModel, catalog: Catalog): SiteContext {
  const [top, index, field] = site.path;
  switch (top) {
    case 'tasks':
    case 'errors':
    case 'finally':
    case 'afterExecution':
    case 'listeners':
      return site.task
        ? taskSite(site, site.task, catalog)
        : { kind: top === 'listeners' ? 'unknown' : 'literal' };
    case 'triggers':
      return { kind: 'trigger', trigger: typeof index === 'number' ? model.triggers[index] : undefined };
    case 'inputs':
      return NEVER_RENDERED.has(String(field)) ? { kind: 'literal' } : { kind: 'input' };
    case 'outputs':
      return field === 'value' ? { kind: 'flow-output' } : { kind: 'literal' };
    case 'variables':
      return { kind: 'variable' };
    case 'description':
    case 'id':
    case 'namespace':
      return { kind: 'literal' };
    default:
      return { kind: 'unknown' };
  }
}

function taskSite(site: ExpressionSite, task: TaskModel, catalog: Catalog): SiteContext {
  const pair = pairHolding(task.node, site.node);
  const property = pair && isScalar(pair.key) ? String(pair.key.value) : undefined;
  // A key of the task mapping itself names a property: Kestra never renders it.
  if (!pair || !property || pair.key === site.node || NEVER_RENDERED.has(property)) {
    return { kind: 'literal', task, property };
  }
  // Subflow `outputs` (deprecated) is rendered in the child execution, whose tasks this file does not show.
  if (property === 'outputs' && canonicalType(catalog, task) === SUBFLOW)
    return { kind: 'unknown', task, property };
  const staticProperty = staticStringProperty(site, task, property, pair, catalog);
  if (staticProperty) return { kind: 'literal', task, property, staticProperty };
  return { kind: 'task', task, property };
}

/** The pair of `map` whose value contains `node`. */
function pairHolding(map: YAMLMap, node: Node): Pair | undefined {
  const at = node.range?.[0] ?? -1;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = item.key as Node | null;
    const value = item.value as Node | null;
    if (key === node) return item as Pair;
    if (value?.range && value.range[0] <= at && at < Math.max(value.range[1], value.range[0] + 1))
      return item as Pair;
  }
  return undefined;
}

/**
 * The catalog property when the string is the whole value of a string property marked not dynamic
 * (directly, or as a field of an object property such as Request `options`), or an item of such a
 * string list. Anything less certain gives undefined.
 */
function staticStringProperty(
  site: ExpressionSite,
  task: TaskModel,
  name: string,
  pair: Pair,
  catalog: Catalog,
): PluginProperty | undefined {
  if (site.isKey) return undefined;
  const spec = task.type ? catalog.resolve(task.type.value)?.spec : undefined;
  let property = spec?.properties.find((p) => p.name === name);
  if (!spec || !property || RENDERED_BY_TASK.has(`${spec.type}#${name}`)) return undefined;
  let node = pair.value as Node | null;
  // Walk down object properties whose fields the catalog describes one by one.
  while (property.type === 'object' && property.properties?.length && isMap(node)) {
    const inner = pairHolding(node, site.node);
    const key = inner && isScalar(inner.key) ? String(inner.key.value) : undefined;
    const field: PluginProperty | undefined = key
      ? property.properties.find((p) => p.name === key)
      : undefined;
    if (!inner || !field) return undefined;
    property = field;
    node = inner.value as Node | null;
  }
  if (property.dynamic) return undefined;
  if (property.type === 'string' && node === site.node) return property;
  if (property.type === 'list<string>' && node && 'items' in node) {
    return (node as { items: unknown[] }).items.includes(site.node) ? property : undefined;
  }
  return undefined;
}
