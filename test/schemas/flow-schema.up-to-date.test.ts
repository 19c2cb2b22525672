import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CATALOG_JSON_PATH, FLOW_SCHEMA_PATH, generate } from '../../schemas/generator/generate';

describe('committed schema files', () => {
  const generated = generate();

  it('schemas/flow.schema.json is what `npm run schema` produces', () => {
    assert.ok(
      readFileSync(FLOW_SCHEMA_PATH, 'utf8') === generated.schemaText,
      'schemas/flow.schema.json is out of date: run `npm run schema`',
    );
  });

  it('schemas/catalog.json is what `npm run schema` produces', () => {
    assert.ok(
      readFileSync(CATALOG_JSON_PATH, 'utf8') === generated.catalogText,
      'schemas/catalog.json is out of date: run `npm run schema`',
    );
  });

  it('has the server shape and a reasonable size', () => {
    const schema = generated.schema;
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$ref, '#/definitions/io.kestra.core.models.flows.Flow');
    assert.deepEqual(Object.keys(schema), ['$schema', '$ref', 'definitions']);
    assert.ok(generated.schemaText.length < 1.5 * 1024 * 1024);
    const definitions = schema.definitions as Record<string, Record<string, unknown>>;
    const taskUnion = definitions['io.kestra.core.models.tasks.Task'].oneOf as { $ref: string }[];
    assert.equal(taskUnion.length, 50);
    assert.ok(taskUnion.every((entry) => definitions[entry.$ref.replace('#/definitions/', '')]));
    const flow = definitions['io.kestra.core.models.flows.Flow'];
    assert.deepEqual(flow.required, ['id', 'namespace', 'tasks']);
    assert.equal(flow.additionalProperties, undefined);
    const log = definitions['io.kestra.plugin.core.log.Log'];
    assert.deepEqual((log.properties as Record<string, unknown>).type, {
      const: 'io.kestra.plugin.core.log.Log',
    });
    assert.deepEqual(log.required, ['id', 'type', 'message']);
    assert.match(
      log.markdownDescription as string,
      /\n\n##### Examples\n> Log a greeting built from an input\.\n```yaml\nid: greet\n/,
    );
    assert.equal(definitions['io.kestra.plugin.core.debug.Echo'].$deprecated, 'true');
    assert.deepEqual(definitions['io.kestra.core.models.tasks.retrys.Constant-2'], {
      allOf: [
        { $ref: '#/definitions/io.kestra.core.models.tasks.retrys.Constant-1' },
        { type: 'object', properties: { type: { const: 'constant' } } },
      ],
    });
    const timeout = (definitions['io.kestra.plugin.core.flow.Pause'].properties as Record<string, unknown>)
      .delay;
    assert.deepEqual((timeout as Record<string, unknown>).oneOf, [
      { type: 'string', format: 'duration' },
      { type: 'string', pattern: '.*{{.*}}.*' },
    ]);
  });
});
