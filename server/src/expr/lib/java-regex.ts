// Java regular expressions on top of JavaScript's: the syntax both share is passed through; the Java-only
// forms that matter in templates (\Q…\E quoting, \A \z \Z anchors, leading inline flags, possessive
// quantifiers) are rewritten. Also Java's `String.split` and `replaceAll` replacement syntax.
import { fail } from './args';

const cache = new Map<string, RegExp>();

/** Compiles a Java regex as a global JS RegExp (cached). */
export function compileJavaRegex(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  let flags = 'g';
  let source = pattern;
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    for (const flag of inline[1]) if (flag !== 'x' && !flags.includes(flag)) flags += flag;
    source = source.slice(inline[0].length);
  }
  let regex: RegExp;
  try {
    regex = new RegExp(translate(source), flags);
  } catch (error) {
    fail(
      `Invalid regular expression '${pattern}': ${(error as Error).message.replace(/^Invalid regular expression: /, '')}`,
    );
  }
  if (cache.size > 500) cache.clear();
  cache.set(pattern, regex);
  return regex;
}

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

function translate(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'Q') {
        const end = source.indexOf('\\E', i + 2);
        const literal = end < 0 ? source.slice(i + 2) : source.slice(i + 2, end);
        out += escapeLiteral(literal);
        i = end < 0 ? source.length : end + 1;
        continue;
      }
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && next === 'z') out += '$(?![\\s\\S])';
      else if (!inClass && next === 'Z') out += '(?=\\n?$(?![\\s\\S]))';
      else if (next === 'h') out += inClass ? ' \\t\\xA0' : '[ \\t\\xA0]';
      else out += c + (next ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += '\\' + source[++i];
      continue;
    }
    if (c === '+' && /[*+?}]/.test(source[i - 1] ?? '') && source[i - 2] !== '\\') continue; // possessive → greedy
    if (c === '(' && source.startsWith('(?>', i)) {
      out += '(?:';
      i += 2;
      continue;
    }
    out += c;
  }
  return out;
}

/** Java's `String.split(regex, limit)`: trailing empty strings dropped when limit is 0. */
export function javaSplit(input: string, pattern: string, limit: number): string[] {
  const regex = compileJavaRegex(pattern);
  const parts: string[] = [];
  let index = 0;
  let match: RegExpExecArray | null;
  while ((match = regex.exec(input)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (match[0].length === 0) regex.lastIndex = start + 1;
    if (limit <= 0 || parts.length < limit - 1) {
      if (index === 0 && start === 0 && end === 0) continue;
      parts.push(input.slice(index, start));
      index = end;
    } else if (parts.length === limit - 1) {
      parts.push(input.slice(index));
      index = end;
    }
    if (regex.lastIndex > input.length) break;
  }
  if (index === 0) return [input];
  if (limit <= 0 || parts.length < limit) parts.push(input.slice(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** Java's `String.replaceAll(regex, replacement)` with `$1`, `${name}` and `\x` in the replacement. */
export function javaReplaceAll(input: string, pattern: string, replacement: string): string {
  const regex = compileJavaRegex(pattern);
  return input.replace(regex, (...found: unknown[]) => {
    const last = found[found.length - 1];
    const named =
      typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : {};
    const groupCount = found.length - (typeof last === 'object' && last !== null ? 4 : 3);
    const groups = found.slice(0, groupCount + 1) as (string | undefined)[];
    return expandReplacement(replacement, groups, named);
  });
}

function expandReplacement(
  replacement: string,
  groups: (string | undefined)[],
  named: Record<string, string | undefined>,
): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i];
    if (c === '\\') {
      i++;
      if (i >= replacement.length) fail('character to be escaped is missing');
      out += replacement[i];
    } else if (c === '$') {
      i++;
      if (i >= replacement.length) fail('Illegal group reference: group index is missing');
      if (replacement[i] === '{') {
        const close = replacement.indexOf('}', i);
        const name = close < 0 ? '' : replacement.slice(i + 1, close);
        if (close < 0 || !(name in named)) fail(`No group with name {${name}}`);
        out += named[name] ?? '';
        i = close;
      } else {
        if (!/[0-9]/.test(replacement[i])) fail('Illegal group reference');
        let index = Number(replacement[i]);
        if (index >= groups.length) fail(`No group ${index}`);
        while (i + 1 < replacement.length && /[0-9]/.test(replacement[i + 1])) {
          const longer = index * 10 + Number(replacement[i + 1]);
          if (longer >= groups.length) break;
          index = longer;
          i++;
        }
        out += groups[index] ?? '';
      }
    } else out += c;
  }
  return out;
}
