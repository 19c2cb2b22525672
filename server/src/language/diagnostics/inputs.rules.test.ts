import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inputDefaults } from './input-defaults';
import { inputDependsOn } from './input-depends-on';
import { inputDeprecatedName } from './input-deprecated-name';
import { inputItemTypes } from './input-item-types';
import { inputRegexes } from './input-regexes';
import { at, runRule } from './rule-test-support';

function flowWithInputs(inputs: string): string {
  return `id: i\nnamespace: company.team\ninputs:\n${inputs}tasks:\n  - id: t\n    type: io.kestra.plugin.core.log.Log\n    message: m\n`;
}

describe('input defaults', () => {
  it('accepts defaults that parse for their type, and expressions', () => {
    const text = flowWithInputs(`  - id: a
    type: INT
    defaults: 42
  - id: b
    type: FLOAT
    defaults: "1.5e3"
  - id: c
    type: BOOLEAN
    defaults: true
  - id: d
    type: DATE
    defaults: 2024-02-29
  - id: e
    type: DATETIME
    defaults: "2024-01-31T10:00:00Z"
  - id: f
    type: TIME
    defaults: "10:30"
  - id: g
    type: DURATION
    defaults: PT1H30M
  - id: h
    type: JSON
    defaults: |
      {"title": "Kestra Pen"}
  - id: i
    type: URI
    defaults: https://kestra.io/docs
  - id: j
    type: EMAIL
    defaults: hello@kestra.io
  - id: k
    type: SELECT
    values: [a, b]
    defaults: b
  - id: l
    type: DATETIME
    defaults: "{{ now() }}"
  - id: m
    type: ARRAY
    itemType: INT
    defaults: [1, 2]
  - id: n
    type: YAML
    defaults:
      key: value
`);
    assert.deepEqual(runRule(inputDefaults, text), []);
  });

  it('reports defaults Kestra cannot read, on the value', () => {
    const text = flowWithInputs(`  - id: a
    type: INT
    defaults: 1.0
  - id: b
    type: DATE
    defaults: 2023-02-29
  - id: c
    type: DURATION
    defaults: P1M
  - id: d
    type: JSON
    defaults: "{not json}"
  - id: e
    type: FILE
    defaults: kestra:///x.txt
  - id: f
    type: SELECT
    values: [a, b]
    defaults: c
  - id: g
    type: BOOLEAN
    defaults: "yes"
  - id: h
    type: ARRAY
    itemType: INT
    defaults: [1, x]
  - id: i
    type: DATETIME
    defaults: "2024-01-31T10:00:00"
`);
    assert.deepEqual(runRule(inputDefaults, text), [
      {
        range: at(5, 14, 17),
        severity: 'error',
        code: 'invalid-input-default',
        message: "'1.0' is not an integer: an INT input takes a whole number, e.g. 42.",
      },
      {
        range: at(8, 14, 24),
        severity: 'error',
        code: 'invalid-input-default',
        message: "'2023-02-29' is not a date: a DATE input takes yyyy-MM-dd, e.g. 2024-01-31.",
      },
      {
        range: at(11, 14, 17),
        severity: 'error',
        code: 'invalid-input-default',
        message: "'P1M' is not a duration: a DURATION input takes ISO-8601, e.g. PT30S, PT5M or P1D.",
      },
      {
        range: at(14, 14, 26),
        severity: 'error',
        code: 'invalid-input-default',
        message: 'The default is not valid JSON: a JSON input takes a JSON text, e.g. {"key": "value"}.',
      },
      {
        range: at(17, 4, 12),
        severity: 'error',
        code: 'invalid-input-default',
        message:
          "No `defaults` can be set for inputs of type 'FILE': remove it; the file is uploaded when the execution starts.",
      },
      {
        range: at(21, 14, 15),
        severity: 'error',
        code: 'invalid-input-default',
        message: "'c' is not one of the `values` of this SELECT input: use one of a, b.",
      },
      {
        range: at(24, 14, 19),
        severity: 'warning',
        code: 'invalid-input-default',
        message:
          "'yes' is read as false: a BOOLEAN input is true only for the text `true`. Write true or false.",
      },
      {
        range: at(28, 18, 19),
        severity: 'error',
        code: 'invalid-input-default',
        message: "'x' is not an integer: an INT input takes a whole number, e.g. 42.",
      },
      {
        range: at(31, 14, 35),
        severity: 'error',
        code: 'invalid-input-default',
        message:
          "'2024-01-31T10:00:00' is not an ISO-8601 instant: a DATETIME input takes a date, a time with seconds and a zone, e.g. 2024-01-31T10:00:00Z.",
      },
    ]);
  });
});

