import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from './catalog';
import type { PluginProperty } from './catalog-types';

const catalog = PluginCatalog.bundled();
const spec = (type: string) => {
  const resolved = catalog.resolve(type);
  assert.ok(resolved, type);
  return resolved.spec;
};
const property = (properties: PluginProperty[], name: string): PluginProperty => {
  const found = properties.find((p) => p.name === name);
  assert.ok(found, `no property ${name}`);
  return found;
};
const COMMON_TASK = [
  'id',
  'type',
  'description',
  'retry',
  'timeout',
  'disabled',
  'workerGroup',
  'logLevel',
  'allowFailure',
  'allowWarning',
  'logToFile',
  'runIf',
];
const summary = (properties: PluginProperty[]) =>
  properties.map((p) => [p.name, p.type, p.required, p.default, p.dynamic] as const);

describe('bundled specs', () => {
  it('describes Request exactly', () => {
    const request = spec('io.kestra.plugin.core.http.Request');
    assert.equal(request.kind, 'task');
    assert.equal(request.category, 'runnable');
    assert.deepEqual(request.aliases, ['io.kestra.plugin.fs.http.Request']);
    assert.equal(request.outputsKnown, true);
    const own = request.properties.filter((p) => !COMMON_TASK.includes(p.name));
    assert.deepEqual(summary(own), [
      ['uri', 'string', true, undefined, true],
      ['method', 'enum', false, 'GET', false],
      ['body', 'string', false, undefined, true],
      ['formData', 'map<string, any>', false, undefined, true],
      ['contentType', 'string', false, undefined, true],
      ['headers', 'map<string, string>', false, undefined, true],
      ['options', 'object', false, undefined, false],
      ['sslOptions', 'object', false, undefined, false],
      ['allowFailed', 'boolean', false, false, false],
      ['encryptBody', 'boolean', false, false, false],
    ]);
    assert.deepEqual(property(request.properties, 'method').enum, [
      'OPTIONS',
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'TRACE',
      'CONNECT',
      'PATCH',
      'CUSTOM',
    ]);
    assert.deepEqual(
      request.outputs.map((o) => o.name),
      ['uri', 'code', 'headers', 'body', 'encryptedBody', 'formData'],
    );
    assert.deepEqual(
      request.properties.map((p) => p.name).filter((n) => COMMON_TASK.includes(n)),
      COMMON_TASK,
    );
  });

  it('gives Request options their nested fields with defaults', () => {
    const options = property(spec('io.kestra.plugin.core.http.Request').properties, 'options');
    assert.deepEqual(
      options.properties?.map((p) => [p.name, p.type, p.default]),
      [
        ['connectTimeout', 'duration', undefined],
        ['readTimeout', 'duration', 'PT10S'],
        ['readIdleTimeout', 'duration', 'PT5M'],
        ['connectionPoolIdleTimeout', 'duration', 'PT0S'],
        ['maxContentLength', 'integer', 10485760],
        ['proxyType', 'enum', 'DIRECT'],
        ['proxyAddress', 'string', undefined],
        ['proxyPort', 'integer', undefined],
        ['proxyUsername', 'string', undefined],
        ['proxyPassword', 'string', undefined],
        ['defaultCharset', 'string', 'UTF-8'],
        ['followRedirects', 'boolean', true],
        ['logLevel', 'enum', undefined],
        ['basicAuthUser', 'string', undefined],
        ['basicAuthPassword', 'string', undefined],
      ],
    );
    assert.deepEqual(options.schema, {
      allOf: [
        { $ref: '#/definitions/io.kestra.plugin.core.http.HttpInterface$RequestOptions' },
        {
          markdownDescription: 'Client settings such as timeouts, proxy, redirects and basic authentication.',
          $dynamic: false,
        },
      ],
    });
  });

  it('describes Log exactly', () => {
    const log = spec('io.kestra.plugin.core.log.Log');
    const message = property(log.properties, 'message');
    assert.deepEqual(
      [message.type, message.required, message.dynamic],
      ['string | list<string>', true, true],
    );
    assert.deepEqual(message.schema.oneOf, [
      { type: 'string' },
      { type: 'array', items: { type: 'string' } },
    ]);
    const level = property(log.properties, 'level');
    assert.deepEqual(
      [level.type, level.required, level.default, level.enum, level.dynamic],
      ['enum', false, 'INFO', ['ERROR', 'WARN', 'INFO', 'DEBUG', 'TRACE'], false],
    );
    assert.equal(
      level.schema.markdownDescription,
      'Level the message is logged at.\n\nDefault value is : `INFO`',
    );
    assert.deepEqual(log.outputs, []);
    assert.ok(log.examples.length >= 1);
  });

  it('marks tasks-holding properties and categories', () => {
    assert.equal(property(spec('io.kestra.plugin.core.flow.If').properties, 'then').type, 'tasks');
    assert.equal(
      property(spec('io.kestra.plugin.core.flow.Switch').properties, 'cases').type,
      'map<string, tasks>',
    );
    const dagTasks = property(spec('io.kestra.plugin.core.flow.Dag').properties, 'tasks');
    assert.equal(dagTasks.type, 'list<object>');
    assert.deepEqual(
      dagTasks.properties?.map((p) => [p.name, p.type, p.required]),
      [
        ['task', 'task', true],
        ['dependsOn', 'list<string>', false],
      ],
    );
    assert.equal(spec('io.kestra.plugin.core.flow.Subflow').category, 'executable');
    assert.equal(spec('io.kestra.plugin.core.flow.ForEach').category, 'flowable');
    assert.equal(spec('io.kestra.plugin.core.flow.Sleep').category, 'runnable');
    assert.equal(spec('io.kestra.plugin.core.trigger.Schedule').category, undefined);
  });

  it('keeps Pause its own timeout instead of the common one', () => {
    const pause = spec('io.kestra.plugin.core.flow.Pause');
    const timeouts = pause.properties.filter((p) => p.name === 'timeout');
    assert.equal(timeouts.length, 1);
    assert.match(timeouts[0].description, /nobody resumed/);
  });

  it('flags deprecated plugins and properties', () => {
    assert.equal(spec('io.kestra.plugin.core.debug.Echo').deprecated, true);
    assert.equal(spec('io.kestra.plugin.core.flow.EachSequential').deprecated, true);
    assert.equal(spec('io.kestra.plugin.core.log.Log').deprecated, undefined);
    assert.equal(property(spec('io.kestra.plugin.core.flow.Subflow').properties, 'outputs').deprecated, true);
    assert.equal(property(catalog.flowProperties, 'listeners').deprecated, true);
    assert.equal(property(catalog.flowProperties, 'sla').beta, true);
  });

  it('lists the flow, trigger and input properties', () => {
    assert.deepEqual(
      catalog.flowProperties.filter((p) => p.required).map((p) => p.name),
      ['id', 'namespace', 'tasks'],
    );
    assert.deepEqual(
      catalog.commonTriggerProperties.map((p) => p.name),
      [
        'id',
        'type',
        'description',
        'conditions',
        'disabled',
        'workerGroup',
        'logLevel',
        'labels',
        'stopAfter',
        'logToFile',
      ],
    );
    assert.deepEqual(
      catalog.commonTaskProperties.map((p) => p.name),
      COMMON_TASK,
    );
    assert.deepEqual(
      catalog.commonInputProperties.map((p) => p.name),
      ['id', 'name', 'type', 'description', 'dependsOn', 'required', 'defaults', 'displayName'],
    );
    assert.deepEqual(
      catalog.inputTypes.map((t) => t.type),
      [
        'STRING',
        'ENUM',
        'SELECT',
        'INT',
        'FLOAT',
        'BOOLEAN',
        'DATETIME',
        'DATE',
        'TIME',
        'DURATION',
        'FILE',
        'JSON',
        'URI',
        'SECRET',
        'ARRAY',
        'MULTISELECT',
        'YAML',
        'EMAIL',
      ],
    );
    const int = catalog.inputTypes.find((t) => t.type === 'INT');
    assert.deepEqual(
      int?.properties.map((p) => [p.name, p.type]),
      [
        ['min', 'integer'],
        ['max', 'integer'],
        ['defaults', 'integer'],
      ],
    );
    assert.equal(catalog.inputTypes.find((t) => t.type === 'ENUM')?.deprecated, true);
  });

  it('gives condition and task runner specs their type property', () => {
    const weekend = spec('io.kestra.plugin.core.condition.Weekend');
    assert.deepEqual(
      weekend.properties.map((p) => [p.name, p.required]),
      [
        ['type', true],
        ['date', false],
      ],
    );
    assert.deepEqual(property(weekend.properties, 'type').schema, {
      const: 'io.kestra.plugin.core.condition.Weekend',
    });
  });
});
