// A small hand-built catalog for unit tests: a few plugins with the shapes the bundled catalog uses
// (display types `tasks`, `list<object>`, `map<string, tasks>`, `enum`…), so tests do not move when
// the bundled catalog grows.
import type {
  Catalog,
  InputTypeSpec,
  PluginKind,
  PluginProperty,
  PluginSpec,
  ResolvedType,
} from '../../flow/catalog-types';

type PropertyInit = Partial<PluginProperty> & { name: string };

export function prop(init: PropertyInit): PluginProperty {
  return { type: 'string', required: false, dynamic: false, description: '', schema: {}, ...init };
}

function plugin(init: Partial<PluginSpec> & { type: string; kind: PluginKind }): PluginSpec {
  return {
    aliases: [],
    title: init.type.slice(init.type.lastIndexOf('.') + 1),
    description: '',
    properties: [],
    outputs: [],
    examples: [],
    outputsKnown: true,
    ...init,
  };
}

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];

const PLUGINS: PluginSpec[] = [
  plugin({
    type: 'io.kestra.plugin.core.log.Log',
    kind: 'task',
    category: 'runnable',
    aliases: ['io.kestra.core.tasks.log.Log'],
    title: 'Log a message',
    description: 'Writes a message to the execution logs.',
    properties: [
      prop({
        name: 'message',
        type: 'string | list<string>',
        required: true,
        dynamic: true,
        description: 'The message.',
      }),
      prop({ name: 'level', type: 'enum', enum: LEVELS, default: 'INFO', description: 'Log level.' }),
    ],
    examples: [
      { title: 'Say hello', code: 'id: hello\ntype: io.kestra.plugin.core.log.Log\nmessage: Hello' },
    ],
  }),
  plugin({
    type: 'io.kestra.plugin.core.debug.Echo',
    kind: 'task',
    category: 'runnable',
    deprecated: true,
    title: 'Echo a message',
    description: 'Deprecated: use Log.',
    properties: [prop({ name: 'format', required: true, dynamic: true })],
  }),
  plugin({
    type: 'io.kestra.plugin.core.http.Request',
    kind: 'task',
    category: 'runnable',
    aliases: ['io.kestra.plugin.fs.http.Request'],
    title: 'Send an HTTP request',
    description: 'Calls an HTTP endpoint.',
    properties: [
      prop({ name: 'uri', required: true, dynamic: true, description: 'The full URL.' }),
      prop({ name: 'method', type: 'enum', enum: ['GET', 'POST', 'PUT', 'DELETE'], default: 'GET' }),
      prop({ name: 'body', dynamic: true }),
      prop({ name: 'contentType', dynamic: true }),
      prop({ name: 'headers', type: 'map<string, string>', dynamic: true }),
      prop({ name: 'allowFailed', type: 'boolean', default: false }),
      prop({
        name: 'options',
        type: 'object',
        properties: [
          prop({ name: 'connectTimeout', type: 'duration' }),
          prop({ name: 'followRedirects', type: 'boolean', default: true }),
        ],
      }),
      prop({ name: 'formData', type: 'map<string, any>', deprecated: true }),
    ],
    outputs: [
      { name: 'code', type: 'integer', description: 'The HTTP status code.' },
      { name: 'body', type: 'string', description: 'The response body.' },
    ],
  }),
  plugin({
    type: 'io.kestra.plugin.core.flow.If',
    kind: 'task',
    category: 'flowable',
    properties: [
      prop({ name: 'condition', required: true, dynamic: true }),
      prop({ name: 'then', type: 'tasks', required: true }),
      prop({ name: 'else', type: 'tasks' }),
    ],
    outputs: [{ name: 'evaluationResult', type: 'boolean', description: 'The condition result.' }],
  }),
  plugin({
    type: 'io.kestra.plugin.core.flow.Switch',
    kind: 'task',
    category: 'flowable',
    properties: [
      prop({ name: 'value', required: true, dynamic: true }),
      prop({ name: 'cases', type: 'map<string, tasks>' }),
      prop({ name: 'defaults', type: 'tasks' }),
    ],
  }),
  plugin({
    type: 'io.kestra.plugin.core.flow.Dag',
    kind: 'task',
    category: 'flowable',
    properties: [
      prop({
        name: 'tasks',
        type: 'list<object>',
        required: true,
        properties: [
          prop({ name: 'task', type: 'task', required: true }),
          prop({ name: 'dependsOn', type: 'list<string>' }),
        ],
      }),
    ],
  }),
  plugin({
    type: 'io.kestra.plugin.core.trigger.Schedule',
    kind: 'trigger',
    properties: [prop({ name: 'cron', required: true })],
  }),
  plugin({ type: 'io.kestra.plugin.core.condition.ExecutionStatus', kind: 'condition' }),
];

