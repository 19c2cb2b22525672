import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind, type CompletionItem, type TextEdit } from 'vscode-languageserver-types';
import { PluginCatalog } from '../../flow/catalog';
import type { Range } from '../../flow/range';
import { fakeRegistry } from '../expressions/fake-registry';
import { cursor } from '../test-support/cursor';
import { completeExpression, expressionContextAt } from './expression';

const catalog = PluginCatalog.bundled();

interface Completed {
  items: CompletionItem[];
  /** The empty range at the cursor, and the range of `word` when given. */
  at: Range;
}

/** Completion at `¦`, with the small test registry (exact lists of filters, functions, tests). */
function complete(source: string): Completed {
  const fixture = cursor(source, '¦');
  const context = expressionContextAt(fixture.doc, fixture.offset);
  assert.ok(context, 'the cursor is inside an expression');
  return {
    items: completeExpression(fixture.doc, catalog, context, fakeRegistry()),
    at: { start: fixture.position, end: fixture.position },
  };
}

function labels(items: CompletionItem[], kind?: CompletionItemKind): string[] {
  return [...items]
    .filter((i) => kind === undefined || i.kind === kind)
    .sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label))
    .map((i) => i.label);
}

function edit(items: CompletionItem[], label: string): TextEdit {
  const item = items.find((i) => i.label === label);
  assert.ok(item, `${label} is offered`);
  return item.textEdit as TextEdit;
}

const FLOW = `id: demo
namespace: company.team
inputs:
  - id: payload
    type: JSON
    description: What to send.
  - id: user.name
    type: STRING
    required: false
variables:
  greeting: hello
  db:
    host: localhost
    port: 5432
tasks:
  - id: send_data
    type: io.kestra.plugin.core.http.Request
    uri: https://example.com
  - id: branch
    type: io.kestra.plugin.core.flow.If
    condition: "{{ outputs.send_data.code == 200 }}"
    then:
      - id: in_then
        type: io.kestra.plugin.core.log.Log
        message: "CURSOR"
  - id: later
    type: io.kestra.plugin.core.debug.Return
    format: x
`;

const at = (expression: string) => FLOW.replace('CURSOR', expression);

describe('expression completion: roots, locals and functions', () => {
  it('offers the roots that exist in a nested task, then the functions with signature snippets', () => {
    for (const source of [at('{{ ¦'), at('{{¦'), at('{{ ¦ }}')]) {
      const { items } = complete(source);
      assert.deepEqual(labels(items, CompletionItemKind.Variable), [
        'inputs',
        'outputs',
        'vars',
        'flow',
        'execution',
        'task',
        'taskrun',
        'parent',
        'parents',
        'trigger',
        'labels',
        'tasks',
        'envs',
        'globals',
      ]);
      assert.deepEqual(labels(items, CompletionItemKind.Function), ['max', 'now', 'range', 'uuid']);
    }
    const { items, at: cursorRange } = complete(at('{{ ¦'));
    assert.deepEqual(edit(items, 'range'), { range: cursorRange, newText: 'range(${1:start}, ${2:end})' });
    assert.equal(edit(items, 'now').newText, 'now($1)');
    assert.equal(edit(items, 'uuid').newText, 'uuid()');
  });

  it('replaces the whole word under the cursor', () => {
    const { items, at: cursorRange } = complete(at('{{ outp¦uts.send_data }}'));
    const range = edit(items, 'outputs').range;
    assert.deepEqual(range, {
      start: { line: cursorRange.start.line, character: cursorRange.start.character - 4 },
      end: { line: cursorRange.start.line, character: cursorRange.start.character + 3 },
    });
  });

  it('no task, taskrun or parents in flow outputs; no outputs in triggers', () => {
    const outputs = complete(`${FLOW}outputs:\n  - id: o\n    type: STRING\n    value: "{{ ¦ }}"\n`);
    assert.deepEqual(labels(outputs.items, CompletionItemKind.Variable), [
      'inputs',
      'outputs',
      'vars',
      'flow',
      'execution',
      'trigger',
      'labels',
      'tasks',
      'envs',
      'globals',
    ]);
    const trigger = complete(
      `${FLOW}triggers:\n  - id: t\n    type: io.kestra.plugin.core.trigger.Schedule\n    cron: "0 * * * *"\n    inputs:\n      payload: "{{ ¦ }}"\n`,
    );
    assert.deepEqual(labels(trigger.items, CompletionItemKind.Variable), [
      'inputs',
      'vars',
      'flow',
      'execution',
      'trigger',
      'labels',
      'envs',
      'globals',
    ]);
  });

  it('loop variables and `loop` inside {% for %}, set names after {% set %}, only parameters in a macro', () => {
    const loop = complete(at('{% for item in inputs.payload %}{% set total = 1 %}{{ ¦'));
    assert.deepEqual(labels(loop.items).slice(0, 4), ['item', 'loop', 'total', 'inputs']);
    const header = complete(at('{% for item in ¦'));
    assert.ok(!labels(header.items).includes('item'));
    const macro = complete(at('{% macro show(name, size=1) %}{{ ¦'));
    assert.deepEqual(labels(macro.items, CompletionItemKind.Variable), ['name', 'size']);
    assert.deepEqual(labels(complete(at('{% macro show(name) %}{% endmacro %}{{ ¦')).items).slice(14, 15), [
      'show',
    ]);
  });
});

