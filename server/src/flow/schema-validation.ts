// Schema validation of a flow with ajv. The flow is validated against the schema's root definition;
// every typed object met in a discriminated slot (task, trigger, condition, input, retry…) is then
// validated against its own definition only, after normalising its `type` (alias, case), so errors
// never come from the branches of other types. Works for any schema in Kestra's server shape.
import type { Document, Node } from 'yaml';
import type { Catalog } from './catalog-types';
import type { FlowDiagnostic } from './diagnostic';
import type { LineIndex, Range } from './range';
import { compileSchema, type CompiledSchema, type UnionHit } from './schema-validation-compile';
import { errorsToDiagnostics, type Owner } from './schema-validation-errors';
import type { UnionInfo } from './schema-validation-index';
import { locate, parseInstancePath, type Segment } from './schema-validation-locate';
import {
  deprecatedTypeDiagnostic,
  ownerName,
  resolveClosedType,
  resolvePluginType,
  unionKindWord,
} from './schema-validation-types';
import {
  readPluginDefaults,
  withPluginDefaults,
  type PluginDefaultEntry,
} from './schema-validation-defaults';
import { subtreeCacheFor, type SubtreeCache, type SubtreeKey } from './schema-validation-cache';
import { findKeyProblems } from './schema-validation-unknown-keys';
import { toPlain } from './yaml-nodes';

export interface SchemaValidationInput {
  document: Document.Parsed;
  lines: LineIndex;
  catalog: Catalog;
  /** Errors a semantic rule reports better (e.g. missing task lists): (owner type, property path). */
  skip?: (ownerType: string, path: Segment[]) => boolean;
  /**
   * When set, the diagnostics of each top-level task, trigger… are remembered under this object
   * (the catalog, not a per-run view of it), so that the next version of the flow re-validates
   * only what changed.
   */
  cacheOwner?: object;
}

interface Job {
  definition: string;
  /** The object as written (unknown keys are checked on it). */
  data: Record<string, unknown>;
  /** The object as Kestra validates it: with plugin defaults merged in. */
  validated: Record<string, unknown>;
  basePath: Segment[];
  owner: Owner;
}

