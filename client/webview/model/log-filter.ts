// Which log lines the panel shows: a minimum level, one task (or all), and a case-insensitive search.
// Keeps the matching indices incrementally so that appending to a 100,000-line log stays cheap.
import { levelRank, type LogLevel } from '../../../server/src/engine/events';
import type { LogLine } from './run-state';

export interface LogFilter {
  minLevel: LogLevel;
  /** Only lines of this task id (every iteration); undefined for all. */
  taskId?: string;
  /** Case-insensitive substring of the message or task id; empty for all. */
  search: string;
}

export const DEFAULT_LOG_FILTER: LogFilter = { minLevel: 'TRACE', search: '' };

export function matchesLogFilter(
  line: LogLine,
  filter: LogFilter,
  needle = filter.search.toLowerCase(),
): boolean {
  if (levelRank(line.level) < levelRank(filter.minLevel)) return false;
  if (filter.taskId !== undefined && line.taskId !== filter.taskId) return false;
  if (needle === '') return true;
  return (
    line.message.toLowerCase().includes(needle) || (line.taskId?.toLowerCase().includes(needle) ?? false)
  );
}

/** The visible subset of a growing log. */
export class FilteredLog {
  private filter: LogFilter;
  private needle: string;
  /** Indices (into the full log) of the lines that match, ascending. */
  readonly indices: number[] = [];
  /** How many lines of the full log have been looked at. */
  private seen = 0;

  constructor(filter: LogFilter = DEFAULT_LOG_FILTER) {
    this.filter = { ...filter };
    this.needle = filter.search.toLowerCase();
  }

  get current(): LogFilter {
    return { ...this.filter };
  }

  /** Looks at the lines added since the last call; returns how many new ones match. */
  update(lines: readonly LogLine[]): number {
    const before = this.indices.length;
    for (let i = this.seen; i < lines.length; i++) {
      if (matchesLogFilter(lines[i], this.filter, this.needle)) this.indices.push(i);
    }
    this.seen = lines.length;
    return this.indices.length - before;
  }

  /** A new filter: recomputed over the whole log. */
  setFilter(filter: LogFilter, lines: readonly LogLine[]): void {
    this.filter = { ...filter };
    this.needle = filter.search.toLowerCase();
    this.reset();
    this.update(lines);
  }

  /** A new log (a new run): forget everything seen. */
  reset(): void {
    this.indices.length = 0;
    this.seen = 0;
  }
}

/** Splits `text` around case-insensitive occurrences of `search`, for highlighting with text nodes. */
export function splitMatches(text: string, search: string): { text: string; match: boolean }[] {
  if (search === '') return [{ text, match: false }];
  const lower = text.toLowerCase();
  const needle = search.toLowerCase();
  // Lower-casing changes the length of a few characters (İ): offsets would not line up.
  if (lower.length !== text.length) return [{ text, match: false }];
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, from)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length || parts.length === 0) parts.push({ text: text.slice(from), match: false });
  return parts;
}
