import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { PluginCatalog } from './catalog';
import { jsonErrorOffset } from './catalog-json-file';

const ref = (key: string) => ({ $ref: `#/definitions/${key}` });

/** A small schema in the server's shape: one core task, one unknown plugin task, one trigger. */
function fakeServerSchema(): Record<string, unknown> {
  const common = {
    id: { type: 'string', pattern: '^[a-zA-Z0-9][a-zA-Z0-9_-]*' },
    description: { type: 'string' },
    disabled: {
      type: 'boolean',
      default: false,
      markdownDescription: 'Skip it.\n\nDefault value is : `false`',
    },
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $ref: '#/definitions/io.kestra.core.models.flows.Flow',
    definitions: {
      'io.kestra.core.models.flows.Flow': {
        type: 'object',
        properties: {
          id: { type: 'string' },
          namespace: { type: 'string' },
          tasks: { type: 'array', items: ref('io.kestra.core.models.tasks.Task') },
          triggers: { type: 'array', items: ref('io.kestra.core.models.triggers.AbstractTrigger') },
          inputs: { type: 'array', items: ref('io.kestra.core.models.flows.Input_java.lang.Object_') },
          finally: { type: 'array', items: ref('io.kestra.core.models.tasks.Task') },
        },
        required: ['id', 'namespace', 'tasks'],
      },
      'io.kestra.core.models.tasks.Task': {
        oneOf: [ref('io.kestra.plugin.core.log.Log'), ref('io.kestra.plugin.scripts.shell.Commands')],
      },
      'io.kestra.core.models.triggers.AbstractTrigger': {
        oneOf: [ref('io.kestra.plugin.core.trigger.Schedule')],
      },
      'io.kestra.plugin.core.log.Log': {
        type: 'object',
        title: 'Log a message in the task logs.',
        markdownDescription: 'Server text.\n\n##### Examples\n> A title\n```yaml\nid: x\n```',
        properties: {
          ...common,
          type: { const: 'io.kestra.plugin.core.log.Log' },
          message: {
            oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
            $dynamic: true,
          },
          level: { type: 'string', enum: ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'], default: 'INFO' },
        },
        required: ['id', 'type', 'message'],
      },
      'io.kestra.plugin.scripts.shell.Commands': {
        type: 'object',
        title: 'Run shell commands.',
        markdownDescription:
          'Runs commands.\n\n##### Examples\n```yaml\nid: a\n```\n\n> Second\n```yaml\nid: b\n```',
        $deprecated: 'true',
        properties: {
          ...common,
          type: { const: 'io.kestra.plugin.scripts.shell.Commands' },
          commands: {
            oneOf: [
              { type: 'array', items: { type: 'string' } },
              { type: 'string', pattern: '.*{{.*}}.*' },
            ],
            $dynamic: true,
            title: 'The commands.',
          },
          timeoutAfter: {
            oneOf: [
              { type: 'string', format: 'duration' },
              { type: 'string', pattern: '.*{{.*}}.*' },
            ],
            $dynamic: true,
          },
          taskRunner: {
            allOf: [ref('io.kestra.plugin.scripts.runner.Config'), { markdownDescription: 'Where it runs.' }],
          },
        },
        required: ['id', 'type', 'commands'],
      },
      'io.kestra.plugin.scripts.runner.Config': {
        type: 'object',
        properties: { image: { type: 'string', default: 'ubuntu' } },
      },
      'io.kestra.plugin.core.trigger.Schedule': {
        type: 'object',
        properties: {
          id: { type: 'string' },
          type: { const: 'io.kestra.plugin.core.trigger.Schedule' },
          cron: { type: 'string' },
        },
        required: ['id', 'type', 'cron'],
      },
      'io.kestra.core.models.flows.Input_java.lang.Object_': {
        oneOf: [ref('io.kestra.core.models.flows.input.StringInput-2')],
      },
      'io.kestra.core.models.flows.input.StringInput-1': {
        type: 'object',
        markdownDescription: 'Text.',
        properties: { id: { type: 'string' }, type: { type: 'string' }, validator: { type: 'string' } },
      },
      'io.kestra.core.models.flows.input.StringInput-2': {
        allOf: [
          ref('io.kestra.core.models.flows.input.StringInput-1'),
          { type: 'object', properties: { type: { const: 'STRING' } } },
        ],
      },
    },
  };
}

describe('PluginCatalog.fromSchema', () => {
  const catalog = PluginCatalog.fromSchema(fakeServerSchema(), 'server');

  it('exposes a plugin the bundled catalog does not know, without outputs', () => {
    const commands = catalog.resolve('io.kestra.plugin.scripts.shell.commands');
    assert.ok(commands);
    assert.equal(commands.caseDiffers, true);
    const spec = commands.spec;
    assert.deepEqual(
      [spec.kind, spec.category, spec.outputsKnown, spec.outputs, spec.deprecated, spec.title],
      ['task', 'runnable', false, [], true, 'Run shell commands.'],
    );
    assert.deepEqual(
      spec.properties.map((p) => [p.name, p.type, p.required, p.dynamic]),
      [
        ['id', 'string', true, false],
        ['description', 'string', false, false],
        ['disabled', 'boolean', false, false],
        ['type', 'string', true, false],
        ['commands', 'list<string>', true, true],
        ['timeoutAfter', 'duration', false, true],
        ['taskRunner', 'object', false, false],
      ],
    );
    assert.deepEqual(spec.examples, [{ code: 'id: a' }, { title: 'Second', code: 'id: b' }]);
    assert.equal(spec.description, 'Runs commands.');
    const runner = spec.properties.find((p) => p.name === 'taskRunner');
    assert.equal(runner?.description, 'Where it runs.');
    assert.deepEqual(
      runner?.properties?.map((p) => [p.name, p.default]),
      [['image', 'ubuntu']],
    );
    assert.equal(spec.properties.find((p) => p.name === 'commands')?.description, 'The commands.');
    assert.equal(spec.properties.find((p) => p.name === 'disabled')?.description, 'Skip it.');
  });

  it('keeps the bundled aliases, outputs, category and examples of known types', () => {
    const log = catalog.resolve('io.kestra.core.tasks.log.Log');
    assert.equal(log?.viaAlias, true);
    const spec = log!.spec;
    assert.equal(spec.type, 'io.kestra.plugin.core.log.Log');
    assert.deepEqual(
      [spec.outputsKnown, spec.category, spec.description],
      [true, 'runnable', 'Server text.'],
    );
    assert.deepEqual(spec.examples, PluginCatalog.bundled().resolve(spec.type)?.spec.examples);
    assert.deepEqual(spec.outputs, []);
    const level = spec.properties.find((p) => p.name === 'level');
    assert.deepEqual([level?.type, level?.default, level?.enum?.length], ['enum', 'INFO', 5]);
    const request = PluginCatalog.bundled().resolve('io.kestra.plugin.core.http.Request');
    assert.ok(request);
    assert.equal(catalog.resolve('io.kestra.plugin.core.http.Request'), undefined);
  });

  it('finds kinds, common properties, inputs and flow properties', () => {
    assert.equal(catalog.source, 'server');
    assert.deepEqual(
      catalog.plugins('task').map((p) => p.type),
      ['io.kestra.plugin.core.log.Log', 'io.kestra.plugin.scripts.shell.Commands'],
    );
    assert.deepEqual(
      catalog.plugins('trigger').map((p) => p.type),
      ['io.kestra.plugin.core.trigger.Schedule'],
    );
    assert.equal(catalog.resolve('io.kestra.core.models.triggers.types.Schedule')?.spec.kind, 'trigger');
    assert.deepEqual(
      catalog.commonTaskProperties.map((p) => p.name),
      ['id', 'description', 'disabled', 'type'],
    );
    assert.deepEqual(
      catalog.flowProperties.map((p) => [p.name, p.type, p.required]),
      [
        ['id', 'string', true],
        ['namespace', 'string', true],
        ['tasks', 'tasks', true],
        ['triggers', 'list<trigger>', false],
        ['inputs', 'list<input>', false],
        ['finally', 'tasks', false],
      ],
    );
    assert.deepEqual(
      catalog.inputTypes.map((t) => [t.type, t.description]),
      [['STRING', 'Text.']],
    );
  });

  it('reads the bundled schema back to the same property names, requirements, defaults and enums', () => {
    const bundled = PluginCatalog.bundled();
    const reread = PluginCatalog.fromSchema(bundled.schema, 'file');
    for (const kind of ['task', 'trigger', 'condition', 'taskRunner'] as const) {
      assert.deepEqual(
        reread.plugins(kind).map((p) => p.type),
        bundled.plugins(kind).map((p) => p.type),
      );
      for (const spec of bundled.plugins(kind)) {
        const other = reread.resolve(spec.type)!.spec;
        const shape = (s: typeof spec) =>
          s.properties.map((p) => [
            p.name,
            p.type,
            p.required,
            p.default,
            p.enum,
            p.dynamic,
            p.deprecated ?? false,
          ]);
        assert.deepEqual(shape(other).sort(), shape(spec).sort(), spec.type);
        assert.deepEqual(
          [other.title, other.description, other.deprecated],
          [spec.title, spec.description, spec.deprecated],
        );
        assert.deepEqual(other.examples, spec.examples, spec.type);
        assert.equal(other.outputsKnown, true);
      }
    }
    assert.deepEqual(
      reread.flowProperties.map((p) => [p.name, p.type, p.required, p.default]),
      bundled.flowProperties.map((p) => [p.name, p.type, p.required, p.default]),
    );
    assert.deepEqual(
      reread.inputTypes.map((t) => t.type),
      bundled.inputTypes.map((t) => t.type),
    );
  });

  it('reads plugins behind X-2 wrappers and unions behind an allOf', () => {
    const schema = fakeServerSchema();
    const definitions = schema.definitions as Record<string, Record<string, unknown>>;
    definitions['io.kestra.core.models.tasks.Task'] = { allOf: [ref('io.kestra.core.models.tasks.Task-1')] };
    definitions['io.kestra.core.models.tasks.Task-1'] = { anyOf: [ref('io.example.Wrapped-2')] };
    definitions['io.example.Wrapped-1'] = {
      type: 'object',
      title: 'Wrapped.',
      properties: { id: { type: 'string' }, type: { type: 'string' }, size: { type: 'integer', default: 3 } },
      required: ['id', 'type'],
    };
    definitions['io.example.Wrapped-2'] = {
      allOf: [
        ref('io.example.Wrapped-1'),
        { type: 'object', properties: { type: { const: 'io.example.Wrapped' } } },
      ],
    };
    const wrapped = PluginCatalog.fromSchema(schema, 'server').resolve('io.example.Wrapped');
    assert.ok(wrapped);
    assert.deepEqual(
      [
        wrapped.spec.kind,
        wrapped.spec.title,
        wrapped.spec.properties.map((p) => [p.name, p.required, p.default]),
      ],
      [
        'task',
        'Wrapped.',
        [
          ['id', true, undefined],
          ['type', true, undefined],
          ['size', false, 3],
        ],
      ],
    );
  });

  it('rejects what is not a flow schema with a clear message', () => {
    const cases: [unknown, RegExp][] = [
      [null, /must be a JSON object/],
      [[], /must be a JSON object/],
      [{ $ref: '#/definitions/x' }, /no 'definitions' object/],
      [{ definitions: { a: 1 } }, /definition 'a' is not an object/],
      [{ definitions: {} }, /no flow definition 'io.kestra.core.models.flows.Flow'/],
      [{ definitions: { 'io.kestra.core.models.flows.Flow': { properties: {} } } }, /defines no task types/],
    ];
    for (const [schema, message] of cases) {
      assert.throws(() => PluginCatalog.fromSchema(schema, 'file'), message);
    }
    const broken = fakeServerSchema();
    const definitions = broken.definitions as Record<string, Record<string, unknown>>;
    definitions['io.kestra.core.models.tasks.Task'] = { oneOf: [ref('io.kestra.plugin.Missing')] };
    assert.throws(
      () => PluginCatalog.fromSchema(broken, 'server'),
      /definition 'io.kestra.plugin.Missing' \(in 'io.kestra.core.models.tasks.Task'\) has no properties/,
    );
    definitions['io.kestra.core.models.tasks.Task'] = { anyOf: 'nope' };
    assert.throws(
      () => PluginCatalog.fromSchema(broken, 'server'),
      /union 'io.kestra.core.models.tasks.Task' has no oneOf list/,
    );
  });
});

describe('PluginCatalog.fromSchemaFile', () => {
  const dir = resolve('.test-tmp', `catalog-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a schema file', () => {
    const path = join(dir, 'ok.json');
    writeFileSync(path, JSON.stringify(fakeServerSchema()));
    assert.equal(PluginCatalog.fromSchemaFile(path).source, 'file');
  });

  it('names a missing file, a directory, bad JSON with its position, and a wrong shape', () => {
    assert.throws(
      () => PluginCatalog.fromSchemaFile(join(dir, 'nope.json')),
      /flow schema file not found: .*nope\.json/,
    );
    assert.throws(() => PluginCatalog.fromSchemaFile(dir), /is a directory/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{\n  "definitions": {\n    "a": }\n}');
    assert.throws(() => PluginCatalog.fromSchemaFile(bad), /bad\.json: invalid JSON at line 3, column 10/);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, '[1, 2]');
    assert.throws(
      () => PluginCatalog.fromSchemaFile(wrong),
      /wrong\.json: the flow schema must be a JSON object/,
    );
  });
});

describe('jsonErrorOffset', () => {
  it('finds the first syntax error', () => {
    assert.equal(jsonErrorOffset('{"a": 1}'), undefined);
    assert.equal(jsonErrorOffset('{"a": 1,}'), 8);
    assert.equal(jsonErrorOffset('[1, 2'), 5);
    assert.equal(jsonErrorOffset('{"a" 1}'), 5);
    assert.equal(jsonErrorOffset('{"a": "\\x"}'), 7);
    assert.equal(jsonErrorOffset('{"a": tru}'), 6);
    assert.equal(jsonErrorOffset('{} x'), 3);
  });
});