describe('expression completion: members', () => {
  it('inputs. offers the declared inputs with their type and description; dots nest ids', () => {
    const { items } = complete(at('{{ inputs.¦ }}'));
    assert.deepEqual(labels(items), ['payload', 'user.name']);
    const payload = items.find((i) => i.label === 'payload');
    assert.equal(payload?.detail, 'JSON');
    assert.deepEqual(payload?.documentation, {
      kind: 'markdown',
      value: 'Input of type `JSON`.\n\nWhat to send.',
    });
    assert.deepEqual(labels(complete(at('{{ inputs.user.¦ }}')).items), ['name']);
  });

  it('outputs. offers the tasks that ran before, nearest first, never the current or a later one', () => {
    assert.deepEqual(labels(complete(at('{{ outputs.¦ }}')).items), ['branch', 'send_data']);
    const { items } = complete(at('{{ outputs.¦ }}'));
    assert.equal(items.find((i) => i.label === 'send_data')?.detail, 'io.kestra.plugin.core.http.Request');
  });

  it('outputs.<id>. offers the outputs of its type; the If sees its own evaluationResult', () => {
    assert.deepEqual(labels(complete(at('{{ outputs.send_data.¦ }}')).items), [
      'uri',
      'code',
      'headers',
      'body',
      'encryptedBody',
      'formData',
    ]);
    assert.deepEqual(labels(complete(at('{{ outputs.branch.¦ }}')).items), ['evaluationResult']);
    assert.deepEqual(labels(complete(at('{{ tasks.send_data.¦ }}')).items), ['state']);
  });

  it('vars. offers the variables, and the keys of a nested map', () => {
    assert.deepEqual(labels(complete(at('{{ vars.¦ }}')).items), ['greeting', 'db']);
    assert.deepEqual(labels(complete(at('{{ vars.db.¦ }}')).items), ['host', 'port']);
  });

  it('flow., execution., task., taskrun. fields; parent.taskrun.', () => {
    assert.deepEqual(labels(complete(at('{{ flow.¦ }}')).items), ['id', 'namespace', 'revision', 'tenantId']);
    assert.deepEqual(labels(complete(at('{{ execution.¦ }}')).items), ['id', 'startDate', 'originalId']);
    assert.deepEqual(labels(complete(at('{{ task.¦ }}')).items), ['id', 'type']);
    assert.deepEqual(labels(complete(at('{{ taskrun.¦ }}')).items), [
      'id',
      'startDate',
      'attemptsCount',
      'parentId',
    ]);
    assert.deepEqual(labels(complete(at('{{ parent.taskrun.¦ }}')).items), ['value']);
  });

  it('loop. fields inside a for body', () => {
    assert.deepEqual(labels(complete(at('{% for x in [1] %}{{ loop.¦ }}{% endfor %}')).items), [
      'index',
      'revindex',
      'first',
      'last',
      'length',
    ]);
  });

  it('trigger. offers the variables of the declared trigger types', () => {
    const flow = `${at('{{ trigger.¦ }}')}triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 9 * * *"
  - id: hook
    type: io.kestra.plugin.core.trigger.Webhook
    key: abc
`;
    assert.deepEqual(labels(complete(flow).items), [
      'date',
      'next',
      'previous',
      'body',
      'headers',
      'parameters',
    ]);
  });

  it('inside the quotes of outputs[…]: the task ids as they are', () => {
    const { items, at: cursorRange } = complete(at("{{ outputs['s¦"));
    assert.deepEqual(labels(items), ['branch', 'send_data']);
    assert.deepEqual(edit(items, 'send_data'), {
      range: {
        start: { ...cursorRange.start, character: cursorRange.start.character - 1 },
        end: cursorRange.end,
      },
      newText: 'send_data',
    });
  });
});

const LOOP_FLOW = `id: loop
namespace: company.team
tasks:
  - id: each
    type: io.kestra.plugin.core.flow.ForEach
    values: ["a", "b"]
    tasks:
      - id: ret
        type: io.kestra.plugin.core.debug.Return
        format: "{{ taskrun.value }}"
      - id: use
        type: io.kestra.plugin.core.log.Log
        message: "CURSOR"
  - id: wait
    type: io.kestra.plugin.core.flow.WaitFor
    condition: "{{ outputs.check.value == 'ok' }}"
    tasks:
      - id: check
        type: io.kestra.plugin.core.debug.Return
        format: "WAIT"
`;

