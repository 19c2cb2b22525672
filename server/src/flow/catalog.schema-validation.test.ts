import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { PluginCatalog } from './catalog';
import { createKestraAjv } from './catalog-ajv';
import { prepareForSchema } from './catalog-normalize';

const catalog = PluginCatalog.bundled();
const validate = createKestraAjv().compile(catalog.schema);

/** Schema errors of a flow, after the alias/null normalisation the server also does. */
function errorsOf(yaml: string): string[] {
  const prepared = prepareForSchema(parse(yaml), catalog);
  assert.deepEqual(prepared.unknownTypes, []);
  if (validate(prepared.value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const httpFlow = (method: string, extra: string) => `
id: http_${method.toLowerCase()}_request
namespace: example
description: Call an API and log the answer
${extra}
tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: "https://api.example.com/products/{{ inputs.product_id ?? 1 }}"
    method: ${method}
    contentType: application/json
    body: "{{ inputs.payload ?? '' }}"
  - id: print_status
    type: io.kestra.core.tasks.log.Log
    message: "{{ outputs.send_data.body }}"
`;

describe('flow schema validation (ajv, draft-07)', () => {
  it('accepts the four HTTP guide flows', () => {
    assert.deepEqual(errorsOf(httpFlow('GET', '')), []);
    const payload = 'inputs:\n  - id: payload\n    type: JSON\n    defaults: |\n      {"title": "Pen"}';
    assert.deepEqual(errorsOf(httpFlow('POST', payload)), []);
    assert.deepEqual(errorsOf(httpFlow('PUT', payload)), []);
    assert.deepEqual(errorsOf(httpFlow('DELETE', 'inputs:\n  - id: product_id\n    type: INT')), []);
  });

  it('rejects a method outside the enum and a missing uri', () => {
    const fetch = errorsOf(httpFlow('FETCH', ''));
    assert.ok(fetch.includes('/tasks/0/method must be equal to one of the allowed values'), fetch.join('\n'));
    const noUri = errorsOf(`
id: no_uri
namespace: example
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    method: GET
`);
    assert.ok(noUri.includes("/tasks/0 must have required property 'uri'"), noUri.join('\n'));
  });

  it('accepts Switch, Dag, ForEach, Parallel and If with nested tasks', () => {
    assert.deepEqual(
      errorsOf(`
id: flowables
namespace: company.team
tasks:
  - id: by_env
    type: io.kestra.plugin.core.flow.Switch
    value: "{{ inputs.env ?? 'dev' }}"
    cases:
      dev:
        - id: dev_log
          type: io.kestra.plugin.core.log.Log
          message: dev
    defaults:
      - id: other
        type: io.kestra.plugin.core.log.Log
        message: other
  - id: graph
    type: io.kestra.plugin.core.flow.Dag
    concurrent: 2
    tasks:
      - task:
          id: a
          type: io.kestra.plugin.core.debug.Return
          format: a
      - task:
          id: b
          type: io.kestra.plugin.core.flow.Sequential
          tasks:
            - id: b1
              type: io.kestra.plugin.core.log.Log
              message: [one, two]
        dependsOn: [a]
  - id: loop
    type: io.kestra.plugin.core.flow.ForEach
    values: '["x", "y"]'
    concurrencyLimit: 0
    tasks:
      - id: each
        type: io.kestra.plugin.core.flow.If
        condition: "{{ taskrun.value == 'x' }}"
        then:
          - id: is_x
            type: io.kestra.plugin.core.log.Log
            message: x
  - id: loop_list
    type: io.kestra.plugin.core.flow.ForEach
    values: [1, {"a": "b"}, "c"]
    tasks:
      - id: branches
        type: io.kestra.plugin.core.flow.Parallel
        tasks:
          - id: p1
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT1S
          - id: p2
            type: io.kestra.plugin.core.flow.Pause
            delay: "{{ inputs.delay ?? 'PT1S' }}"
`),
      [],
    );
  });

  it('accepts inputs of every type', () => {
    assert.deepEqual(
      errorsOf(`
id: all_inputs
namespace: company.team
inputs:
  - { id: s, type: STRING, validator: "^a.*", defaults: abc }
  - { id: e, type: ENUM, values: [a, b] }
  - { id: sel, type: SELECT, values: [a, b], defaults: a, allowCustomValue: true }
  - { id: i, type: INT, min: 1, max: 10, defaults: 5 }
  - { id: f, type: FLOAT, min: 0.5, defaults: 1.5 }
  - { id: b, type: BOOLEAN, defaults: false }
  - { id: dt, type: DATETIME, after: "2024-01-01T00:00:00Z", defaults: "2024-06-01T10:00:00Z" }
  - { id: d, type: DATE, defaults: "2024-06-01" }
  - { id: t, type: TIME, defaults: "10:30" }
  - { id: du, type: DURATION, min: PT1M, defaults: PT5M }
  - { id: file, type: FILE, required: false }
  - { id: j, type: JSON, defaults: '{"a": 1}' }
  - { id: u, type: URI, defaults: "https://kestra.io" }
  - { id: sec, type: SECRET, required: false }
  - { id: arr, type: ARRAY, itemType: INT, defaults: [1, 2] }
  - { id: multi, type: MULTISELECT, values: [a, b], defaults: [a] }
  - { id: y, type: YAML, defaults: "a: 1" }
  - { id: mail, type: EMAIL, defaults: "a@b.io" }
  - id: nested.value
    type: STRING
    displayName: Nested
    dependsOn:
      inputs: [b]
      condition: "{{ inputs.b == true }}"
  - { name: legacy, type: STRING, required: false }
tasks:
  - id: show
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs }}"
`),
      [],
    );
  });

  it('accepts retries of the three kinds, and rejects an unknown kind', () => {
    const flow = (retry: string) => `
id: retries
namespace: company.team
retry: { type: constant, interval: PT1S, maxAttempt: 2 }
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: https://example.com
    retry: ${retry}
`;
    assert.deepEqual(errorsOf(flow('{ type: constant, interval: PT10S, maxAttempt: 3 }')), []);
    assert.deepEqual(
      errorsOf(flow('{ type: exponential, interval: PT1S, maxInterval: PT1M, delayFactor: 2.5 }')),
      [],
    );
    assert.deepEqual(
      errorsOf(
        flow('{ type: random, minInterval: PT1S, maxInterval: PT5S, behavior: CREATE_NEW_EXECUTION }'),
      ),
      [],
    );
    assert.notDeepEqual(errorsOf(flow('{ type: linear, interval: PT1S }')), []);
  });

  it('accepts triggers with conditions, labels in both forms, and flow-level objects', () => {
    assert.deepEqual(
      errorsOf(`
id: triggered
namespace: company.team
labels: { team: data, priority: 1 }
concurrency: { limit: 2, behavior: CANCEL }
pluginDefaults:
  - type: io.kestra.plugin.core.log
    values: { level: WARN }
outputs:
  - { id: result, type: STRING, value: "{{ outputs.show.value }}" }
tasks:
  - id: show
    type: io.kestra.plugin.core.debug.Return
    format: hi
    timeout: PT5M
    allowFailure: true
triggers:
  - id: nightly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 2 * * *"
    labels: [{ key: origin, value: schedule }]
    conditions:
      - type: io.kestra.plugin.core.condition.Not
        conditions:
          - type: io.kestra.core.models.conditions.types.WeekendCondition
  - id: upstream
    type: io.kestra.core.models.triggers.types.Flow
    preconditions:
      id: both
      timeWindow: { type: SLIDING_WINDOW, window: PT1H }
      flows:
        - { namespace: company.team, flowId: a, states: [SUCCESS] }
sla:
  - { id: slow, type: MAX_DURATION, behavior: FAIL, duration: PT1H }
`),
      [],
    );
  });

  it('does not forbid unknown keys itself (as a server schema)', () => {
    assert.deepEqual(
      errorsOf(
        'id: x\nnamespace: y\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: m\n    unknownKey: 1',
      ),
      [],
    );
  });

  it('rejects wrong value types', () => {
    const errors = errorsOf(`
id: wrong
namespace: company.team
tasks:
  - id: sleep
    type: io.kestra.plugin.core.flow.Sleep
    duration: soon
  - id: parallel
    type: io.kestra.plugin.core.flow.Parallel
    concurrent: many
    tasks: []
`);
    assert.ok(errors.includes('/tasks/0/duration must match format "duration"'), errors.join('\n'));
    assert.ok(errors.includes('/tasks/1/concurrent must be integer'), errors.join('\n'));
    assert.ok(errors.includes('/tasks/1/tasks must NOT have fewer than 1 items'), errors.join('\n'));
  });

  it('accepts every example of the catalog whose types are all known', () => {
    let checked = 0;
    for (const kind of ['task', 'trigger', 'condition'] as const) {
      for (const spec of catalog.plugins(kind)) {
        for (const example of spec.examples) {
          const parsed: unknown = parse(example.code);
          const flow = Array.isArray(parsed)
            ? {
                id: 'conditions',
                namespace: 'test',
                tasks: [{ id: 'log', type: 'io.kestra.plugin.core.log.Log', message: 'x' }],
                triggers: [
                  {
                    id: 't',
                    type: 'io.kestra.plugin.core.trigger.Schedule',
                    cron: '* * * * *',
                    conditions: parsed,
                  },
                ],
              }
            : parsed;
          const prepared = prepareForSchema(flow, catalog);
          assert.deepEqual(prepared.unknownTypes, [], `${spec.type} example '${example.title}'`);
          assert.equal(
            validate(prepared.value),
            true,
            `${spec.type}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
          );
          checked++;
        }
      }
    }
    assert.ok(checked >= 75, `only ${checked} examples`);
  });
});
