// Looking for values that must not be on disk: every file under some folders, searched as UTF-8 and
// UTF-16 bytes (VS Code's state databases hold both), and the extension's output channel, which VS Code
// writes to a log file of the profile.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAX_FILE_BYTES = 64 * 1024 * 1024;

function* filesUnder(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return; // gone (temp files come and go) or unreadable
  }
  for (const name of names) {
    const path = join(dir, name);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      continue;
    }
    if (stat.isDirectory()) yield* filesUnder(path);
    else if (stat.isFile() && stat.size <= MAX_FILE_BYTES) yield path;
  }
}

/** `file: value` for every file under `roots` holding one of `values`; also how many files were read. */
export function filesHolding(roots: string[], values: string[]): { found: string[]; scanned: number } {
  const patterns = values.flatMap((value) => [
    { value, bytes: Buffer.from(value, 'utf8') },
    { value, bytes: Buffer.from(value, 'utf16le') },
  ]);
  const found: string[] = [];
  let scanned = 0;
  for (const root of roots) {
    for (const file of filesUnder(root)) {
      let content: Buffer;
      try {
        content = readFileSync(file);
      } catch {
        continue;
      }
      scanned++;
      for (const { value, bytes } of patterns)
        if (content.includes(bytes)) found.push(`${file}: ${JSON.stringify(value)}`);
    }
  }
  return { found: [...new Set(found)], scanned };
}

/** The text of the extension's output channel ("Kestra Flow Tools"), from the profile's log files. */
export function outputChannelText(userData: string): string {
  return [...filesUnder(join(userData, 'logs'))]
    .filter((file) => file.endsWith('Kestra Flow Tools.log'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
}
