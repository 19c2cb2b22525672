// The small type language of the catalog source:
//   atom | list<T> | map<T> | map | @Model | #Enum | enum | T | T
// Atoms: string integer number boolean any object duration datetime date time offset-time uri
//        task tasks trigger condition schedule-condition input retry sla labels

export const ATOMS = [
  'string',
  'integer',
  'number',
  'boolean',
  'any',
  'object',
  'duration',
  'datetime',
  'date',
  'time',
  'offset-time',
  'uri',
  'task',
  'tasks',
  'trigger',
  'condition',
  'schedule-condition',
  'input',
  'retry',
  'sla',
  'labels',
] as const;

export type Atom = (typeof ATOMS)[number];

export type TypeNode =
  | { kind: 'atom'; name: Atom }
  | { kind: 'list'; item: TypeNode }
  | { kind: 'map'; value: TypeNode }
  | { kind: 'model'; name: string }
  | { kind: 'enum'; name?: string }
  | { kind: 'union'; options: TypeNode[] };

const ATOM_SET = new Set<string>(ATOMS);

/** Parses a type expression; throws an Error saying what is wrong and where. */
export function parseTypeExpression(text: string): TypeNode {
  const tokens = text.match(/[<>|]|[^\s<>|]+/g) ?? [];
  let pos = 0;
  const fail = (what: string): never => {
    throw new Error(`type '${text}': ${what}`);
  };
  const parseUnion = (): TypeNode => {
    const options = [parseTerm()];
    while (tokens[pos] === '|') {
      pos++;
      options.push(parseTerm());
    }
    return options.length === 1 ? options[0] : { kind: 'union', options };
  };
  const parseTerm = (): TypeNode => {
    const token = tokens[pos++];
    if (token === undefined) return fail('unexpected end');
    if ((token === 'list' || token === 'map') && tokens[pos] === '<') {
      pos++;
      const inner = parseUnion();
      if (tokens[pos++] !== '>') fail(`missing '>' after ${token}<`);
      return token === 'list' ? { kind: 'list', item: inner } : { kind: 'map', value: inner };
    }
    if (token === 'map') return { kind: 'map', value: { kind: 'atom', name: 'any' } };
    if (token === 'enum') return { kind: 'enum' };
    if (/^@[A-Za-z][\w$]*$/.test(token)) return { kind: 'model', name: token.slice(1) };
    if (/^#[A-Za-z]\w*$/.test(token)) return { kind: 'enum', name: token.slice(1) };
    if (ATOM_SET.has(token)) return { kind: 'atom', name: token as Atom };
    return fail(`unknown type '${token}' (known: ${ATOMS.join(', ')}, list<T>, map<T>, @Model, #Enum, enum)`);
  };
  const node = parseUnion();
  if (pos !== tokens.length) fail(`unexpected '${tokens[pos]}'`);
  return node;
}

/** Walks every node of a type expression. */
export function* typeNodes(node: TypeNode): Generator<TypeNode> {
  yield node;
  if (node.kind === 'list') yield* typeNodes(node.item);
  else if (node.kind === 'map') yield* typeNodes(node.value);
  else if (node.kind === 'union') for (const option of node.options) yield* typeNodes(option);
}

const DISPLAY: Partial<Record<Atom, string>> = { 'offset-time': 'time', 'schedule-condition': 'condition' };

/** The short type shown to users (`PluginProperty.type`). */
export function displayType(node: TypeNode): string {
  switch (node.kind) {
    case 'atom':
      return DISPLAY[node.name] ?? node.name;
    case 'list':
      return node.item.kind === 'atom' && node.item.name === 'task'
        ? 'tasks'
        : `list<${displayType(node.item)}>`;
    case 'map':
      return `map<string, ${displayType(node.value)}>`;
    case 'model':
      return 'object';
    case 'enum':
      return 'enum';
    case 'union':
      return node.options.map(displayType).join(' | ');
  }
}

/** Types whose `Property<T>` form also accepts an expression string (T is not a string in Java). */
export function acceptsExpressionAlternative(node: TypeNode): boolean {
  if (node.kind !== 'atom') return node.kind === 'model';
  return [
    'integer',
    'number',
    'boolean',
    'duration',
    'datetime',
    'date',
    'time',
    'offset-time',
    'uri',
  ].includes(node.name);
}