const RETRY = prop({
  name: 'retry',
  type: 'retry',
  properties: [
    prop({ name: 'type', type: 'enum', enum: ['constant', 'exponential', 'random'], required: true }),
    prop({ name: 'maxAttempt', type: 'integer' }),
    prop({ name: 'interval', type: 'duration' }),
  ],
});

const COMMON_TASK: PluginProperty[] = [
  prop({ name: 'id', required: true, description: 'Unique id of the task in the flow.' }),
  prop({ name: 'type', required: true }),
  prop({ name: 'description' }),
  RETRY,
  prop({ name: 'timeout', type: 'duration', dynamic: true }),
  prop({ name: 'disabled', type: 'boolean', default: false }),
  prop({ name: 'logLevel', type: 'enum', enum: LEVELS }),
  prop({ name: 'runIf', dynamic: true, default: 'true' }),
];

const FLOW: PluginProperty[] = [
  prop({ name: 'id', required: true }),
  prop({ name: 'namespace', required: true }),
  prop({ name: 'description' }),
  prop({ name: 'inputs', type: 'list<input>' }),
  prop({ name: 'variables', type: 'map<string, any>' }),
  prop({ name: 'tasks', type: 'tasks', required: true }),
  prop({ name: 'errors', type: 'tasks' }),
  prop({ name: 'triggers', type: 'list<trigger>' }),
  prop({ name: 'listeners', type: 'list<object>', deprecated: true }),
  prop({
    name: 'concurrency',
    type: 'object',
    properties: [
      prop({ name: 'limit', type: 'integer', required: true }),
      prop({ name: 'behavior', type: 'enum', enum: ['QUEUE', 'CANCEL', 'FAIL'], default: 'QUEUE' }),
    ],
  }),
  prop({
    name: 'pluginDefaults',
    type: 'list<object>',
    properties: [
      prop({ name: 'type', required: true }),
      prop({ name: 'forced', type: 'boolean', default: false }),
      prop({ name: 'values', type: 'map<string, any>', required: true }),
    ],
  }),
  RETRY,
];

const INPUT_TYPES: InputTypeSpec[] = [
  {
    type: 'STRING',
    description: 'A string.',
    properties: [prop({ name: 'validator' }), prop({ name: 'defaults' })],
  },
  {
    type: 'INT',
    description: 'An integer.',
    properties: [
      prop({ name: 'min', type: 'integer' }),
      prop({ name: 'max', type: 'integer' }),
      prop({ name: 'defaults', type: 'integer' }),
    ],
  },
  { type: 'JSON', description: 'A JSON document.', properties: [prop({ name: 'defaults' })] },
  {
    type: 'ENUM',
    description: 'Deprecated: use SELECT.',
    deprecated: true,
    properties: [prop({ name: 'values', type: 'list<string>', required: true })],
  },
];

const COMMON_INPUT: PluginProperty[] = [
  prop({ name: 'id', required: true }),
  prop({ name: 'type', type: 'enum', enum: INPUT_TYPES.map((t) => t.type), required: true }),
  prop({ name: 'description' }),
  prop({ name: 'required', type: 'boolean', default: true }),
  prop({
    name: 'dependsOn',
    type: 'object',
    properties: [prop({ name: 'inputs', type: 'list<string>' }), prop({ name: 'condition', dynamic: true })],
  }),
];

export function fakeCatalog(): Catalog {
  const byName = new Map<string, { spec: PluginSpec; alias: boolean }>();
  for (const spec of PLUGINS) {
    byName.set(spec.type.toLowerCase(), { spec, alias: false });
    for (const alias of spec.aliases) byName.set(alias.toLowerCase(), { spec, alias: true });
  }
  return {
    source: 'bundled',
    resolve(type: string): ResolvedType | undefined {
      const found = byName.get(type.toLowerCase());
      if (!found) return undefined;
      const canonical = found.alias
        ? found.spec.aliases.find((a) => a.toLowerCase() === type.toLowerCase())
        : found.spec.type;
      return { spec: found.spec, viaAlias: found.alias, caseDiffers: canonical !== type };
    },
    plugins: (kind) => PLUGINS.filter((p) => p.kind === kind),
    flowProperties: FLOW,
    commonTaskProperties: COMMON_TASK,
    commonTriggerProperties: [
      prop({ name: 'id', required: true }),
      prop({ name: 'type', required: true }),
      prop({ name: 'conditions', type: 'list<condition>' }),
    ],
    inputTypes: INPUT_TYPES,
    commonInputProperties: COMMON_INPUT,
    schema: {},
  };
}