describe('expression completion: iterations', () => {
  it('taskrun.value in a ForEach child, taskrun.iteration inside WaitFor', () => {
    const inLoop = complete(LOOP_FLOW.replace('CURSOR', '{{ taskrun.¦ }}'));
    assert.deepEqual(labels(inLoop.items), ['id', 'startDate', 'attemptsCount', 'parentId', 'value']);
    const inWait = complete(LOOP_FLOW.replace('WAIT', '{{ taskrun.¦ }}'));
    assert.deepEqual(labels(inWait.items), ['id', 'startDate', 'attemptsCount', 'parentId', 'iteration']);
  });

  it('outputs of a ForEach child are keyed by value: the items say so and replace the dot', () => {
    const { items, at: cursorRange } = complete(LOOP_FLOW.replace('CURSOR', '{{ outputs.ret.¦ }}'));
    assert.deepEqual(labels(items), ['[taskrun.value]', "['value']"]);
    const dot = { ...cursorRange.start, character: cursorRange.start.character - 1 };
    assert.deepEqual(edit(items, '[taskrun.value]'), {
      range: { start: dot, end: cursorRange.end },
      newText: '[taskrun.value]',
    });
    assert.equal(edit(items, "['value']").newText, "['${1:value}']");
    assert.match(String((items[0].documentation as { value: string }).value), /keyed by iteration value/);
    assert.deepEqual(
      labels(complete(LOOP_FLOW.replace('CURSOR', '{{ outputs.ret[taskrun.value].¦ }}')).items),
      ['value'],
    );
  });

  it('WaitFor condition sees its body (and what ran before the WaitFor)', () => {
    const source = LOOP_FLOW.replace("{{ outputs.check.value == 'ok' }}", '{{ outputs.¦ }}');
    assert.deepEqual(labels(complete(source).items), ['check', 'use', 'ret', 'each']);
  });
});

describe('expression completion: filters, tests, tags, scalars', () => {
  it('after | the filters, with snippet arguments for the required ones', () => {
    const { items, at: cursorRange } = complete(at('{{ inputs.payload | ¦ }}'));
    assert.deepEqual(labels(items), ['chunk', 'date', 'default', 'upper']);
    assert.deepEqual(edit(items, 'chunk'), { range: cursorRange, newText: 'chunk(${1:size})' });
    assert.equal(edit(items, 'date').newText, 'date');
    assert.deepEqual(labels(complete(at('{{ inputs.payload | up¦')).items), [
      'chunk',
      'date',
      'default',
      'upper',
    ]);
  });

  it('after is / is not the tests', () => {
    assert.deepEqual(labels(complete(at('{{ inputs.payload is ¦ }}')).items), ['defined', 'empty']);
    assert.deepEqual(labels(complete(at('{% if inputs.payload is not ¦ %}')).items), ['defined', 'empty']);
  });

  it('after {% the tags, the ones of the open block first', () => {
    assert.deepEqual(labels(complete(at('{% ¦ %}')).items), [
      'if',
      'for',
      'set',
      'raw',
      'verbatim',
      'macro',
      'filter',
      'block',
    ]);
    const inFor = complete(at('{% for x in [1] %}{{ x }}{%- ¦'));
    assert.deepEqual(labels(inFor.items).slice(0, 3), ['else', 'endfor', 'if']);
    assert.equal(edit(inFor.items, 'for').newText, 'for ${1:item} in ${2:items}');
  });

  it('inside a block scalar, on its third line, with the exact range', () => {
    const source = FLOW.replace(
      '        message: "CURSOR"\n',
      '        message: |\n          Status report\n          {{ inputs.payload }}\n          {{ outputs.send_data.b¦ }}\n',
    );
    const { items, at: cursorRange } = complete(source);
    assert.deepEqual(edit(items, 'body'), {
      range: {
        start: { ...cursorRange.start, character: cursorRange.start.character - 1 },
        end: cursorRange.end,
      },
      newText: 'body',
    });
  });

  it('a task id that is not an identifier becomes a bracket with the quote the YAML string allows', () => {
    const single = `id: q
namespace: company.team
tasks:
  - id: get-data
    type: io.kestra.plugin.core.http.Request
    uri: https://example.com
  - id: show
    type: io.kestra.plugin.core.log.Log
    message: '{{ outputs.¦ }}'
`;
    const { items, at: cursorRange } = complete(single);
    const dot = { ...cursorRange.start, character: cursorRange.start.character - 1 };
    assert.deepEqual(edit(items, 'get-data'), {
      range: { start: dot, end: cursorRange.end },
      newText: '["get-data"]',
    });
    assert.equal(items[0].filterText, '.get-data');
    const plain = complete(single.replace("'{{ outputs.¦ }}'", '"{{ outputs.¦ }}"'));
    assert.equal(edit(plain.items, 'get-data').newText, "['get-data']");
  });
});
