// The key-value store on the local disk: `<state folder>/kv/<namespace>/<key>.json`, each file holding
// the typed value and its optional expiry. Used by the kv.* tasks and the `kv()` function.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PebbleValue } from '../../expr/values';

const KEY_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
const NAMESPACE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

interface StoredEntry {
  value: unknown;
  /** Epoch milliseconds. */
  expiresAt?: number;
}

export class KvError extends Error {}

export class KvStore {
  constructor(
    private readonly root: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private file(namespace: string, key: string): string {
    if (!NAMESPACE_PATTERN.test(namespace)) throw new KvError(`Invalid namespace '${namespace}'`);
    if (!KEY_PATTERN.test(key)) {
      throw new KvError(`Key '${key}' is invalid: a key must match [a-zA-Z0-9][a-zA-Z0-9._-]*`);
    }
    return join(this.root, namespace, `${key}.json`);
  }

  private readEntry(namespace: string, key: string): StoredEntry | undefined {
    let text: string;
    try {
      text = readFileSync(this.file(namespace, key), 'utf8');
    } catch (error) {
      if (error instanceof KvError) throw error;
      return undefined;
    }
    const entry = JSON.parse(text) as StoredEntry;
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.now().getTime()) return undefined;
    return entry;
  }

  get(namespace: string, key: string): { found: boolean; value: PebbleValue } {
    const entry = this.readEntry(namespace, key);
    return entry ? { found: true, value: entry.value as PebbleValue } : { found: false, value: null };
  }

  has(namespace: string, key: string): boolean {
    return this.readEntry(namespace, key) !== undefined;
  }

  set(namespace: string, key: string, value: unknown, ttlMs?: number): void {
    const file = this.file(namespace, key);
    mkdirSync(join(file, '..'), { recursive: true });
    const entry: StoredEntry = { value: JSON.parse(JSON.stringify(value ?? null)) };
    if (ttlMs !== undefined) entry.expiresAt = this.now().getTime() + ttlMs;
    writeFileSync(file, JSON.stringify(entry));
  }

  /** True when the key existed (and was not expired). */
  delete(namespace: string, key: string): boolean {
    const existed = this.has(namespace, key);
    rmSync(this.file(namespace, key), { force: true });
    return existed;
  }

  /** Live keys of a namespace, sorted, optionally filtered by prefix. */
  keys(namespace: string, prefix?: string): string[] {
    this.file(namespace, 'probe');
    let names: string[];
    try {
      names = readdirSync(join(this.root, namespace));
    } catch {
      return [];
    }
    return names
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .filter((key) => (prefix ? key.startsWith(prefix) : true) && this.has(namespace, key))
      .sort();
  }
}
