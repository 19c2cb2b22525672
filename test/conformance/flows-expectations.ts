// What the flow conformance suite expects from the corpus.

/**
 * For each Kestra invalid flow: the diagnostic codes that carry the gist of Kestra's message
 * (invalids.expected.json), with how many of each at least. A file is flagged when all are there.
 */
export const INVALID_GIST: Record<string, Record<string, number>> = {
  'dag-cyclicdependency.yaml': { 'dependency-cycle': 1 },
  'dag-notexist-task.yaml': { 'unknown-dependency': 1 },
  'duplicate-inputs.yaml': { 'duplicate-input-id': 1 },
  'duplicate-key.yaml': { 'duplicate-key': 1 },
  'duplicate-parallel.yaml': { 'duplicate-id': 1 },
  'duplicate.yaml': { 'duplicate-id': 1, 'duplicate-trigger-id': 1 },
  'empty.yaml': { 'empty-task-list': 1 },
  'inputs-bad-type.yaml': { 'unknown-type': 1 },
  'inputs-bad-validator-syntax.yaml': { 'invalid-regex': 1 },
  'inputs-validation.yaml': { 'invalid-input-default': 1, 'invalid-item-type': 1 },
  'inputs.yaml': { 'missing-type': 1 },
  'invalid-parallel.yaml': { 'empty-task-list': 3, 'invalid-id': 1, 'invalid-namespace': 1 },
  'invalid-property.yaml': { 'unknown-property': 1 },
  'invalid-task.yaml': { 'unknown-task-type': 3 },
  'invalid.yaml': { 'invalid-id': 1, 'invalid-namespace': 1, 'missing-property': 1 },
  'listener.yaml': { 'empty-task-list': 2 },
  'recursive-flow.yaml': { 'recursive-subflow': 1 },
  'switch-invalid.yaml': { 'switch-without-tasks': 1 },
  'system-labels.yaml': { 'system-label': 2 },
  'worker-group.yaml': { 'enterprise-only': 1 },
  'workingdirectory-invalid.yaml': { 'non-runnable-in-working-directory': 1 },
  'workingdirectory-no-tasks.yaml': { 'empty-task-list': 1 },
};

/**
 * Where PyYAML 6 stops on each `public/_invalid-yaml` file (1-based lines of its problem mark and,
 * when it gives one, its context mark), recorded with `yaml.safe_load_all`; SOURCES.tsv names the
 * error but not the line. A YAML diagnostic on either line is on the right line.
 */
export const PYYAML_LINES: Record<string, number[]> = {
  'examples/examples/postgres/eachSequentialPostgres.yml': [7],
  'kestra-docs/index/function_example.yaml': [11, 9],
  'kestra/examples/condition.ExecutionOutputs.L35.yaml': [3],
  'kestra/examples/condition.Expression.L31.yaml': [3],
  'plugin-aws/examples/cli.AwsCLI.L39.yaml': [12, 11],
  'plugin-aws/examples/cli.AwsCLI.L71.yaml': [13, 12],
  'plugin-aws/examples/eventbridge.PutEvents.L69.yaml': [14, 11],
  'plugin-gcp/examples/cli.GCloudCLI.L72.yaml': [12, 1],
  'plugin-gcp/examples/firestore.Set.L46.yaml': [7, 5],
  'plugin-gcp/examples/pubsub.Consume.L41.yaml': [9],
  'plugin-gcp/examples/pubsub.Publish.L39.yaml': [10, 9],
  'plugin-jdbc/examples/duckdb.Query.L89.yaml': [7],
  'plugin-jdbc/examples/sqlite.Queries.L40.yaml': [8],
  'plugin-jdbc/examples/sqlite.Query.L56.yaml': [8],
  'plugin-kafka/examples/kafka.Produce.L58.yaml': [7],
  'plugin-notifications/examples/slack.SlackIncomingWebhook.L74.yaml': [11],
  'plugin-scripts/examples/groovy.FileTransform.L93.yaml': [7, 5],
  'plugin-scripts/examples/nashorn.FileTransform.L65.yaml': [7, 5],
  'plugin-scripts/examples/scripts.Bash.L83.yaml': [8],
  'plugin-scripts/examples/scripts.Bash.L99.yaml': [13, 12],
  'plugin-scripts/examples/scripts.Python.L83.yaml': [8],
  'plugin-scripts/examples/shell.Commands.L117.yaml': [6, 5],
};

/** Codes that report a YAML reading problem. */
export const YAML_CODES = new Set([
  'yaml-syntax',
  'unquoted-expression',
  'duplicate-key',
  'multiple-documents',
]);

/**
 * Valid flows (Kestra saves them) whose expressions are really broken: Kestra reports these only when
 * the task runs, and its own tests assert that failure. Our expression checks say it at edit time;
 * these are true findings, not false errors. Each entry lists the codes we expect and why.
 */
export const RUNTIME_FAILURES: Record<string, { codes: string[]; reason: string }> = {
  'flowable-with-parent-fail.yaml': {
    codes: ['expression-syntax'],
    reason: 'a `{% for %}` tag inside `{{ }}` is not Pebble; BadFlowableTest expects FAILED',
  },
  'task-runif.yml': {
    codes: ['unknown-task-reference'],
    reason: 'runIf reads outputs of a task that does not exist; TaskWithRunIfTest expects FAILED',
  },
  'variables-invalid.yaml': {
    codes: ['unknown-input'],
    reason: 'reads an input the flow does not declare; the flow exists to test that failure',
  },
  'task-flow-dynamic.yaml': {
    codes: ['unknown-input'],
    reason: 'reads inputs `namespace` and `flowId` that it does not declare (parsed by tests, never run)',
  },
};
