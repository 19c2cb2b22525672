// Checks that a Java regex compiles, with JavaScript's RegExp after a light translation of the Java
// syntax JavaScript lacks (inline flags, atomic groups, possessive quantifiers, \Q…\E, \A, \z).
// RegExp runs without the `u` flag, which is lenient: what it still rejects (unbalanced parentheses
// or brackets, a quantifier with nothing to repeat, a trailing backslash, {3,1}) Java rejects too.

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Java pattern → an equivalent-enough JavaScript pattern for a syntax check. */
export function translateJavaRegex(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return out + '\\'; // left as is: invalid in both
      if (next === 'Q') {
        const end = pattern.indexOf('\\E', i + 2);
        const literal = pattern.slice(i + 2, end < 0 ? pattern.length : end);
        out += escapeLiteral(literal);
        i = end < 0 ? pattern.length : end + 1;
        continue;
      }
      if (!inClass && next === 'A') out += '^';
      else if (!inClass && (next === 'z' || next === 'Z')) out += '$';
      else if (next === 'p' || next === 'P') {
        // \p{Alpha}, \p{javaLowerCase}…: replace the whole property by a class-safe escape.
        const close = pattern[i + 2] === '{' ? pattern.indexOf('}', i + 3) : i + 2;
        out += '\\w';
        i = close < 0 ? pattern.length : close;
        continue;
      } else out += c + next;
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
      // A leading `]` or `^]` is a literal in Java.
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const flags = /^\(\?[a-zA-Z-]*([:)])/.exec(pattern.slice(i));
      if (flags && /^\(\?[idmsuxU-]*[:)]$/.test(flags[0])) {
        if (flags[1] === ':') out += '(?:';
        i += flags[0].length - 1;
        continue;
      }
      if (pattern[i + 2] === '>') {
        out += '(?:';
        i += 2;
        continue;
      }
    }
    // Possessive quantifiers: `*+`, `++`, `?+`, `}+`.
    if (c === '+' && i > 0 && '*+?}'.includes(pattern[i - 1]) && pattern[i - 2] !== '\\') continue;
    out += c;
  }
  return out;
}

/** undefined when the pattern compiles, else the reason. */
export function javaRegexError(pattern: string): string | undefined {
  try {
    new RegExp(translateJavaRegex(pattern));
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // "Invalid regular expression: /x/: Unterminated group" → "Unterminated group"
    return message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
  }
}
