// Templates that try to hang the Pebble evaluator, exhaust its memory or overflow its stack, with the
// error each must stop with. Shared by the renderTemplate, CLI and language-server tests.

export const STEPS =
  'Rendering stopped: the template needs more than 1000000 evaluation steps (a loop or range too large?).';
export const OUTPUT = 'Rendering stopped: the output exceeds 52428800 characters.';
export const ENTRIES =
  'Rendering stopped: the template builds a value of more than 1000000 entries (a list or map nested in itself?).';
export const TOO_DEEP = 'Rendering stopped: the template nests too deeply or builds too large a value.';
export const ALIASES =
  "Rendering stopped: the YAML's aliases expand to more than 100000 values (an alias bomb?).";
export const EXPRESSION_NESTING = 'Expression nested more than 200 levels deep.';
export const TAG_NESTING = 'Tags nested more than 200 levels deep.';

export function nestedTooDeep(what: string): string {
  return `Rendering stopped: ${what} nested more than 100 levels deep (infinite recursion?).`;
}

export interface LimitCase {
  name: string;
  template: string;
  variables?: Record<string, unknown>;
  recursiveRendering?: boolean;
  kind: 'limit' | 'syntax';
  /** The whole message for limits; for syntax errors the message before Kestra's ` (template:line)`. */
  message: string;
}

const DOUBLINGS = 64;

/** `{% set v = <seed> %}` then `{% set v = <grow> %}` 64 times, then `{{ <show> }}`. */
function doubling(seed: string, grow: string, show = 'v'): string {
  return `{% set v = ${seed} %}{% for i in range(1, ${DOUBLINGS}) %}{% set v = ${grow} %}{% endfor %}{{ ${show} }}`;
}

/** Nine anchors of nine aliases each: 9^9 values once expanded. */
export const YAML_ALIAS_BOMB = ['a: &a [x, x, x, x, x, x, x, x, x]']
  .concat(
    [...'bcdefghi'].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
  )
  .join('\n');

/** Runtime limits: loops, recursion, values that grow without end. */
export const RUNTIME_CASES: LimitCase[] = [
  {
    name: 'a huge range() in {% for %}',
    template: '{% for i in range(0, 100000000) %}{{ i }}{% endfor %}',
    kind: 'limit',
    message: STEPS,
  },
  {
    name: 'a huge `..` range',
    template: '{% for i in 0..1000000000 %}x{% endfor %}',
    kind: 'limit',
    message: STEPS,
  },
  {
    name: 'a variable that renders itself through render()',
    template: '{{ render(self) }}',
    variables: { self: '{{ render(self) }}' },
    kind: 'limit',
    message: nestedTooDeep('render() calls'),
  },
  {
    name: 'a variable that renders itself twice through renderOnce()',
    template: '{{ renderOnce(self) }}',
    variables: { self: '{{ renderOnce(self) }}{{ renderOnce(self) }}' },
    kind: 'limit',
    message: nestedTooDeep('render() calls'),
  },
  {
    name: 'recursive rendering of a variable that doubles itself',
    template: '{{ self }}',
    variables: { self: '{{ self }}{{ self }}' },
    recursiveRendering: true,
    kind: 'limit',
    message: STEPS,
  },
  {
    name: 'two macros calling each other',
    template: '{% macro a(n) %}{{ b(n) }}{% endmacro %}{% macro b(n) %}{{ a(n) }}{% endmacro %}{{ a(1) }}',
    kind: 'limit',
    message: nestedTooDeep('macro calls'),
  },
  {
    name: 'a macro calling itself twice per call',
    template: '{% macro m(n) %}{{ m(n + 1) }}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}',
    kind: 'limit',
    message: nestedTooDeep('macro calls'),
  },
  {
    name: 'a block rendering itself through block()',
    template: '{% block b %}{{ block("b") }}{% endblock %}',
    kind: 'limit',
    message: nestedTooDeep('block() calls'),
  },
  {
    name: 'a string doubled with ~',
    template: doubling("'x'", 'v ~ v', 'v | length'),
    kind: 'limit',
    message: OUTPUT,
  },
  {
    name: 'a string doubled with replace',
    template: doubling("'xxxxxxxxxx'", "v | replace({'x': 'xx'})", 'v | length'),
    kind: 'limit',
    message: OUTPUT,
  },
  {
    name: 'a list doubled with merge',
    template: doubling('[1]', 'v | merge(v)', 'v | length'),
    kind: 'limit',
    message: STEPS,
  },
  { name: 'a list nested in itself', template: doubling('[1]', '[v, v]'), kind: 'limit', message: ENTRIES },
  {
    name: 'a map nested in itself',
    template: doubling("{'k': 1}", "{'a': v, 'b': v}", 'v | json'),
    kind: 'limit',
    message: ENTRIES,
  },
  {
    name: 'a YAML alias bomb read by yaml()',
    template: '{{ yaml(text) | json | length }}',
    variables: { text: YAML_ALIAS_BOMB },
    kind: 'limit',
    message: ALIASES,
  },
];

const DEEP = 5000;

/** Nesting the parser refuses (one error, not thousands of echoes). */
export const SYNTAX_CASES: LimitCase[] = [
  ['parentheses', `{{ ${'('.repeat(DEEP)}1${')'.repeat(DEEP)} }}`],
  ['lists', `{{ ${'['.repeat(DEEP)}1${']'.repeat(DEEP)} }}`],
  ['maps', `{{ ${"{'k': ".repeat(DEEP)}1${'}'.repeat(DEEP)} }}`],
  ['function calls', `{{ ${'max(1, '.repeat(DEEP)}1${')'.repeat(DEEP)} }}`],
  ['unary minus', `{{ ${'-'.repeat(DEEP)}1 }}`],
  ['not', `{{ ${'not '.repeat(DEEP)}true }}`],
  ['conditionals', `{{ ${'true ? 1 : '.repeat(DEEP)}2 }}`],
].map(([what, template]) => ({
  name: `${DEEP} nested ${what}`,
  template,
  kind: 'syntax',
  message: EXPRESSION_NESTING,
}));

SYNTAX_CASES.push(
  ...[
    ['if', 'true', 'endif'],
    ['for', 'x in [1]', 'endfor'],
    ['filter', 'upper', 'endfilter'],
  ].map(([tag, header, end]) => ({
    name: `1000 nested {% ${tag} %} tags`,
    template: `{% ${tag} ${header} %}`.repeat(1000) + 'x' + `{% ${end} %}`.repeat(1000),
    kind: 'syntax' as const,
    message: TAG_NESTING,
  })),
);

const LONG = 100_000;

/** Left-deep chains the parser reads in a loop but the evaluator descends recursively. */
export const CHAIN_CASES: LimitCase[] = [
  ['filters', `{{ 1${' | abs'.repeat(LONG)} }}`],
  ['additions', `{{ 1${' + 1'.repeat(LONG)} }}`],
  ['concatenations', `{{ 'a'${" ~ 'a'".repeat(LONG)} }}`],
  ['attribute reads', `{{ m${'.k'.repeat(LONG)} }}`],
  ['subscripts', `{{ m${"['k']".repeat(LONG)} }}`],
  ['`and`s', `{{ true${' and true'.repeat(LONG)} }}`],
].map(([what, template]) => ({
  name: `a chain of ${LONG} ${what}`,
  template,
  variables: { m: { k: null } },
  kind: 'limit',
  message: TOO_DEEP,
}));
