// What a place in a flow holds: the flow itself, a typed plugin (task, trigger, condition, task runner),
// an input, a plain object, a list, a free map or a scalar. Walks a YAML path through the catalog,
// reading each plugin's `type` from the outline so that a task offers only its own properties.
import type { Catalog, InputTypeSpec, PluginKind, PluginProperty, PluginSpec } from '../flow/catalog-types';
import { mergedProperties, unionMembers, type UnionMember, type UnionName } from './union-members';
import type { OutlineMap, OutlineSeq } from './yaml-outline';
import { entryValue, type PathSegment } from './yaml-path';

export type Shape =
  | { kind: 'flow' }
  | { kind: 'plugin'; pluginKind: PluginKind; typeName?: string; spec?: PluginSpec; inDefaults?: boolean }
  | { kind: 'input'; typeName?: string; inputType?: InputTypeSpec }
  | { kind: 'pluginDefault'; properties: PluginProperty[] }
  /** A retry policy or an SLA: a family of objects told apart by `type`. */
  | { kind: 'union'; union: UnionName; member?: UnionMember; property: PluginProperty }
  | { kind: 'object'; properties: PluginProperty[]; property?: PluginProperty }
  | { kind: 'list'; item: Shape; property?: PluginProperty }
  | { kind: 'map'; value: Shape; property?: PluginProperty }
  | { kind: 'scalar'; property?: PluginProperty }
  | { kind: 'unknown' };

/** Keys of a flowable task that hold task lists when the catalog says nothing more precise. */
const TASK_LIST_KEYS = new Set(['tasks', 'then', 'else', 'errors', 'finally', 'afterExecution', 'defaults']);
/** Flow keys holding task lists. */
const FLOW_TASK_LISTS = new Set(['tasks', 'errors', 'finally', 'afterExecution']);

const TASK: Shape = { kind: 'plugin', pluginKind: 'task' };

export function shapeAt(catalog: Catalog, root: OutlineMap, path: PathSegment[]): Shape {
  let shape: Shape = { kind: 'flow' };
  let node: OutlineMap | OutlineSeq | undefined = root;
  for (const segment of path) {
    shape = refine(catalog, shape, node);
    const parent: OutlineMap | OutlineSeq | undefined = node;
    node = childNode(node, segment);
    shape = childShape(catalog, shape, segment, parent);
  }
  return refine(catalog, shape, node);
}

/** Properties a mapping of this shape accepts (common ones included). */
export function propertiesOf(catalog: Catalog, shape: Shape): PluginProperty[] {
  switch (shape.kind) {
    case 'flow':
      return catalog.flowProperties;
    case 'plugin': {
      const common = commonProperties(catalog, shape.pluginKind);
      const own = shape.spec?.properties ?? [];
      const extra = common.filter((c) => !own.some((p) => p.name === c.name));
      // `id` and `type` lead, as in every task written by hand.
      const lead = extra.filter((c) => c.name === 'id' || c.name === 'type');
      const all = [...lead, ...own, ...extra.filter((c) => !lead.includes(c))];
      return shape.inDefaults ? all.filter((p) => p.name !== 'id' && p.name !== 'type') : all;
    }
    case 'input':
      return [...catalog.commonInputProperties, ...(shape.inputType?.properties ?? [])];
    case 'pluginDefault':
    case 'object':
      return shape.properties;
    case 'union': {
      if (shape.member) return shape.member.properties;
      const members = unionMembers(catalog, shape.union);
      return members.length ? mergedProperties(members) : (shape.property.properties ?? []);
    }
    default:
      return [];
  }
}

function commonProperties(catalog: Catalog, kind: PluginKind): PluginProperty[] {
  if (kind === 'task') return catalog.commonTaskProperties;
  if (kind === 'trigger') return catalog.commonTriggerProperties;
  return [];
}

/** Fills in the `type` of a plugin or input mapping from its own `type:` entry. */
function refine(catalog: Catalog, shape: Shape, node: OutlineMap | OutlineSeq | undefined): Shape {
  if (node?.kind !== 'map') return shape;
  if (shape.kind === 'plugin' && !shape.inDefaults) {
    const typeName = entryValue(node, 'type');
    return { ...shape, typeName, spec: typeName ? catalog.resolve(typeName)?.spec : undefined };
  }
  if (shape.kind === 'input') {
    const typeName = entryValue(node, 'type');
    return { ...shape, typeName, inputType: catalog.inputTypes.find((t) => t.type === typeName) };
  }
  if (shape.kind === 'union') {
    const typeName = entryValue(node, 'type');
    return { ...shape, member: unionMembers(catalog, shape.union).find((m) => m.value === typeName) };
  }
  return shape;
}

