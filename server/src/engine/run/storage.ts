// Internal storage on the local disk: `kestra:///<ns>/<flow>/executions/<id>/…` URIs map to files under
// `<state folder>/storage/`. Tasks write there (Download), FILE inputs are copied there, and the
// `read()` / `fileSize()` functions resolve URIs there, for the current execution only.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';

/** Kestra's `slugify` for path segments: lower case, `_` and spaces to `-`, other symbols dropped. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(/_/g, '-')
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

export class StorageError extends Error {}

export class RunStorage {
  /** `/<ns>/<flow>/executions/<id>`, the prefix of every URI this execution owns. */
  readonly prefix: string;
  private readonly allowed: string[];

  constructor(
    private readonly root: string,
    namespace: string,
    flowId: string,
    executionId: string,
    /** Other execution prefixes whose files may be read (a Subflow's parent execution). */
    extraReadablePrefixes: string[] = [],
  ) {
    this.prefix = executionPrefix(namespace, flowId, executionId);
    this.allowed = [this.prefix, ...extraReadablePrefixes];
  }

  private localPath(path: string): string {
    const full = resolve(this.root, `.${path}`);
    if (!full.startsWith(resolve(this.root) + sep)) throw new StorageError(`Invalid storage path '${path}'`);
    return full;
  }

  private write(path: string, data: Buffer | string): string {
    const full = this.localPath(path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, data);
    return `kestra://${path}`;
  }

  /** Where a task run writes a file; returns its URI. */
  taskFilePath(taskId: string, taskRunId: string, fileName: string): { uri: string; path: string } {
    const path = `${this.prefix}/tasks/${slugify(taskId)}/${taskRunId}/${sanitizeFileName(fileName)}`;
    const full = this.localPath(path);
    mkdirSync(join(full, '..'), { recursive: true });
    return { uri: `kestra://${path}`, path: full };
  }

  putTaskFile(taskId: string, taskRunId: string, fileName: string, data: Buffer | string): string {
    return this.write(
      `${this.prefix}/tasks/${slugify(taskId)}/${taskRunId}/${sanitizeFileName(fileName)}`,
      data,
    );
  }

  /** Copies a local file given to a FILE input; throws with the reason when it cannot be read. */
  putInputFile(inputId: string, localPath: string, extension = '.upl'): string {
    const stats = statSync(localPath, { throwIfNoEntry: false });
    if (!stats) throw new StorageError(`${localPath} (No such file or directory)`);
    if (!stats.isFile()) throw new StorageError(`${localPath} (Is a directory)`);
    const name =
      basename(localPath) || `${inputId}${extension.startsWith('.') ? extension : `.${extension}`}`;
    const path = `${this.prefix}/inputs/${inputId}/${sanitizeFileName(name)}`;
    const full = this.localPath(path);
    mkdirSync(join(full, '..'), { recursive: true });
    copyFileSync(localPath, full);
    return `kestra://${path}`;
  }

  /** Local file of a URI this execution may read; Kestra's ownership message otherwise. */
  resolveReadable(uri: string): string {
    const path = uriPath(uri);
    if (!this.allowed.some((prefix) => path.startsWith(`${prefix}/`))) {
      throw new StorageError(`Unable to read the file '${uri}' as it didn't belong to the current execution`);
    }
    const full = this.localPath(path);
    if (!statSync(full, { throwIfNoEntry: false })?.isFile())
      throw new StorageError(`File '${uri}' not found`);
    return full;
  }

  read(uri: string): string {
    return readFileSync(this.resolveReadable(uri), 'utf8');
  }

  size(uri: string): number {
    return statSync(this.resolveReadable(uri)).size;
  }
}

export function executionPrefix(namespace: string, flowId: string, executionId: string): string {
  return `/${namespace.replace(/\./g, '/')}/${slugify(flowId)}/executions/${executionId}`;
}

/** The path part of `kestra:///a/b` (or of `kestra://a/b`). */
export function uriPath(uri: string): string {
  const match = /^kestra:\/\/(\/?.*)$/.exec(uri);
  if (!match) throw new StorageError(`'${uri}' is not a kestra:// URI`);
  const path = match[1].startsWith('/') ? match[1] : `/${match[1]}`;
  return decodeURI(path);
}

function sanitizeFileName(name: string): string {
  const cleaned = name.replace(/[\\/]/g, '_').replace(/^\.+/, '');
  return cleaned || 'file';
}
