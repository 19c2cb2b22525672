import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalogSource, readSourceFiles, type LoadedFile } from '../../schemas/generator/load-source';
import { SourceErrors } from '../../schemas/generator/source-reader';
import { parseTypeExpression, displayType } from '../../schemas/generator/type-expression';
import { CATALOG_SOURCE_DIR } from '../../schemas/generator/generate';

/** The real source with one more file, to see how a mistake in it is reported. */
function problemsWith(text: string): string[] {
  const files: LoadedFile[] = [
    ...readSourceFiles(CATALOG_SOURCE_DIR),
    { name: 'schemas/catalog/zz-test.yaml', text },
  ];
  try {
    loadCatalogSource(files);
    return [];
  } catch (error) {
    assert.ok(error instanceof SourceErrors);
    return error.problems;
  }
}

const plugin = (body: string) => `plugins:
  - type: io.example.Thing
    kind: task
    category: runnable
    title: A thing.
    description: Does a thing.
    examples:
      - code: |
          id: a
          namespace: b
          tasks: []
${body}`;

describe('catalog source checks', () => {
  it('accepts the committed source', () => {
    assert.deepEqual(problemsWith('plugins: []'), []);
  });

  it('names the file, the plugin and the property of a mistake', () => {
    assert.deepEqual(
      problemsWith(
        plugin(
          '    properties:\n      level:\n        type: "#Level"\n        defualt: INFO\n        description: x\n',
        ),
      ),
      [
        "schemas/catalog/zz-test.yaml: io.example.Thing: property 'level': unknown key 'defualt' (allowed: pattern, minimum, maximum, minLength, maxLength, minItems, type, required, default, enum, dynamic, property, deprecated, beta, description, class, properties)",
      ],
    );
  });

  it('reports bad types, enums, defaults and references', () => {
    assert.deepEqual(
      problemsWith(
        plugin(`    properties:
      a: { type: 'list<strin>', description: x }
      b: { type: enum, description: x }
      c: { type: integer, default: 'ten', description: x }
      d: { type: '@Nope', description: x }
      e: { type: string }
`),
      ),
      [
        "schemas/catalog/zz-test.yaml: io.example.Thing: property 'a': type 'list<strin>': unknown type 'strin' (known: string, integer, number, boolean, any, object, duration, datetime, date, time, offset-time, uri, task, tasks, trigger, condition, schedule-condition, input, retry, sla, labels, list<T>, map<T>, @Model, #Enum, enum)",
        "schemas/catalog/zz-test.yaml: io.example.Thing: property 'b': type 'enum' needs an 'enum' list",
        "schemas/catalog/zz-test.yaml: io.example.Thing: property 'c': default string \"ten\" does not fit type 'integer'",
        "schemas/catalog/zz-test.yaml: io.example.Thing: property 'e': missing 'description'",
        "schemas/catalog/zz-test.yaml: io.example.Thing: property 'd': unknown model '@Nope'",
      ],
    );
  });

  it('reports duplicate types and aliases, case-insensitively', () => {
    const problems = problemsWith(`plugins:
  - type: io.kestra.plugin.core.log.LOG
    kind: trigger
    aliases: [io.kestra.core.tasks.flows.If]
    title: t
    description: d
    examples: [{ code: "id: a\\nnamespace: b\\ntasks: []" }]
`);
    assert.deepEqual(problems, [
      "schemas/catalog/zz-test.yaml: io.kestra.plugin.core.log.LOG: 'io.kestra.plugin.core.log.LOG' is already used by schemas/catalog/core-log.yaml: io.kestra.plugin.core.log.Log",
      "schemas/catalog/zz-test.yaml: io.kestra.plugin.core.log.LOG: 'io.kestra.core.tasks.flows.If' is already used by schemas/catalog/core-flow.yaml: io.kestra.plugin.core.flow.If",
    ]);
  });

  it('requires a category on tasks, examples, and whole flows in full examples', () => {
    const problems = problemsWith(`plugins:
  - type: io.example.Other
    kind: task
    title: t
    description: d
  - type: io.example.Third
    kind: condition
    title: t
    description: d
    examples: [{ code: "- type: x" }]
`);
    assert.deepEqual(problems, [
      'schemas/catalog/zz-test.yaml: io.example.Other: a task needs a category (runnable, flowable, executable)',
      'schemas/catalog/zz-test.yaml: io.example.Other: needs at least one example',
      "schemas/catalog/zz-test.yaml: io.example.Third: example 1: a full example is a whole flow (id, namespace, tasks); else set 'full: false'",
    ]);
  });

  it('reports invalid YAML with its file', () => {
    const problems = problemsWith('plugins: [\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^schemas\/catalog\/zz-test\.yaml: invalid YAML: /);
  });
});

describe('type expressions', () => {
  it('parses and displays nested types', () => {
    assert.equal(displayType(parseTypeExpression('map<list<task>>')), 'map<string, tasks>');
    assert.equal(displayType(parseTypeExpression('string | list<#State>')), 'string | list<enum>');
    assert.equal(displayType(parseTypeExpression('map')), 'map<string, any>');
    assert.equal(displayType(parseTypeExpression('@Label')), 'object');
    assert.throws(() => parseTypeExpression('list<string'), /missing '>' after list</);
    assert.throws(() => parseTypeExpression('string |'), /unexpected end/);
  });
});
