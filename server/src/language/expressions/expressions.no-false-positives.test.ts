import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PluginCatalog } from '../../flow/catalog';
import { parseFlowDocument } from '../../flow/flow-document';
import { expressionDiagnostics } from './diagnostics';

const catalog = PluginCatalog.bundled();

/** The codes found in `text` (empty when the dynamic forms are left alone, as they should be). */
function codes(text: string): string[] {
  return expressionDiagnostics(parseFlowDocument(text), catalog).map(
    (d) => `${d.code}@${d.range.start.line}`,
  );
}

const HEAD = `id: demo
namespace: company.team
inputs:
  - id: items
    type: JSON
`;

function withTasks(tasks: string, extra = ''): string {
  return `${HEAD}tasks:\n${tasks}${extra}`;
}

const log = (id: string, message: string) =>
  `  - id: ${id}\n    type: io.kestra.plugin.core.log.Log\n    message: "${message}"\n`;

describe('expression diagnostics stay silent on dynamic forms', () => {
  it('computed keys: outputs[task.id], outputs[inputs.items.id]', () => {
    assert.deepEqual(
      codes(withTasks(log('a', '{{ outputs[task.id] }} {{ outputs[inputs.items.id].value }}'))),
      [],
    );
  });

  it('names the template binds: loop variables, loop, set names, shadowed roots', () => {
    const message =
      "{% for outputs in inputs.items %}{{ outputs.anything }}{{ loop.index }}{% endfor %}{% set vars = {'x': 1} %}{{ vars.x }}";
    assert.deepEqual(codes(withTasks(log('a', message))), []);
  });

  it('macro parameters and macro calls', () => {
    const message = '{% macro show(inputs) %}{{ inputs.zzz }}{% endmacro %}{{ show(inputs) }}';
    assert.deepEqual(codes(withTasks(log('a', message))), []);
  });

  it('parents and parent', () => {
    const message = '{{ parent.taskrun.value }} {{ parents[0].outputs.anything }}';
    assert.deepEqual(codes(withTasks(log('a', message))), []);
  });

  it('trigger variables, whatever the trigger type', () => {
    const flow = withTasks(
      log('a', '{{ trigger.anything }} {{ trigger.body.x }}'),
      `triggers:
  - id: listen
    type: io.kestra.plugin.kafka.Trigger
    topic: "{{ trigger.whatever }} {{ outputs.upstream_task.value }}"
`,
    );
    assert.deepEqual(codes(flow), []);
  });

  it('outputs of a task whose type is outside the catalog', () => {
    const flow = withTasks(`  - id: script
    type: io.kestra.plugin.scripts.python.Script
    script: print(1)
${log('b', '{{ outputs.script.vars.total }} {{ outputs.script.exitCode }}')}`);
    assert.deepEqual(codes(flow), []);
  });

  it('{% raw %} content and strings Kestra does not render (descriptions)', () => {
    const flow = `${HEAD}description: "Use {{ outputs.nope.x }} and {{ broken"
tasks:
  - id: a
    type: io.kestra.plugin.core.log.Log
    description: "{{ inputs.nope }}"
    message: "{% raw %}{{ outputs.nope.value }}{% endraw %}"
`;
    assert.deepEqual(codes(flow), []);
  });

  it('pluginDefaults values: their context is unknown', () => {
    const flow = withTasks(
      log('a', 'hi'),
      `pluginDefaults:
  - type: io.kestra.plugin.core.log.Log
    values:
      message: "{{ inputs.nope }} {{ outputs.nope.value }} {{ vars.nope }}"
`,
    );
    assert.deepEqual(codes(flow), []);
  });

  it('ForEach keying: by literal value, by taskrun.value, through currentEachOutput', () => {
    const flow = withTasks(`  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: ret
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
      - id: use
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.ret[taskrun.value].value }} {{ currentEachOutput(outputs.ret).value }} {{ outputs.ret.a.value }}"
${log('after', "{{ outputs.ret['a'].value }} {{ outputs.ret.b }}")}`);
    assert.deepEqual(codes(flow), []);
  });

  it('guarded reads: ??, default, is defined (also guarding the same name elsewhere)', () => {
    const flow = withTasks(
      log('a', "{{ outputs.later.value ?? 'none' }} {{ inputs.optional | default('x') }}") +
        log('b', '{% if outputs.later is defined %}{{ outputs.later.value }}{% endif %}') +
        log('later', 'x'),
    );
    assert.deepEqual(codes(flow), []);
  });

  it('Subflow `outputs` (rendered in the child) and ForEachItem subtasks', () => {
    const flow = withTasks(`  - id: child
    type: io.kestra.plugin.core.flow.Subflow
    namespace: company.team
    flowId: child
    outputs:
      extracted: "{{ outputs.child_task.value }}"
  - id: items
    type: io.kestra.plugin.core.flow.ForEachItem
    items: "{{ inputs.items }}"
    namespace: company.team
    flowId: child
    inputs:
      file: "{{ taskrun.items }}"
${log('report', '{{ outputs.items_items.iterations }} {{ outputs.items_merge.subflowOutputs }}')}`);
    assert.deepEqual(codes(flow), []);
  });

  it('tasks the model does not follow (a plugin flowable with its own list key) and Template tasks', () => {
    const nested = withTasks(`  - id: custom
    type: io.kestra.plugin.ee.Custom
    steps:
      - id: inner
        type: io.kestra.plugin.core.debug.Return
        format: x
${log('b', '{{ outputs.inner.value }}')}`);
    assert.deepEqual(codes(nested), []);
    const template = withTasks(`  - id: tpl
    type: io.kestra.plugin.core.flow.Template
    namespace: company.team
    templateId: shared
${log('b', '{{ outputs.from_template.value }}')}`);
    assert.deepEqual(codes(template), []);
  });

  it('reads that are in order: errors branches, WaitFor condition, Dag dependsOn, flow outputs, variables', () => {
    const flow = `${HEAD}variables:
  summary: "{{ outputs.last.value }}"
tasks:
  - id: risky
    type: io.kestra.plugin.core.flow.Sequential
    tasks:
      - id: step
        type: io.kestra.plugin.core.debug.Return
        format: x
    errors:
      - id: report
        type: io.kestra.plugin.core.log.Log
        message: "{{ outputs.step.value }} {{ tasks.step.state }}"
  - id: wait
    type: io.kestra.plugin.core.flow.WaitFor
    condition: "{{ outputs.probe.value == 'ok' }}"
    tasks:
      - id: probe
        type: io.kestra.plugin.core.debug.Return
        format: ok
  - id: graph
    type: io.kestra.plugin.core.flow.Dag
    tasks:
      - task:
          id: one
          type: io.kestra.plugin.core.debug.Return
          format: "1"
      - task:
          id: two
          type: io.kestra.plugin.core.log.Log
          message: "{{ outputs.one.value }}"
        dependsOn: [one]
  - id: last
    type: io.kestra.plugin.core.debug.Return
    format: "{{ vars.summary }}"
outputs:
  - id: result
    type: STRING
    value: "{{ outputs.last.value }}"
`;
    assert.deepEqual(codes(flow), []);
  });

  it('Java method calls and per-item expressions the catalog marks not dynamic', () => {
    const flow = withTasks(`${log('a', '{{ inputs.items.size() }} {{ flow.id.length() }}')}  - id: filter
    type: io.kestra.plugin.core.storage.FilterItems
    from: "{{ inputs.items }}"
    filterCondition: "{{ amount > 10 }}"
`);
    assert.deepEqual(codes(flow), []);
  });
});