describe('input regexes, item types and dependencies', () => {
  it('reports a validator and SELECT values that do not compile as Java regexes', () => {
    const text = flowWithInputs(`  - id: a
    type: STRING
    validator: \\
  - id: b
    type: STRING
    validator: "(?i)^[a-z]++\\\\Q.*\\\\E$"
  - id: c
    type: SELECT
    values: ["ok", "(unclosed"]
`);
    assert.deepEqual(runRule(inputRegexes, text), [
      {
        range: at(5, 15, 16),
        severity: 'error',
        code: 'invalid-regex',
        message:
          'Invalid pattern [\\] in `validator`: \\ at end of pattern. Kestra compiles it as a Java regex.',
      },
      {
        range: at(11, 19, 30),
        severity: 'error',
        code: 'invalid-regex',
        message:
          'Invalid pattern [(unclosed] in `values`: Unterminated group. Kestra compiles it as a Java regex.',
      },
    ]);
  });

  it('rejects ARRAY items of type ARRAY and values with options', () => {
    const text = flowWithInputs(`  - id: a
    type: ARRAY
    itemType: ARRAY
  - id: b
    type: MULTISELECT
    values: [x]
    options: [y]
`);
    assert.deepEqual(runRule(inputItemTypes, text), [
      {
        range: at(5, 14, 19),
        severity: 'error',
        code: 'invalid-item-type',
        message: '`itemType` cannot be `ARRAY`: an ARRAY input holds a flat list; use STRING, INT, JSON…',
      },
      {
        range: at(9, 4, 11),
        severity: 'error',
        code: 'values-and-options',
        message:
          "You can't define both `values` and `options`: keep `values` (`options` is its deprecated name).",
      },
    ]);
  });

  it('reports dependencies on unknown inputs and cycles', () => {
    const text = flowWithInputs(`  - id: a
    type: STRING
    dependsOn:
      inputs: [b]
  - id: b
    type: STRING
    dependsOn:
      inputs: [a, zzz]
`);
    assert.deepEqual(runRule(inputDependsOn, text), [
      {
        range: at(10, 18, 21),
        severity: 'error',
        code: 'unknown-input-dependency',
        message: "Input 'b' depends on a non-existent input 'zzz': use one of a.",
      },
      {
        range: at(6, 15, 16),
        severity: 'error',
        code: 'input-dependency-cycle',
        message:
          "Cycle dependency detected for input 'a' between a, b: remove one of these `dependsOn` entries.",
      },
      {
        range: at(10, 15, 16),
        severity: 'error',
        code: 'input-dependency-cycle',
        message:
          "Cycle dependency detected for input 'b' between a, b: remove one of these `dependsOn` entries.",
      },
    ]);
  });

  it('flags the deprecated `name`', () => {
    const text = flowWithInputs(`  - name: old
    type: STRING
`);
    assert.deepEqual(runRule(inputDeprecatedName, text), [
      {
        range: at(3, 4, 8),
        severity: 'warning',
        code: 'deprecated-property',
        message: 'The input property `name` is deprecated: rename it to `id`.',
        data: { replacement: 'id' },
      },
    ]);
  });
});
