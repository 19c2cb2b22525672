import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from './catalog';
import type { Catalog } from './catalog-types';
import type { FlowDiagnostic } from './diagnostic';
import { parseFlowDocument } from './flow-document';
import type { Range } from './range';
import { validateFlowSchema } from './schema-validation';

function check(text: string, catalog: Catalog = PluginCatalog.bundled()): FlowDiagnostic[] {
  const flow = parseFlowDocument(text);
  assert.ok(flow.document, 'a flow document');
  return validateFlowSchema({ document: flow.document, lines: flow.lines, catalog }).sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

function at(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

const HEAD = 'id: f\nnamespace: company.team\ntasks:\n';

describe('schema validation: narrowest node, actionable messages', () => {
  it('reports an unknown property on its key with a suggestion', () => {
    const text = `${HEAD}  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://kestra.io\n    urii: https://example.com\n`;
    assert.deepEqual(check(text), [
      {
        range: at(6, 4, 8),
        severity: 'error',
        code: 'unknown-property',
        message: "Unknown property 'urii' for io.kestra.plugin.core.http.Request. Did you mean 'uri'?",
        data: { suggestion: 'uri' },
      },
    ]);
  });

  it('reports a missing required property on the task type, and an enum value on the value', () => {
    const text = `${HEAD}  - id: call\n    type: io.kestra.plugin.core.http.Request\n    method: get\n`;
    assert.deepEqual(check(text), [
      {
        range: at(4, 10, 44),
        severity: 'error',
        code: 'missing-property',
        message: "Missing required property 'uri'.",
        data: { property: 'uri' },
      },
      {
        range: at(5, 12, 15),
        severity: 'error',
        code: 'invalid-value',
        message:
          "'get' is not a valid value for 'method': use one of OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE, CONNECT, PATCH, CUSTOM.",
        data: { suggestion: 'GET' },
      },
    ]);
  });

  it('accepts expressions where a property is dynamic, in one line or several', () => {
    const text = `${HEAD}  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: "{{ inputs.url }}"\n    timeout: "{{ vars.timeout }}"\n  - id: sub\n    type: io.kestra.plugin.core.flow.Subflow\n    namespace: company.team\n    flowId: child\n    revision: |\n      {{\n        inputs.revision\n      }}\n`;
    assert.deepEqual(check(text), []);
  });

  it('says a non-dynamic property does not render expressions, and checks duration formats', () => {
    const text = `${HEAD}  - id: call\n    type: io.kestra.plugin.core.http.Request\n    uri: https://kestra.io\n    allowFailed: "{{ inputs.lenient }}"\n    timeout: 5 minutes\n`;
    assert.deepEqual(check(text), [
      {
        range: at(6, 17, 39),
        severity: 'error',
        code: 'type-mismatch',
        message:
          "'allowFailed' must be true or false, not '{{ inputs.lenient }}'. This property is not dynamic: Kestra does not render expressions in it, so write a literal value.",
      },
      {
        range: at(7, 13, 22),
        severity: 'error',
        code: 'invalid-value',
        message:
          "'5 minutes' is not a valid duration for 'timeout': use ISO-8601, e.g. PT30S, PT5M, PT1H or P1D.",
      },
    ]);
  });

  it('reports a type outside the bundled catalog once, as information, and still checks its children', () => {
    const text = `${HEAD}  - id: py\n    type: io.kestra.plugin.scripts.python.Script\n    script: print(1)\n    tasks:\n      - id: inner\n        type: io.kestra.plugin.core.log.Log\n        mesage: hi\n`;
    assert.deepEqual(
      check(text).map((d) => [d.code, d.severity, d.range.start.line, d.message]),
      [
        [
          'unknown-task-type',
          'information',
          4,
          'io.kestra.plugin.scripts.python.Script is not in the bundled catalog; a Kestra server schema (setting kestraFlow.schema.file or --schema) can validate it.',
        ],
        ['missing-property', 'error', 8, "Missing required property 'message'."],
        [
          'unknown-property',
          'error',
          9,
          "Unknown property 'mesage' for io.kestra.plugin.core.log.Log. Did you mean 'message'?",
        ],
      ],
    );
  });

  it('reports a misspelt core type as an error with the likely type', () => {
    const text = `${HEAD}  - id: s\n    type: io.kestra.plugin.core.flows.Switch\n    value: x\n`;
    assert.deepEqual(check(text), [
      {
        range: at(4, 10, 44),
        severity: 'error',
        code: 'unknown-task-type',
        message:
          'Invalid type: io.kestra.plugin.core.flows.Switch is not a Kestra core task. Did you mean io.kestra.plugin.core.flow.Switch?',
        data: { suggestion: 'io.kestra.plugin.core.flow.Switch' },
      },
    ]);
  });

  it('accepts an alias with a deprecation warning, and another case with a note', () => {
    const text = `${HEAD}  - id: a\n    type: io.kestra.core.tasks.log.Log\n    message: hi\n  - id: b\n    type: io.kestra.plugin.core.log.log\n    message: hi\n`;
    assert.deepEqual(check(text), [
      {
        range: at(4, 10, 38),
        severity: 'warning',
        code: 'deprecated-type',
        message:
          'io.kestra.core.tasks.log.Log is replaced by io.kestra.plugin.core.log.Log: use the new name.',
        data: { replacement: 'io.kestra.plugin.core.log.Log' },
      },
      {
        range: at(7, 10, 39),
        severity: 'information',
        code: 'type-case',
        message:
          'Kestra matches types case-insensitively, but this type is written io.kestra.plugin.core.log.Log.',
        data: { replacement: 'io.kestra.plugin.core.log.Log' },
      },
    ]);
  });

  it('leaves free-form maps alone', () => {
    const text = `id: f
namespace: company.team
labels:
  anything: goes
variables:
  nested:
    deep: 1
tasks:
  - id: call
    type: io.kestra.plugin.core.http.Request
    uri: https://kestra.io
    headers:
      X-Custom: a
    formData:
      field: 1
  - id: out
    type: io.kestra.plugin.core.output.OutputValues
    values:
      whatever: [1, 2]
  - id: sub
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company.team
    flowId: child
    inputs:
      free: form
pluginDefaults:
  - type: io.kestra.plugin.core.log.Log
    values:
      level: WARN
`;
    assert.deepEqual(check(text), []);
  });

  it('counts plugin defaults as Kestra does before validating', () => {
    const text = `${HEAD}  - id: log\n    type: io.kestra.plugin.core.log.Log\npluginDefaults:\n  - type: io.kestra.plugin.core.log\n    values:\n      message: from defaults\n`;
    assert.deepEqual(check(text), []);
  });

  it('validates inputs, retry policies and triggers against their own type', () => {
    const text = `id: f
namespace: company.team
inputs:
  - id: a
    type: string
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
    retry:
      type: constant
      maxAttempt: 3
  - id: wrong
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "* * * * *"
`;
    assert.deepEqual(
      check(text).map((d) => [d.code, d.range, d.message]),
      [
        [
          'unknown-type',
          at(4, 10, 16),
          "Invalid type: 'string' is not an input type: use one of STRING, ENUM, SELECT, INT, FLOAT, BOOLEAN, DATETIME, DATE, TIME, DURATION, FILE, JSON, URI, SECRET, ARRAY, MULTISELECT, YAML, EMAIL. Did you mean STRING?",
        ],
        ['missing-property', at(10, 12, 20), "Missing required property 'interval'."],
        [
          'wrong-plugin-kind',
          at(13, 10, 48),
          'io.kestra.plugin.core.trigger.Schedule is a trigger: it cannot be used as a task.',
        ],
      ],
    );
  });

  it('notes blueprint metadata without calling it an error', () => {
    const text = `${HEAD}  - id: log\n    type: io.kestra.plugin.core.log.Log\n    message: hi\nextend:\n  title: A blueprint\n`;
    assert.deepEqual(check(text), [
      {
        range: at(6, 0, 6),
        severity: 'information',
        code: 'blueprint-metadata',
        message:
          '`extend` is blueprint metadata, not a flow property: remove it before saving this flow to Kestra.',
      },
    ]);
  });
});
