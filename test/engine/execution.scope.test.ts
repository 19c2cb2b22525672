// What decides which tasks run and what they see: runIf, disabled tasks, Switch, flow outputs,
// labels, variables, plugin defaults, logLevel.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runText } from './support/run-flow';

describe('runIf, disabled, Switch', () => {
  it('runIf false → SKIPPED; outputs of the other branch are used', async () => {
    const run = await runText(
      `id: conditionally_return_output
namespace: company.team
inputs:
  - id: run_task
    type: BOOLEAN
    defaults: true
tasks:
  - id: main
    type: io.kestra.plugin.core.debug.Return
    format: Hello World!
    runIf: "{{ inputs.run_task }}"
  - id: fallback
    type: io.kestra.plugin.core.debug.Return
    format: fallback output
outputs:
  - id: flow_output
    type: STRING
    value: "{{ tasks.main.state != 'SKIPPED' ? outputs.main.value : outputs.fallback.value }}"
`,
      { inputs: { run_task: 'false' } },
    );
    assert.equal(run.stateOf('main'), 'SKIPPED');
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.deepEqual(run.execution.outputs, { flow_output: 'fallback output' });
  });

  it('disabled tasks get no run; a flowable whose children are all disabled succeeds', async () => {
    const run = await runText(`id: disabled
namespace: company.team
tasks:
  - id: off
    type: io.kestra.plugin.core.log.Log
    message: off
    disabled: true
  - id: seq
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: off2
        type: io.kestra.plugin.core.log.Log
        message: off
        disabled: true
`);
    assert.equal(run.execution.state.current, 'SUCCESS');
    assert.deepEqual(
      run.execution.taskRuns.map((r) => r.taskId),
      ['seq'],
    );
  });

  it('Switch without a matching case nor defaults ends FAILED and says why', async () => {
    const run = await runText(`id: switch_nomatch
namespace: company.team
tasks:
  - id: sw
    type: io.kestra.plugin.core.flow.Switch
    value: "{{ 1 + 1 }}"
    cases:
      "3":
        - id: three
          type: io.kestra.plugin.core.log.Log
          message: three
`);
    assert.equal(run.execution.state.current, 'FAILED');
    const sw = run.endedRuns('sw')[0];
    assert.equal(sw.state, 'FAILED');
    assert.deepEqual(sw.outputs, { value: '2', defaults: true });
    assert.equal(sw.error, "No case matches the value '2' and the Switch has no `defaults`");
  });

  it('Switch takes the matching case, else defaults', async () => {
    const run = await runText(`id: switch_match
namespace: company.team
tasks:
  - id: sw
    type: io.kestra.plugin.core.flow.Switch
    value: "b"
    cases:
      a:
        - id: in_a
          type: io.kestra.plugin.core.log.Log
          message: a
      b:
        - id: in_b
          type: io.kestra.plugin.core.log.Log
          message: b
    defaults:
      - id: in_default
        type: io.kestra.plugin.core.log.Log
        message: d
`);
    assert.deepEqual(
      run.execution.taskRuns.map((r) => r.taskId),
      ['sw', 'in_b'],
    );
    assert.deepEqual(run.endedRuns('sw')[0].outputs, { value: 'b', defaults: false });
  });
});

describe('flow outputs, labels, variables, plugin defaults', () => {
  it('renders and types flow outputs', async () => {
    const run = await runText(`id: outputs
namespace: company.team
tasks:
  - id: ret
    type: io.kestra.plugin.core.debug.Return
    format: "42"
outputs:
  - id: number
    type: INT
    value: "{{ outputs.ret.value }}"
  - id: text
    type: STRING
    value: "v={{ outputs.ret.value }}"
`);
    assert.deepEqual(run.execution.outputs, { number: 42, text: 'v=42' });
    const end = run.events.at(-1);
    assert.deepEqual(end?.event === 'execution.ended' && end.flowOutputs, { number: 42, text: 'v=42' });
  });

  it('an output that does not convert fails the execution', async () => {
    const run = await runText(`id: outputs_failed
namespace: company.team
tasks:
  - id: ret
    type: io.kestra.plugin.core.debug.Return
    format: "abc"
outputs:
  - id: number
    type: INT
    value: "{{ outputs.ret.value }}"
`);
    assert.equal(run.execution.state.current, 'FAILED');
    assert.deepEqual(run.logs(), [
      'abc',
      'Failed to render output values: number: Invalid output for `number`, For input string: "abc", but received `abc`',
    ]);
  });

  it('labels and variables (not rendered) are in scope; Labels task merges labels', async () => {
    const run = await runText(`id: labels_vars
namespace: company.team
labels:
  team: data
variables:
  greeting: "Hello {{ flow.id }}"
tasks:
  - id: set
    type: io.kestra.plugin.core.execution.Labels
    labels:
      stage: "{{ labels.team }}-2"
  - id: show
    type: io.kestra.plugin.core.log.Log
    message: "{{ vars.greeting }} / {{ labels.stage }} / {{ render(vars.greeting) }}"
`);
    assert.deepEqual(run.logs('show'), ['Hello {{ flow.id }} / data-2 / Hello labels_vars']);
    assert.deepEqual(
      run.execution.labels.filter((l) => !l.key.startsWith('system.')),
      [
        { key: 'team', value: 'data' },
        { key: 'stage', value: 'data-2' },
      ],
    );
  });

  it('plugin defaults fill missing properties; forced ones override', async () => {
    const run = await runText(`id: defaults
namespace: company.team
pluginDefaults:
  - type: io.kestra.plugin.core.log
    values:
      message: from default
      level: WARN
  - type: io.kestra.plugin.core.debug.Return
    forced: true
    values:
      format: forced
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
  - id: own
    type: io.kestra.plugin.core.log.Log
    message: own
  - id: ret
    type: io.kestra.plugin.core.debug.Return
    format: mine
`);
    assert.deepEqual(
      run.events.flatMap((e) => (e.event === 'log' && e.taskId !== 'ret' ? [`${e.level} ${e.message}`] : [])),
      ['WARN from default', 'WARN own'],
    );
    assert.deepEqual(run.endedRuns('ret')[0].outputs, { value: 'forced' });
  });

  it('logLevel drops lower levels', async () => {
    const run = await runText(`id: log_level
namespace: company.team
tasks:
  - id: ret
    type: io.kestra.plugin.core.debug.Return
    format: debug line
    logLevel: INFO
  - id: warn
    type: io.kestra.plugin.core.log.Log
    message: kept
    level: WARN
    logLevel: INFO
`);
    assert.deepEqual(run.logs(), ['kept']);
  });
});
