import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowTriggerConditions } from './flow-trigger-conditions';
import { pluginDefaults } from './plugin-defaults';
import { retryIntervals } from './retry-intervals';
import { at, runRule } from './rule-test-support';
import { systemLabels } from './system-labels';

describe('retry intervals', () => {
  it('needs intervals shorter than maxDuration and maxInterval', () => {
    const text = `id: r
namespace: company.team
retry:
  type: constant
  interval: PT15M
  maxDuration: PT10M
tasks:
  - id: t
    type: io.kestra.plugin.core.log.Log
    message: m
    retry:
      type: exponential
      interval: PT1M
      maxInterval: 60
      maxDuration: PT1H
  - id: u
    type: io.kestra.plugin.core.log.Log
    message: m
    retry:
      type: random
      minInterval: PT10S
      maxInterval: PT5S
`;
    assert.deepEqual(runRule(retryIntervals, text), [
      {
        range: at(4, 12, 17),
        severity: 'error',
        code: 'invalid-retry',
        message:
          "'interval' must be less than 'maxDuration' but is PT15M (maxDuration: PT10M): shorten 'interval' or lengthen 'maxDuration'.",
      },
      {
        range: at(12, 16, 20),
        severity: 'error',
        code: 'invalid-retry',
        message:
          "'interval' must be less than 'maxInterval' but is PT1M (maxInterval: 60): shorten 'interval' or lengthen 'maxInterval'.",
      },
      {
        range: at(20, 19, 24),
        severity: 'error',
        code: 'invalid-retry',
        message:
          "'minInterval' must be less than 'maxInterval' but is PT10S (maxInterval: PT5S): shorten 'minInterval' or lengthen 'maxInterval'.",
      },
    ]);
  });
});

describe('system labels', () => {
  it('allows only system.readOnly on the flow, nothing system.* elsewhere', () => {
    const text = `id: l
namespace: company.team
labels:
  system.readOnly: "true"
  system.label: x
tasks:
  - id: sub
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company.team
    flowId: other
    labels:
      - key: system.readOnly
        value: "true"
triggers:
  - id: s
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "* * * * *"
    labels:
      team: data
`;
    assert.deepEqual(runRule(systemLabels, text), [
      {
        range: at(4, 2, 14),
        severity: 'error',
        code: 'system-label',
        message:
          'System labels can only be set by Kestra itself, offending label: system.label=x. Rename the label without the `system.` prefix.',
      },
      {
        range: at(11, 13, 28),
        severity: 'error',
        code: 'system-label',
        message:
          'System labels can only be set by Kestra itself, offending label: system.readOnly=true. Rename the label without the `system.` prefix.',
      },
    ]);
  });
});

describe('plugin defaults', () => {
  it('needs type and values, no null value, and known keys for a known type', () => {
    const text = `id: p
namespace: company.team
tasks:
  - id: t
    type: io.kestra.plugin.core.log.Log
    message: m
pluginDefaults:
  - type: io.kestra.plugin.core.log.Log
    values:
      levle: WARN
      message: null
  - type: io.kestra.plugin.core.http
    values:
      anything: goes
  - values:
      x: 1
`;
    assert.deepEqual(runRule(pluginDefaults, text), [
      {
        range: at(10, 6, 13),
        severity: 'error',
        code: 'invalid-plugin-default',
        message: "No value provided for key 'message': give it a value or remove it.",
      },
      {
        range: at(9, 6, 11),
        severity: 'error',
        code: 'unknown-property',
        message:
          "No property 'levle' exists in plugin 'io.kestra.plugin.core.log.Log'. Did you mean 'level'?",
        data: { suggestion: 'level' },
      },
      {
        range: at(14, 4, 10),
        severity: 'error',
        code: 'invalid-plugin-default',
        message:
          "No 'type' provided in this `pluginDefaults` entry: add the plugin type (or package) it applies to.",
      },
    ]);
  });
});

describe('Flow trigger', () => {
  it('warns when neither conditions nor preconditions limit it', () => {
    const text = `id: f
namespace: company.team
tasks:
  - id: t
    type: io.kestra.plugin.core.log.Log
    message: m
triggers:
  - id: everything
    type: io.kestra.core.models.triggers.types.Flow
  - id: limited
    type: io.kestra.plugin.core.trigger.Flow
    preconditions:
      id: p
      flows:
        - namespace: company.team
`;
    assert.deepEqual(runRule(flowTriggerConditions, text), [
      {
        range: at(7, 8, 18),
        severity: 'warning',
        code: 'flow-trigger-without-conditions',
        message:
          "This flow will be triggered for EVERY execution of EVERY flow on your instance: add `preconditions` (or `conditions`) to the Flow trigger 'everything'.",
      },
    ]);
  });
});
