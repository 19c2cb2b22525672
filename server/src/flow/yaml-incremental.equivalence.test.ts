import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCollection, isNode, isPair, parseAllDocuments, type Document } from 'yaml';
import { parseFlowDocument } from './flow-document';
import { reparseEditedItem, YAML_OPTIONS } from './yaml-incremental';

const FLOW = `id: hello
namespace: company.team

tasks:
  - id: first
    type: io.kestra.plugin.core.log.Log
    message: "Hello {{ inputs.user }}"

  - id: second
    type: io.kestra.plugin.core.flow.If
    condition: "{{ true }}"
    then:
      - id: inner
        type: io.kestra.plugin.core.log.Log
        message: |
          line one
          line two
  - id: third
    type: io.kestra.plugin.core.log.Log
    message: bye
triggers:
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "@daily"
`;

function parse(text: string): Document.Parsed {
  const documents = parseAllDocuments(text, YAML_OPTIONS);
  assert.ok(Array.isArray(documents) && documents.length === 1);
  return documents[0];
}

/**
 * Every node as [class, range, value-or-source, spaceBefore, commentBefore, own keys with a value,
 * schema], in document order.
 */
function shape(node: unknown, out: unknown[] = []): unknown[] {
  if (isPair(node)) {
    shape(node.key, out);
    shape(node.value, out);
  } else if (isNode(node)) {
    const record = node as unknown as Record<string, unknown>;
    out.push([
      node.constructor.name,
      node.range,
      record.source ?? record.value ?? null,
      node.spaceBefore,
      node.commentBefore,
      Object.keys(node)
        .filter((key) => record[key] !== undefined)
        .sort()
        .join(),
      isCollection(node) ? [Object.keys(node).includes('schema'), node.schema !== undefined] : null,
    ]);
    if (isCollection(node)) for (const item of node.items) shape(item, out);
  }
  return out;
}

function edit(text: string, find: string, replace: string): string {
  assert.ok(text.includes(find), find);
  return text.replace(find, replace);
}

describe('re-parsing only the edited list item', () => {
  const previous = parse(FLOW);

  for (const [name, find, replace] of [
    ['a value in the middle of a task', 'message: bye', 'message: good bye'],
    ['a line of a block scalar', 'line one', 'line 1'],
    ['a new key in a task', '    message: bye\n', '    message: bye\n    level: WARN\n'],
    ['a child task added', '          line two\n', '          line two\n      - id: more\n        type: x\n'],
    ['the first task', 'id: first', 'id: premier'],
    ['the last item of the last list', 'cron: "@daily"', 'cron: "@hourly"'],
  ] as const) {
    it(`gives exactly the full parse after editing ${name}`, () => {
      const text = edit(FLOW, find, replace);
      const incremental = reparseEditedItem(previous, FLOW, text);
      assert.ok(incremental, 'the edit is re-parsed alone');
      const full = parse(text);
      assert.deepEqual(shape(incremental.contents), shape(full.contents));
      assert.deepEqual(incremental.toJS(), full.toJS());
      assert.deepEqual(incremental.range, full.range);
    });
  }

  it('leaves the previous document as it was', () => {
    const before = shape(previous.contents);
    reparseEditedItem(previous, FLOW, edit(FLOW, 'message: bye', 'message: a much longer goodbye'));
    assert.deepEqual(shape(previous.contents), before);
  });

  for (const [name, find, replace] of [
    ['a comment', 'message: bye', 'message: bye # note'],
    ['an alias', 'message: bye', 'message: *other'],
    ['what could be an alias', 'cron: "@daily"', 'cron: "0 9 * * *"'],
    ['an unclosed quote', 'message: bye', 'message: "bye'],
    ['a new item at the list level', '    message: bye\n', '    message: bye\n  - id: fourth\n'],
    ['a top-level key', 'namespace: company.team', 'namespace: company.other'],
    ['the dash of an item', '  - id: third', '  -  id: third'],
    ['a blank line after the item', '    message: bye\n', '    message: bye\n\n'],
  ] as const) {
    it(`parses the whole text again for ${name}`, () => {
      assert.equal(reparseEditedItem(previous, FLOW, edit(FLOW, find, replace)), undefined);
    });
  }

  it('is used by parseFlowDocument, with the same model and expressions as a full parse', () => {
    const first = parseFlowDocument(FLOW);
    const text = edit(FLOW, 'message: bye', 'message: "bye {{ flow.id }}"');
    const incremental = parseFlowDocument(text, first);
    const full = parseFlowDocument(text);
    const summary = (doc: ReturnType<typeof parseFlowDocument>) => ({
      tasks: doc.model?.allTasks.map((t) => [t.id?.value, t.range, t.depth, t.order]),
      expressions: doc.expressions.map((s) => [s.value, s.range, s.path, s.offsets.length]),
      diagnostics: doc.diagnostics,
    });
    assert.deepEqual(summary(incremental), summary(full));
    // Tasks before the edited one are shared with the previous parse; the edited one is new.
    const [firstBefore, , , thirdBefore] = first.model!.allTasks;
    const [firstAfter, , , thirdAfter] = incremental.model!.allTasks;
    assert.equal(firstAfter.node, firstBefore.node);
    assert.notEqual(thirdAfter.node, thirdBefore.node);
    // So is the model of a task before the edit, which is not built again.
    assert.equal(firstAfter, firstBefore);
    assert.notEqual(thirdAfter, thirdBefore);
  });

  it('gives the full parse for edits anywhere in a long flow (texts compared chunk by chunk)', () => {
    const tasks = Array.from(
      { length: 120 },
      (_, i) =>
        `  - id: task_${i}\n    type: io.kestra.plugin.core.log.Log\n    message: "step {{ task.id }} ${i}"\n`,
    );
    const long = `id: long\nnamespace: company.team\ntasks:\n${tasks.join('')}`;
    let current = parseFlowDocument(long);
    let text = long;
    // Inserting, replacing and deleting characters at offsets before, on and after chunk boundaries.
    for (const offset of [0, 470, 490, 500, 1024, 4000, 6100, long.length - 60]) {
      // The last character inside the quotes of the first message at or after `offset`.
      const at = text.indexOf('"\n', text.indexOf('message: "', offset)) - 1;
      for (const next of [
        text.slice(0, at) + 'x' + text.slice(at),
        text.slice(0, at) + 'y' + text.slice(at + 1),
        text.slice(0, at) + text.slice(at + 1),
      ]) {
        const incremental = parseFlowDocument(next, current);
        const full = parseFlowDocument(next);
        assert.deepEqual(shape(incremental.document?.contents), shape(full.document?.contents), `at ${at}`);
        assert.deepEqual(
          incremental.model?.allTasks.map((t) => [t.id?.value, t.range, t.type?.range]),
          full.model?.allTasks.map((t) => [t.id?.value, t.range, t.type?.range]),
        );
        assert.deepEqual(incremental.diagnostics, full.diagnostics);
        // Re-parsed alone (not the whole text): the tasks before the edited one are shared.
        const firstTask = current.model!.allTasks[0];
        if (at > firstTask.node.range![2]) assert.equal(incremental.model!.allTasks[0], firstTask);
        current = incremental;
        text = next;
      }
    }
  });
});
