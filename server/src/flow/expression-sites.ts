// Finds every string in a flow that holds Pebble ({{ }}, {% %}, {# #}) and where it sits in the text.
import { isMap, isPair, isScalar, isSeq, type Document, type Scalar } from 'yaml';
import type { FlowModel, TaskModel } from './model';
import type { LineIndex, Range } from './range';
import { scalarOffsets } from './scalar-offsets';

export interface ExpressionSite {
  readonly node: Scalar;
  /** The string as YAML reads it: what Pebble will see. */
  value: string;
  /** offsets[i] is the document offset of value[i]; offsets[value.length] is its end. */
  readonly offsets: number[];
  readonly range: Range;
  /** Property path from the flow root, e.g. ['tasks', 0, 'message']. */
  path: (string | number)[];
  /** True when the string is a mapping key (Kestra renders keys of dynamic maps too). */
  isKey: boolean;
  /** The innermost task the string belongs to, if any. */
  task?: TaskModel;
}

const PEBBLE_OPENERS = /\{[{%#]/;

/**
 * Whether document offset `offset` can lie in the site's value: a check on the scalar's own range,
 * so that a search for the site at a position need not map every site's characters.
 */
export function siteMayContain(site: ExpressionSite, offset: number): boolean {
  const range = site.node.range;
  return !range || (range[0] <= offset && offset <= range[2]);
}

export function containsPebble(value: string): boolean {
  return PEBBLE_OPENERS.test(value);
}

export function findExpressionSites(doc: Document, model: FlowModel, lines: LineIndex): ExpressionSite[] {
  const finder = new SiteFinder(lines, tasksByNode(model));
  finder.walk(doc.contents, null, undefined);
  return finder.sites;
}

/**
 * The sites that `siteMayContain` would accept for `offset`, as `findExpressionSites` would give
 * them, found by walking only the nodes whose range holds the offset (completion while typing).
 */
export function expressionSitesNear(
  doc: Document,
  model: FlowModel,
  lines: LineIndex,
  offset: number,
): ExpressionSite[] {
  const finder = new SiteFinder(lines, tasksByNode(model), offset);
  finder.walk(doc.contents, null, undefined);
  return finder.sites;
}

const taskMaps = new WeakMap<FlowModel, Map<unknown, TaskModel>>();

function tasksByNode(model: FlowModel): Map<unknown, TaskModel> {
  let byNode = taskMaps.get(model);
  if (!byNode) {
    byNode = new Map();
    for (const task of model.allTasks) byNode.set(task.node, task);
    taskMaps.set(model, byNode);
  }
  return byNode;
}

/**
 * One depth-first walk in document order (as `yaml`'s `visit` would go), keeping the property path
 * on a stack: `visit` copies its ancestor list at every node, and the path was rebuilt from it for
 * every string, with an `indexOf` in the enclosing list (quadratic in the length of `tasks`).
 */
class SiteFinder {
  readonly sites: ExpressionSite[] = [];
  private readonly path: (string | number)[] = [];

  constructor(
    private readonly lines: LineIndex,
    private readonly taskByNode: Map<unknown, TaskModel>,
    /** When set, only nodes whose range holds this offset are walked (a node's range holds its children's). */
    private readonly focus?: number,
  ) {}

  private near(node: unknown): boolean {
    if (this.focus === undefined) return true;
    if (isPair(node)) return this.near(node.key) || this.near(node.value);
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return !range || (range[0] <= this.focus && this.focus <= range[2]);
  }

  /** `key` is the node's place in its parent as `visit` names it: an index, 'key', 'value' or null. */
  walk(node: unknown, key: number | 'key' | 'value' | null, task: TaskModel | undefined): void {
    if (!this.near(node)) return;
    if (isScalar(node)) {
      if (typeof node.value === 'string' && containsPebble(node.value))
        this.site(node, node.value, task, key === 'key');
    } else if (isMap(node)) {
      const inner = this.taskByNode.get(node) ?? task;
      node.items.forEach((item, i) => this.walk(item, i, inner));
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        this.path.push(i);
        this.walk(item, i, task);
        this.path.pop();
      });
    } else if (isPair(node)) {
      // A string key is a key site; the value sits under the key's name. Other keys add no name.
      const name = isScalar(node.key) ? String(node.key.value) : undefined;
      this.walk(node.key, 'key', task);
      if (name !== undefined) this.path.push(name);
      this.walk(node.value, 'value', task);
      if (name !== undefined) this.path.pop();
    }
  }

  private site(node: Scalar, value: string, task: TaskModel | undefined, isKey: boolean): void {
    this.sites.push(new FoundSite(this.lines, node, value, [...this.path], isKey, task));
  }
}

/**
 * A site whose offset map and range are worked out on first use: most checks of most strings find
 * nothing to report, and a flow of thousands of expressions would otherwise map every character.
 */
class FoundSite implements ExpressionSite {
  private offsetMap: number[] | undefined;
  private rangeFound: Range | undefined;

  constructor(
    private readonly lines: LineIndex,
    readonly node: Scalar,
    readonly value: string,
    readonly path: (string | number)[],
    readonly isKey: boolean,
    readonly task: TaskModel | undefined,
  ) {}

  get offsets(): number[] {
    return (this.offsetMap ??= scalarOffsets(this.lines.text, this.node, this.value));
  }

  get range(): Range {
    const [start, end] = this.node.range ?? [0, 0];
    return (this.rangeFound ??= this.lines.range(start, end));
  }
}
