// How Jackson (MINIMIZE_QUOTES) and SnakeYAML pick the style of a YAML scalar: plain, single-quoted,
// double-quoted or literal block. Used by the yaml filter's writer.

export type Style = 'plain' | 'double' | 'single' | 'literal';

const LINE_BREAKS = '\n\u0085\u2028\u2029';
const RESERVED = new Set(
  'false False FALSE n N no No NO null Null NULL on On ON off Off OFF true True TRUE y Y yes Yes YES'.split(
    ' ',
  ),
);

export interface Analysis {
  empty: boolean;
  multiline: boolean;
  allowBlockPlain: boolean;
  allowSingleQuoted: boolean;
  allowBlock: boolean;
}

export const isBreak = (c: string | undefined) => c !== undefined && LINE_BREAKS.includes(c);
const isBlank = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\0';

/** SnakeYAML's analyzeScalar, reduced to the block context (flow plain scalars never occur here). */
export function analyze(text: string): Analysis {
  if (text === '')
    return {
      empty: true,
      multiline: false,
      allowBlockPlain: true,
      allowSingleQuoted: true,
      allowBlock: false,
    };
  let blockIndicators = text.startsWith('---') || text.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  const chars = [...text];
  chars.forEach((c, i) => {
    const next = chars[i + 1];
    const followedByWhitespace = next === undefined || isBlank(next) || isBreak(next);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':' || c === '-') && followedByWhitespace) blockIndicators = true;
    } else {
      if (c === ':' && followedByWhitespace) blockIndicators = true;
      if (c === '#' && precededByWhitespace) blockIndicators = true;
    }
    const lineBreak = isBreak(c);
    if (lineBreak) lineBreaks = true;
    const code = c.codePointAt(0) as number;
    if (!(c === '\n' || (code >= 0x20 && code <= 0x7e))) {
      const unicode =
        code === 0x85 ||
        (code >= 0xa0 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        code >= 0x10000;
      if (!unicode) special = true;
    }
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (lineBreak) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(c) || lineBreak;
  });
  const leadingZero = /^0[0-9_]+$/.test(text);
  let allowBlockPlain = !(leadingSpace || leadingBreak || trailingSpace || trailingBreak || leadingZero);
  let allowSingleQuoted = true;
  let allowBlock = !trailingSpace;
  if (breakSpace) allowBlockPlain = allowSingleQuoted = false;
  if (spaceBreak || special) allowBlockPlain = allowSingleQuoted = allowBlock = false;
  if (blockIndicators) allowBlockPlain = false;
  return { empty: false, multiline: lineBreaks, allowBlockPlain, allowSingleQuoted, allowBlock };
}

/** Jackson's choice for a string value (MINIMIZE_QUOTES) and for a field name. */
export function requestedValueStyle(text: string): Style {
  if (text === '') return 'double';
  if (text.includes('\n')) return 'literal';
  const quotable = [...text].some(
    (c, i) =>
      '[]{},'.includes(c) ||
      (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) ||
      (c === ':' && (i === text.length - 1 || text[i + 1] === ' ' || text[i + 1] === '\t')),
  );
  return RESERVED.has(text) || text.startsWith('~') || quotable ? 'double' : 'plain';
}

export function requestedKeyStyle(key: string): Style {
  const reserved = key === '' || RESERVED.has(key) || key.startsWith('~');
  const numberLike = /^[0-9+\-.]/.test(key);
  const control = [...key].some((c) => c.charCodeAt(0) < 0x20);
  return reserved || numberLike || control ? 'double' : 'plain';
}

/** SnakeYAML's chooseScalarStyle for a requested style, in the block context. */
export function chooseStyle(text: string, requested: Style, simpleKey: boolean): Style {
  const analysis = analyze(text);
  if (requested === 'double') return 'double';
  if (
    requested === 'plain' &&
    !(simpleKey && (analysis.empty || analysis.multiline)) &&
    analysis.allowBlockPlain
  ) {
    return 'plain';
  }
  if (requested === 'literal' && !simpleKey && analysis.allowBlock) return 'literal';
  if (requested === 'plain' && analysis.allowSingleQuoted && !(simpleKey && analysis.multiline))
    return 'single';
  return 'double';
}