/** A familiar type to show in "add the type" messages. */
const EXAMPLE_TYPES: Record<string, string> = {
  task: 'io.kestra.plugin.core.log.Log',
  trigger: 'io.kestra.plugin.core.trigger.Schedule',
  condition: 'io.kestra.plugin.core.condition.ExecutionStatus',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A typed object met while validating a job, at its full path. */
interface Found {
  hit: UnionHit;
  path: Segment[];
}

class SchemaValidation {
  readonly diagnostics: FlowDiagnostic[] = [];
  private root: Record<string, unknown> = {};
  /** The same data without null-valued keys, as ajv sees it. */
  private cleanRoot: Record<string, unknown> = {};
  private defaults: PluginDefaultEntry[] = [];
  /** What, besides its text, the diagnostics of a subtree depend on (see schema-validation-cache). */
  private context = '';

  constructor(
    private readonly input: SchemaValidationInput,
    private readonly compiled: CompiledSchema,
    private readonly cache: SubtreeCache | undefined,
  ) {}

  private range(path: Segment[], onKey: boolean): Range | undefined {
    const found = locate(this.input.document, path);
    if (!found) return undefined;
    const key = found.pair?.key as Node | undefined;
    const node = onKey ? (key ?? found.node) : (found.node ?? key);
    return node?.range ? this.input.lines.range(node.range[0], node.range[1]) : undefined;
  }

  /** Where a typed object is named: its `type` value, else its `id`, else its first key. */
  private anchor(path: Segment[], data: Record<string, unknown>): Range {
    const first = Object.keys(data)[0];
    return (
      this.range([...path, 'type'], false) ??
      this.range([...path, 'id'], false) ??
      (first !== undefined ? this.range([...path, first], true) : undefined) ??
      this.range(path, false) ??
      this.input.lines.range(0, 0)
    );
  }

  private report(
    range: Range,
    severity: FlowDiagnostic['severity'],
    code: string,
    message: string,
    data?: Record<string, unknown>,
  ): void {
    this.diagnostics.push(
      data ? { range, severity, code, message, data } : { range, severity, code, message },
    );
  }

  run(root: Record<string, unknown>): void {
    this.root = root;
    const rootKey = this.compiled.index.rootKey();
    if (!rootKey) return;
    const anchor =
      this.range(['id'], true) ??
      this.range([Object.keys(root)[0] ?? 'id'], true) ??
      this.input.lines.range(0, 0);
    this.defaults = readPluginDefaults(root);
    this.context = JSON.stringify(this.defaults);
    this.cleanRoot = withoutNulls(root) as Record<string, unknown>;
    const found = this.runJob({
      definition: rootKey,
      data: root,
      validated: this.cleanRoot,
      basePath: [],
      owner: { type: 'flow', name: 'the flow', anchor },
    });
    for (const { hit, path } of found) this.subtree(hit, path);
  }

  /**
   * A typed object at the top of the flow (a task with its children, a trigger, an input…) and
   * everything under it, breadth first; from the cache when its text was validated before.
   */
  private subtree(hit: UnionHit, path: Segment[]): void {
    const key = this.subtreeKey(hit, path);
    const cached = key && this.cache?.lookup(key);
    if (cached) {
      this.diagnostics.push(...cached);
      return;
    }
    const first = this.diagnostics.length;
    const queue: Job[] = [];
    this.typedObject(hit, path, queue);
    for (let i = 0; i < queue.length; i++) {
      for (const inner of this.runJob(queue[i])) this.typedObject(inner.hit, inner.path, queue);
    }
    if (key) this.cache?.store(key, this.diagnostics.slice(first));
  }

  private subtreeKey(hit: UnionHit, path: Segment[]): SubtreeKey | undefined {
    if (!this.cache) return undefined;
    const range = locate(this.input.document, path)?.node?.range;
    if (!range) return undefined;
    const { lines } = this.input;
    return {
      union: hit.union,
      text: lines.text.slice(range[0], range[1]),
      start: lines.positionAt(range[0]),
      end: lines.positionAt(range[1]),
      context: this.context,
      path,
    };
  }

  /** Validates one object against its definition; returns the typed objects found inside it. */
  private runJob(job: Job): Found[] {
    const result = this.compiled.validate(job.definition, job.validated);
    if (!result) return [];
    const { document, lines, skip } = this.input;
    const context = {
      document,
      lines,
      index: this.compiled.rewrittenIndex,
      basePath: job.basePath,
      owner: job.owner,
      skip,
    };
    this.diagnostics.push(...errorsToDiagnostics(result.errors, context));
    const definition = this.compiled.index.definitions[job.definition];
    for (const problem of findKeyProblems(
      this.compiled.index,
      definition,
      job.data,
      job.owner,
      job.basePath.length === 0,
    )) {
      const range = this.range([...job.basePath, ...problem.path], true);
      if (range) this.report(range, problem.severity, problem.code, problem.message, problem.data);
    }
    return result.hits.map((hit) => {
      const path = [...job.basePath, ...parseInstancePath(hit.instancePath)];
      // The hit holds the data without nulls; unknown keys are checked on the data as written.
      return { hit: { ...hit, data: this.dataAt(path) ?? hit.data }, path };
    });
  }

  private dataAt(path: Segment[], from: unknown = this.root): unknown {
    let current: unknown = from;
    for (const segment of path) {
      if (Array.isArray(current)) current = current[Number(segment)];
      else if (isRecord(current)) current = current[String(segment)];
      else return undefined;
    }
    return current;
  }

  /** Checks a typed object's `type` and queues the validation of the object against its branch. */
  private typedObject(hit: UnionHit, path: Segment[], queue: Job[]): void {
    const { catalog } = this.input;
    const { union, data } = hit;
    const kind = unionKindWord(catalog, union);
    if (!isRecord(data)) {
      const range = this.range(path, false) ?? this.range(path.slice(0, -1), true);
      if (range)
        this.report(
          range,
          'error',
          'type-mismatch',
          `Expected a ${kind} here: a mapping with \`type\`${kind === 'task' ? ' and `id`' : ''}.`,
        );
      return;
    }
    const written = data.type;
    if (written === undefined || written === null || written === '') {
      const values = [...union.branches.keys()];
      const example = EXAMPLE_TYPES[kind] ?? values[0];
      const hint = union.plugin ? `add the plugin type, e.g. ${example}` : `add one of ${values.join(', ')}`;
      this.report(this.anchor(path, data), 'error', 'missing-type', `This ${kind} has no \`type\`: ${hint}.`);
      if (union.plugin && kind === 'task') this.nestedTypedObjects(data, path, union, queue);
      return;
    }
    if (typeof written !== 'string') {
      this.report(
        this.anchor(path, data),
        'error',
        'type-mismatch',
        `The \`type\` of a ${kind} must be a string, not ${typeof written}.`,
      );
      return;
    }
    const typeRange = this.anchor(path, data);
    const resolution = union.plugin
      ? resolvePluginType(catalog, written, union, kind, typeRange)
      : resolveClosedType(written, union, kind, typeRange);
    this.diagnostics.push(...resolution.diagnostics);
    const canonical = resolution.canonical;
    if (canonical === undefined) {
      if (union.plugin && kind === 'task') this.nestedTypedObjects(data, path, union, queue);
      return;
    }
    const definition = union.branches.get(canonical)!;
    if (!resolution.diagnostics.some((d) => d.code === 'deprecated-type')) {
      const deprecated = deprecatedTypeDiagnostic(
        catalog,
        this.compiled.index,
        canonical,
        definition,
        typeRange,
      );
      if (deprecated) this.diagnostics.push(deprecated);
    }
    const normalise = (object: Record<string, unknown>): Record<string, unknown> => {
      const copy: Record<string, unknown> = { ...object, type: canonical };
      // `name` is the pre-0.15 spelling of an input's `id`; Kestra copies it over (a warning says so).
      if (kind === 'input' && copy.id === undefined && typeof copy.name === 'string') copy.id = copy.name;
      return copy;
    };
    const normalised = normalise(data);
    const clean = this.dataAt(path, this.cleanRoot);
    const cleaned = normalise(isRecord(clean) ? clean : (withoutNulls(data) as Record<string, unknown>));
    const validated = union.plugin
      ? withPluginDefaults(cleaned, written, canonical, this.defaults, this.input.catalog)
      : cleaned;
    queue.push({
      definition,
      data: normalised,
      validated,
      basePath: path,
      owner: { type: canonical, name: ownerName(union, kind, canonical), anchor: typeRange },
    });
  }

  /** Children of an object we cannot validate (unknown type): typed objects in its lists. */
  private nestedTypedObjects(
    data: Record<string, unknown>,
    path: Segment[],
    union: UnionInfo,
    queue: Job[],
    depth = 0,
  ): void {
    if (depth > 2) return;
    for (const [key, value] of Object.entries(data)) {
      if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (isRecord(item) && typeof item.type === 'string')
            this.typedObject({ instancePath: '', data: item, union }, [...path, key, i], queue);
        });
      } else if (isRecord(value) && key !== 'type') {
        this.nestedTypedObjects(value, [...path, key], union, queue, depth + 1);
      }
    }
  }
}

/**
 * Jackson reads `key:` (null) as an absent value: drop null-valued keys so they are neither type
 * errors nor hiding a missing required property. Nulls in lists are kept (they are real items).
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null) out[key] = withoutNulls(item);
  return out;
}

/**
 * An alias (`*name`, `<<: *name`) makes a subtree read text from elsewhere, and a directive
 * (`%YAML`, `%TAG`) changes how every scalar reads: the text of a subtree then does not decide its
 * data, so such documents are not cached. (The test may also match inside a string: then the
 * document is merely not cached.)
 */
function usesAliasesOrDirectives(text: string): boolean {
  return /^%/m.test(text) || /(^|[\s[{,:-])\*[^\s,\]}]/.test(text);
}

export function validateFlowSchema(input: SchemaValidationInput): FlowDiagnostic[] {
  const root = toPlain(input.document.contents, input.document);
  if (!isRecord(root)) return [];
  const cache =
    input.cacheOwner && !usesAliasesOrDirectives(input.lines.text)
      ? subtreeCacheFor(input.cacheOwner, input.skip)
      : undefined;
  const validation = new SchemaValidation(input, compileSchema(input.catalog.schema), cache);
  validation.run(root);
  return validation.diagnostics;
}
