// Remembers the schema diagnostics of each top-level typed object (a task with all its children, a
// trigger, an input…) by its source text, so that an edit re-validates only the object it touched.
//
// What the diagnostics of such a subtree depend on, and how the key covers it:
// - its data: the source text (a document with aliases is never cached: an alias reads text
//   from elsewhere; nor one with directives, which change how scalars read);
// - which slot it sits in: the union it belongs to;
// - the flow's plugin defaults, merged into what is validated: part of the key;
// - its place in the text: positions are kept relative to its first line, and the key holds its
//   start column (then every position inside it moves by whole lines only);
// - its place in the flow: only messages about the object itself name it ("item 3 of 'tasks'"), so
//   an entry with diagnostics is reused only at the same path; an entry without any, anywhere.
// Diagnostics that point outside the subtree make it uncacheable. The catalog is the cache's owner.
import type { FlowDiagnostic } from './diagnostic';
import type { Position, Range } from './range';
import type { UnionInfo } from './schema-validation-index';
import type { Segment } from './schema-validation-locate';

/** Every task of a 5 MB flow (~42,000), so that its edits hit too; the oldest entries go first. */
const MAX_ENTRIES = 50_000;

interface Entry {
  /** The subtree's path, when its diagnostics may name it; undefined when it has none. */
  path?: string;
  /** Diagnostics with lines counted from the subtree's first line. */
  diagnostics: FlowDiagnostic[];
}

type Skip = ((ownerType: string, path: Segment[]) => boolean) | undefined;

const unionIds = new WeakMap<UnionInfo, number>();
let nextUnionId = 0;

function unionId(union: UnionInfo): number {
  let id = unionIds.get(union);
  if (id === undefined) unionIds.set(union, (id = nextUnionId++));
  return id;
}

/** A copy that does not keep the whole document text alive, as a slice of it would. */
function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function shift(position: Position, lines: number): Position {
  return { line: position.line + lines, character: position.character };
}

function shiftRange(range: Range, lines: number): Range {
  return { start: shift(range.start, lines), end: shift(range.end, lines) };
}

function moved(diagnostic: FlowDiagnostic, lines: number): FlowDiagnostic {
  return { ...diagnostic, range: shiftRange(diagnostic.range, lines) };
}

export interface SubtreeKey {
  union: UnionInfo;
  /** The subtree's source text and where it starts. */
  text: string;
  start: Position;
  end: Position;
  /** Everything else the diagnostics depend on (plugin defaults), as a string. */
  context: string;
  path: Segment[];
}

export class SubtreeCache {
  private readonly entries = new Map<string, Entry>();

  private static key(key: SubtreeKey): string {
    return `${unionId(key.union)}\u0000${key.start.character}\u0000${key.context}\u0000${key.text}`;
  }

  /** The subtree's diagnostics, positioned for `key.start`, or undefined when not known. */
  lookup(key: SubtreeKey): FlowDiagnostic[] | undefined {
    const id = SubtreeCache.key(key);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.path !== undefined && entry.path !== JSON.stringify(key.path)) return undefined;
    // Most recently used last: the oldest are dropped first.
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.diagnostics.map((d) => moved(d, key.start.line));
  }

  /** Records the subtree's diagnostics unless one of them points outside it. */
  store(key: SubtreeKey, diagnostics: FlowDiagnostic[]): void {
    const inside = diagnostics.every(
      (d) => !before(d.range.start, key.start) && !before(key.end, d.range.end),
    );
    if (!inside) return;
    this.entries.set(detached(SubtreeCache.key(key)), {
      path: diagnostics.length > 0 ? JSON.stringify(key.path) : undefined,
      diagnostics: diagnostics.map((d) => moved(d, -key.start.line)),
    });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<object, Map<Skip, SubtreeCache>>();

/**
 * One cache per catalog (its schema and its plugin names decide the diagnostics) and per `skip`
 * rule. `owner` is the catalog itself, not a per-run view of it.
 */
export function subtreeCacheFor(owner: object, skip: Skip): SubtreeCache {
  let bySkip = caches.get(owner);
  if (!bySkip) caches.set(owner, (bySkip = new Map()));
  let cache = bySkip.get(skip);
  if (!cache) bySkip.set(skip, (cache = new SubtreeCache()));
  return cache;
}
