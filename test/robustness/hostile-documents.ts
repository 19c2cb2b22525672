// Documents built to hurt a YAML language server: huge, exponential, deeply nested, one endless line,
// binary, badly encoded, empty. Each is bytes as a file would hold them; `text` is what an editor sends
// (invalid UTF-8 decoded to U+FFFD, as VS Code does). Generated, deterministic, nothing read from disk.

export interface HostileDocument {
  name: string;
  bytes: Buffer;
  text: string;
}

const HEADER = 'id: hostile\nnamespace: company.team\n';
const LOG = 'io.kestra.plugin.core.log.Log';

/** About 5 MB of valid flow: thousands of Log tasks whose messages reference the previous task. */
function hugeFlow(): string {
  const parts = [HEADER, 'tasks:\n'];
  let size = parts.join('').length;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const previous = i === 0 ? 'none' : `{{ outputs.log_${i - 1} ?? 'none' }}`;
    const task = `  - id: log_${i}\n    type: ${LOG}\n    message: "Step ${i} after ${previous}"\n`;
    parts.push(task);
    size += task.length;
  }
  return parts.join('');
}

/** "Billion laughs": nine levels of anchors, each a list of nine aliases of the one before (9^9 leaves). */
function aliasBomb(): string {
  const names = 'abcdefghi';
  const lines = [
    HEADER.trimEnd(),
    'variables:',
    `  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]`,
  ];
  for (let level = 1; level < names.length; level++) {
    const alias = `*${names[level - 1]}`;
    lines.push(`  ${names[level]}: &${names[level]} [${Array(9).fill(alias).join(', ')}]`);
  }
  lines.push('tasks:', '  - id: laugh', `    type: ${LOG}`, '    message: "{{ vars.i }}"');
  return lines.join('\n') + '\n';
}

/** 200 Sequential tasks, each inside the one before, with a Log at the bottom. */
function deepNesting(): string {
  const lines = [HEADER.trimEnd(), 'tasks:'];
  const depth = 200;
  for (let level = 0; level < depth; level++) {
    const pad = '    '.repeat(level);
    lines.push(
      `${pad}  - id: level_${level}`,
      `${pad}    type: io.kestra.plugin.core.flow.Sequential`,
      `${pad}    tasks:`,
    );
  }
  const pad = '    '.repeat(depth);
  lines.push(
    `${pad}  - id: bottom`,
    `${pad}    type: ${LOG}`,
    `${pad}    message: "{{ outputs.level_0 ?? 'deep' }}"`,
  );
  return lines.join('\n') + '\n';
}

/** A message of exactly 100,000 characters on one line, full of expressions. */
function longLine(): string {
  const unit = "{{ outputs.first.value ?? 'x' }} ";
  const whole = unit.repeat(Math.floor(100_000 / unit.length));
  const message = whole + 'x'.repeat(100_000 - whole.length);
  return `${HEADER}tasks:\n  - id: first\n    type: ${LOG}\n    message: "${message}"\n`;
}

/** 64 KB of bytes from a fixed linear congruential sequence: NULs, controls, invalid UTF-8. */
function garbageBytes(): Buffer {
  const bytes = Buffer.alloc(64 * 1024);
  let state = 0x2545f491;
  for (let i = 0; i < bytes.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A flow whose description holds Latin-1 and stray bytes that are not UTF-8. */
function invalidUtf8(): Buffer {
  return Buffer.concat([
    Buffer.from(`${HEADER}description: caf`),
    Buffer.from([0xe9, 0x20, 0xff, 0xfe, 0xc3, 0x28, 0x80]),
    Buffer.from(`\ntasks:\n  - id: hello\n    type: ${LOG}\n    message: "na`),
    Buffer.from([0xef, 0xbf]),
    Buffer.from('ve"\n'),
  ]);
}

function fromText(name: string, text: string): HostileDocument {
  return { name, bytes: Buffer.from(text, 'utf8'), text };
}

function fromBytes(name: string, bytes: Buffer): HostileDocument {
  return { name, bytes, text: bytes.toString('utf8') };
}

export function hostileDocuments(): HostileDocument[] {
  return [
    fromText('huge-5mb', hugeFlow()),
    fromText('alias-bomb', aliasBomb()),
    fromText('nesting-200', deepNesting()),
    fromText('line-100k', longLine()),
    fromBytes('binary-garbage', garbageBytes()),
    fromBytes('invalid-utf8', invalidUtf8()),
    fromText('empty', ''),
    fromText('only-dashes', '---\n'),
  ];
}