function childNode(
  node: OutlineMap | OutlineSeq | undefined,
  segment: PathSegment,
): OutlineMap | OutlineSeq | undefined {
  if (!node) return undefined;
  if (node.kind === 'map') return node.entries.find((e) => e.key === segment && e.hasColon)?.block;
  return typeof segment === 'number' ? node.items[segment]?.block : undefined;
}

function childShape(
  catalog: Catalog,
  shape: Shape,
  segment: PathSegment,
  node: OutlineMap | OutlineSeq | undefined,
): Shape {
  if (shape.kind === 'list') return typeof segment === 'number' ? shape.item : { kind: 'unknown' };
  if (shape.kind === 'map') return shape.value;
  if (typeof segment === 'number') return { kind: 'unknown' };
  const key = segment;
  const property = propertiesOf(catalog, shape).find((p) => p.name === key);
  switch (shape.kind) {
    case 'flow':
      return flowChild(key, property);
    case 'plugin':
      return pluginChild(shape, key, property);
    case 'pluginDefault':
      if (key === 'values' && node?.kind === 'map') {
        const typeName = entryValue(node, 'type');
        const spec = typeName ? catalog.resolve(typeName)?.spec : undefined;
        if (spec) return { kind: 'plugin', pluginKind: spec.kind, typeName, spec, inDefaults: true };
        return { kind: 'map', value: { kind: 'unknown' }, property };
      }
      return fromProperty(property);
    default:
      return fromProperty(property);
  }
}

function flowChild(key: string, property: PluginProperty | undefined): Shape {
  if (property) return fromProperty(property);
  // Keys the catalog does not describe still hold what Kestra puts there.
  if (FLOW_TASK_LISTS.has(key)) return { kind: 'list', item: TASK };
  if (key === 'triggers') return { kind: 'list', item: { kind: 'plugin', pluginKind: 'trigger' } };
  if (key === 'inputs') return { kind: 'list', item: { kind: 'input' } };
  if (key === 'variables') return { kind: 'map', value: { kind: 'unknown' } };
  return { kind: 'unknown' };
}

function pluginChild(
  shape: Extract<Shape, { kind: 'plugin' }>,
  key: string,
  property: PluginProperty | undefined,
): Shape {
  if (property) return fromProperty(property);
  if (key === 'taskRunner') return { kind: 'plugin', pluginKind: 'taskRunner' };
  // An unknown plugin type: its child task lists are still tasks (ids, outputs, navigation).
  if (shape.pluginKind === 'task' && !shape.spec && TASK_LIST_KEYS.has(key))
    return { kind: 'list', item: TASK };
  if (shape.pluginKind === 'task' && !shape.spec && key === 'cases') {
    return { kind: 'map', value: { kind: 'list', item: TASK } };
  }
  return { kind: 'unknown' };
}

/** The shape of a property's value, from its display type (`tasks`, `list<object>`, `map<string, tasks>`…). */
export function fromProperty(property: PluginProperty | undefined): Shape {
  if (!property) return { kind: 'unknown' };
  return fromType(property.type.trim(), property);
}

function fromType(type: string, property: PluginProperty): Shape {
  const options = splitUnion(type);
  if (options.length > 1) {
    // `string | list<string>`: a structured option is the one that has anything below it.
    const structured = options.find((o) => /^(list|map)<|^object$|^tasks$/.test(o));
    return fromType(structured ?? options[0], property);
  }
  const list = /^list<(.*)>$/.exec(type);
  if (list) return { kind: 'list', item: fromType(list[1].trim(), property), property };
  const map = /^map<\s*string\s*,(.*)>$/.exec(type);
  if (map) return { kind: 'map', value: fromType(map[1].trim(), property), property };
  switch (type) {
    case 'tasks':
      return { kind: 'list', item: TASK, property };
    case 'task':
      return TASK;
    case 'trigger':
      return { kind: 'plugin', pluginKind: 'trigger' };
    case 'condition':
      return { kind: 'plugin', pluginKind: 'condition' };
    case 'taskRunner':
      return { kind: 'plugin', pluginKind: 'taskRunner' };
    case 'input':
      return { kind: 'input' };
    case 'labels':
      return { kind: 'map', value: { kind: 'scalar' }, property };
    case 'retry':
    case 'sla':
      return { kind: 'union', union: type, property };
    case 'object':
      if (property.name === 'pluginDefaults' || property.name === 'taskDefaults') {
        return { kind: 'pluginDefault', properties: property.properties ?? [] };
      }
      return property.properties?.length
        ? { kind: 'object', properties: property.properties, property }
        : { kind: 'map', value: { kind: 'unknown' }, property };
    default:
      return { kind: 'scalar', property };
  }
}

/** Splits `a | list<b | c>` on its top-level bars. */
function splitUnion(type: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === '<') depth++;
    else if (type[i] === '>') depth--;
    else if (type[i] === '|' && depth === 0) {
      parts.push(type.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(type.slice(start).trim());
  return parts;
}
