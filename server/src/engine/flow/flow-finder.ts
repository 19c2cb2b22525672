// Finds flows by namespace and id among the YAML files of a folder tree (for Subflow): the folder of
// the running file and everything below it, skipping dot-folders and node_modules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isFlowText } from '../../flow/flow-document';

const MAX_FILES = 5000;

export class FlowFinder {
  private index?: Map<string, string>;

  constructor(private readonly root: string) {}

  /** Path of the file declaring `namespace` + `id`, if any. */
  find(namespace: string, id: string): string | undefined {
    this.index ??= this.build();
    return this.index.get(`${namespace}\u0000${id}`);
  }

  get searchedRoot(): string {
    return this.root;
  }

  private build(): Map<string, string> {
    const index = new Map<string, string>();
    let count = 0;
    const walk = (dir: string) => {
      let names: string[];
      try {
        names = readdirSync(dir).sort();
      } catch {
        return;
      }
      for (const name of names) {
        if (count >= MAX_FILES) return;
        if (name.startsWith('.') || name === 'node_modules') continue;
        const path = join(dir, name);
        const stats = statSync(path, { throwIfNoEntry: false });
        if (stats?.isDirectory()) walk(path);
        else if (stats?.isFile() && /\.ya?ml$/i.test(name)) {
          count++;
          const key = flowKey(path);
          if (key && !index.has(key)) index.set(key, path);
        }
      }
    };
    walk(this.root);
    return index;
  }
}

/** `namespace\0id` of a flow file, read from its top-level keys without a full parse. */
function flowKey(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  if (!isFlowText(text)) return undefined;
  const value = (key: string) => {
    const match = new RegExp(`^${key}[ \\t]*:[ \\t]*(.+?)[ \\t]*(?:#.*)?$`, 'm').exec(text)?.[1];
    return match?.replace(/^(["'])(.*)\1$/, '$2');
  };
  const id = value('id');
  const namespace = value('namespace');
  return id && namespace ? `${namespace}\u0000${id}` : undefined;
}
