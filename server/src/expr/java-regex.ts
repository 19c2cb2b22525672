// Java regular expressions as JavaScript RegExps (the common subset: inline flags at the start,
// \A, \Z, \z), and String.split's Java semantics.

export function javaRegExp(pattern: string, extraFlags = ''): RegExp {
  let source = pattern;
  let flags = 'u' + extraFlags;
  const inline = /^\(\?([imsx]+)\)/.exec(source);
  if (inline) {
    source = source.slice(inline[0].length);
    for (const flag of inline[1]) if (flag !== 'x' && !flags.includes(flag)) flags += flag;
  }
  source = source.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$');
  try {
    return new RegExp(source, flags);
  } catch {
    // Some Java patterns are not valid under the `u` flag (e.g. `\-` outside classes).
    return new RegExp(source, flags.replace('u', ''));
  }
}

/** Java's `String.split(regex, limit)`: no leading empty string for a zero-width first match, trailing empties removed when limit is 0. */
export function javaSplit(input: string, pattern: string, limit = 0): string[] {
  if (input.length === 0) return [''];
  const regex = javaRegExp(pattern, 'g');
  const parts: string[] = [];
  let index = 0;
  let matched = false;
  for (let match = regex.exec(input); match; match = regex.exec(input)) {
    if (match[0].length === 0) {
      regex.lastIndex++;
      if (match.index === 0 || match.index >= input.length) continue;
    }
    if (limit > 0 && parts.length === limit - 1) break;
    matched = true;
    parts.push(input.slice(index, match.index));
    index = match.index + match[0].length;
  }
  if (!matched) return [input];
  parts.push(input.slice(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}
