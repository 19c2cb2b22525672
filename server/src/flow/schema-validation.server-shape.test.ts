import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from './catalog';
import { parseFlowDocument } from './flow-document';
import { validateFlowSchema } from './schema-validation';
import { compileSchema } from './schema-validation-compile';

const ref = (key: string) => ({ $ref: `#/definitions/${key}` });

/** A tiny schema in the shape a Kestra server serves: one plugin, -1/-2 inputs, a task union. */
const SERVER_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $ref: '#/definitions/io.kestra.core.models.flows.Flow',
  definitions: {
    'io.kestra.core.models.flows.Flow': {
      type: 'object',
      properties: {
        id: { type: 'string' },
        namespace: { type: 'string' },
        inputs: { type: 'array', items: ref('io.kestra.core.models.flows.Input_java.lang.Object_') },
        tasks: { type: 'array', items: ref('io.kestra.core.models.tasks.Task') },
      },
      required: ['id', 'namespace', 'tasks'],
    },
    'io.kestra.core.models.tasks.Task': { oneOf: [ref('com.acme.Shout')] },
    'com.acme.Shout': {
      type: 'object',
      properties: {
        id: { type: 'string' },
        type: { const: 'com.acme.Shout' },
        volume: { oneOf: [{ type: 'integer' }, { type: 'string', pattern: '.*{{.*}}.*' }], $dynamic: true },
        mode: { type: 'string', enum: ['LOUD', 'QUIET'], $dynamic: false },
        old: { type: 'string', $deprecated: true },
      },
      required: ['id', 'type', 'volume'],
    },
    'io.kestra.core.models.flows.Input_java.lang.Object_': {
      oneOf: [ref('io.kestra.core.models.flows.input.IntInput-2')],
    },
    'io.kestra.core.models.flows.input.IntInput-1': {
      type: 'object',
      properties: { id: { type: 'string' }, type: { type: 'string' }, min: { type: 'integer' } },
      required: ['id', 'type'],
    },
    'io.kestra.core.models.flows.input.IntInput-2': {
      allOf: [
        ref('io.kestra.core.models.flows.input.IntInput-1'),
        { type: 'object', properties: { type: { const: 'INT' } } },
      ],
    },
  },
};

function check(text: string) {
  const catalog = PluginCatalog.fromSchema(SERVER_SCHEMA, 'file');
  const flow = parseFlowDocument(text);
  return validateFlowSchema({ document: flow.document!, lines: flow.lines, catalog })
    .sort((a, b) => a.range.start.line - b.range.start.line)
    .map((d) => [d.code, d.severity, d.range.start.line, d.message]);
}

describe('schema validation against any server-shape schema', () => {
  it('validates each typed object against its own definition only', () => {
    const text = `id: f
namespace: acme
inputs:
  - id: n
    type: INT
    min: "x"
    max: 3
tasks:
  - id: a
    type: com.acme.shout
    volume: "{{ inputs.n }}"
    mode: loud
    old: yes
  - id: b
    type: com.acme.Whisper
`;
    assert.deepEqual(check(text), [
      ['type-mismatch', 'error', 5, "'min' must be a whole number, not 'x'."],
      [
        'unknown-property',
        'error',
        6,
        "Unknown property 'max' for an INT input. Kestra rejects unknown properties: remove it or fix its name.",
      ],
      [
        'type-case',
        'information',
        9,
        'Kestra matches types case-insensitively, but this type is written com.acme.Shout.',
      ],
      ['invalid-value', 'error', 11, "'loud' is not a valid value for 'mode': use one of LOUD, QUIET."],
      [
        'deprecated-property',
        'warning',
        12,
        "'old' is deprecated for com.acme.Shout: Kestra still accepts it but plans to remove it.",
      ],
      [
        'unknown-task-type',
        'error',
        14,
        'Invalid type: com.acme.Whisper is not a task of the Kestra server this schema comes from: check the name, or install the plugin on the server.',
      ],
    ]);
  });

  it('reports a value that fits no branch of a oneOf once, by its shape', () => {
    const text = 'id: f\nnamespace: acme\ntasks:\n  - id: a\n    type: com.acme.Shout\n    volume: [1]\n';
    assert.deepEqual(check(text), [
      ['type-mismatch', 'error', 5, "'volume' must be a whole number or a string, not a list."],
    ]);
  });

  it('compiles a schema once and reuses it', () => {
    assert.equal(compileSchema(SERVER_SCHEMA), compileSchema(SERVER_SCHEMA));
    assert.notEqual(compileSchema(SERVER_SCHEMA), compileSchema({ ...SERVER_SCHEMA }));
  });
});
