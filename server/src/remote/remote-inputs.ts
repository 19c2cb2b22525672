// Execution inputs for a Kestra server (§8.3): a multipart body with one text part per input (the
// raw text a user types in Kestra's form; the server parses and validates it, §2.4), and one file
// part per FILE input whose *file name* is the input id, since that is what Kestra reads.
import { openAsBlob } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { open, readFile, stat } from 'node:fs/promises';
import { FormData } from 'undici';
import { parseDocument } from 'yaml';
import { RemoteError } from './remote-error';

export interface RemoteInput {
  id: string;
  /** Raw text, or a local file to upload (FILE inputs). */
  value: string | { file: string };
}

export async function inputsForm(inputs: RemoteInput[]): Promise<FormData> {
  const form = new FormData();
  for (const { id, value } of inputs) {
    if (typeof value === 'string') {
      form.append(id, value);
      continue;
    }
    let blob: Blob;
    try {
      // openAsBlob's own errors do not say why; stat and open first for a precise reason.
      if ((await stat(value.file)).isDirectory())
        throw Object.assign(new Error('directory'), { code: 'EISDIR' });
      await (await open(value.file, 'r')).close();
      blob = await openAsBlob(value.file);
    } catch (error) {
      throw new RemoteError(
        `cannot read the file of input '${id}': ${value.file} (${fileProblem(error)}).`,
        2,
      );
    }
    form.append(id, blob, id);
  }
  return form;
}

/** Ids of the inputs a flow declares as FILE, read from its YAML alone (no plugin knowledge needed). */
export function fileInputIds(flowText: string): Set<string> {
  const ids = new Set<string>();
  let inputs: unknown;
  try {
    inputs = parseDocument(flowText, { uniqueKeys: false }).toJS({ maxAliasCount: 100 })?.inputs;
  } catch {
    // Broken YAML: the server will say what is wrong with it.
    return ids;
  }
  if (!Array.isArray(inputs)) return ids;
  for (const input of inputs as unknown[]) {
    const { id, type } = (input ?? {}) as { id?: unknown; type?: unknown };
    if (typeof id === 'string' && type === 'FILE') ids.add(id);
  }
  return ids;
}

/**
 * `--input ID=VALUE` arguments as remote inputs: `ID=@PATH` uploads PATH for a FILE input and sends
 * the file's text for any other input (long JSON), as the embedded engine does.
 */
export async function remoteInputsFromArgs(
  flowText: string,
  args: { id: string; value: string }[],
  cwd: string,
): Promise<RemoteInput[]> {
  const files = fileInputIds(flowText);
  const result: RemoteInput[] = [];
  for (const { id, value } of args) {
    if (!value.startsWith('@')) {
      result.push({ id, value });
      continue;
    }
    const path = isAbsolute(value.slice(1)) ? value.slice(1) : resolve(cwd, value.slice(1));
    if (files.has(id)) {
      result.push({ id, value: { file: path } });
      continue;
    }
    try {
      result.push({ id, value: await readFile(path, 'utf8') });
    } catch (error) {
      throw new RemoteError(`cannot read the file of --input ${id}: ${path} (${fileProblem(error)}).`, 2);
    }
  }
  return result;
}

function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}
