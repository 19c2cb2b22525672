import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { condenseMessage, flowViolations, formatViolation } from './flow-violations';

// As Kestra's YamlParser passes on a SnakeYAML error through Jackson.
const SNAKE = [
  'while scanning a quoted scalar',
  " in 'reader', line 6, column 14:",
  '        message: "Hello',
  '                 ^',
  'found unexpected end of stream',
  " in 'reader', line 7, column 1:",
  '    ',
  '    ^',
  '',
  ' at [Source: (StringReader); line: 6, column: 14]',
].join('\n');

describe('condenseMessage', () => {
  it('keeps the problem statements and the first position, drops excerpts and carets', () => {
    assert.deepEqual(condenseMessage(SNAKE), {
      message: 'while scanning a quoted scalar, found unexpected end of stream',
      line: 6,
      column: 14,
    });
  });

  it("reads Jackson's own location when there is no SnakeYAML mark", () => {
    const jackson =
      'Unrecognized field "mesage" (class io.kestra.plugin.core.log.Log), not marked as ignorable\n at [Source: UNKNOWN; line: 5, column: 5] (through reference chain: io.kestra.core.models.flows.Flow["tasks"])';
    assert.deepEqual(condenseMessage(jackson), {
      message: 'Unrecognized field "mesage" (class io.kestra.plugin.core.log.Log), not marked as ignorable',
      line: 5,
      column: 5,
    });
  });

  it('leaves a one-line constraint message alone', () => {
    assert.deepEqual(condenseMessage('must not be null'), { message: 'must not be null' });
  });
});

describe('flowViolations', () => {
  it('one per embedded error, positioned when the message names a position', () => {
    const violations = flowViolations({
      message: 'Invalid entity: Illegal flow yaml: …',
      errors: [
        { path: 'yaml', message: SNAKE },
        { path: 'tasks[0].id', message: 'must match "^[a-zA-Z0-9][a-zA-Z0-9_-]*"' },
      ],
    });
    assert.deepEqual(
      violations.map((v) => formatViolation(v, 'flows/hello.yml')),
      [
        'flows/hello.yml:6:14: yaml: while scanning a quoted scalar, found unexpected end of stream',
        'tasks[0].id: must match "^[a-zA-Z0-9][a-zA-Z0-9_-]*"',
      ],
    );
  });

  it('falls back to the top message without its "Invalid entity: " prefix', () => {
    assert.deepEqual(
      flowViolations({ message: 'Invalid entity: flow.id: Flow id already exists', errors: [] }),
      [{ message: 'flow.id: Flow id already exists' }],
    );
  });
});
