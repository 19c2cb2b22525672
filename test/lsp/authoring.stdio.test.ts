// Authoring features through the real server process over stdio, on the HTTP guide's flows.
// A `‸` in a fixture marks the cursor (flows hold `|` of their own).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CompletionItem,
  CompletionList,
  DocumentSymbol,
  Hover,
  Location,
  Position,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { LspClient } from './lsp-client';

const GET = readFileSync(resolve(__dirname, '../fixtures/seed/get.yaml'), 'utf8');
const POST = readFileSync(resolve(__dirname, '../fixtures/seed/post.yaml'), 'utf8');

function positionOf(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const CURSOR = '‸';

/** Splits a fixture with one cursor marker into text and position. */
function fixture(source: string): { text: string; position: Position } {
  const offset = source.indexOf(CURSOR);
  return { text: source.slice(0, offset) + source.slice(offset + 1), position: positionOf(source, offset) };
}

function labels(result: CompletionList | CompletionItem[] | null): string[] {
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

describe('authoring over stdio', () => {
  let client: LspClient;
  let counter = 0;

  before(async () => {
    client = LspClient.start('stdio');
    await client.initialize();
  });
  after(async () => {
    await client.stop();
  });

  async function openFixture(source: string): Promise<{ uri: string; position: Position }> {
    const { text, position } = fixture(source);
    const uri = `file:///work/authoring-${++counter}.yaml`;
    const diagnostics = client.nextDiagnostics(uri);
    await client.open(uri, text);
    await diagnostics;
    return { uri, position };
  }

  async function complete(source: string): Promise<string[]> {
    const { uri, position } = await openFixture(source);
    const result = await client.connection.sendRequest<CompletionList | CompletionItem[] | null>(
      'textDocument/completion',
      { textDocument: { uri }, position },
    );
    return labels(result);
  }

  it('offers the Request type after `type: `', async () => {
    const source = GET.replace('type: io.kestra.plugin.core.http.Request', `type: ${CURSOR}`);
    assert.ok((await complete(source)).includes('io.kestra.plugin.core.http.Request'));
  });

  it("offers the Request task's own properties only, for a new key", async () => {
    const source = GET.replace('    method: GET\n', `    method: GET\n    ${CURSOR}\n`);
    const offered = await complete(source);
    for (const key of ['body', 'headers', 'options', 'allowFailed']) assert.ok(offered.includes(key), key);
    for (const present of ['uri', 'method', 'contentType', 'id', 'type']) {
      assert.ok(!offered.includes(present), `${present} is already present`);
    }
    assert.ok(!offered.includes('message'), 'message belongs to Log, not Request');
  });

  it('completes `{{ outputs.` with the tasks that ran before, and `{{ outputs.send_data.` with its outputs', async () => {
    const tasks = await complete(GET.replace('{{ outputs.send_data.body }}', `{{ outputs.${CURSOR} }}`));
    assert.ok(tasks.includes('send_data'));
    assert.ok(!tasks.includes('print_status'), 'the current task cannot be read');
    const outputs = await complete(
      GET.replace('{{ outputs.send_data.body }}', `{{ outputs.send_data.${CURSOR} }}`),
    );
    for (const name of ['body', 'code', 'headers', 'uri']) assert.ok(outputs.includes(name), name);
  });

  it('completes `{{ inputs.` with the declared inputs', async () => {
    const offered = await complete(POST.replace('{{ inputs.payload }}', `{{ inputs.${CURSOR} }}`));
    assert.deepEqual(offered, ['payload']);
  });

  it('flags a misspelled input and offers the fix', async () => {
    const text = POST.replace('{{ inputs.payload }}', '{{ inputs.paylod }}');
    const uri = `file:///work/authoring-${++counter}.yaml`;
    const published = client.nextDiagnostics(uri);
    await client.open(uri, text);
    const { diagnostics } = await published;
    const offset = text.indexOf('paylod');
    const range = { start: positionOf(text, offset), end: positionOf(text, offset + 'paylod'.length) };
    const found = diagnostics.filter((d) => d.code === 'unknown-input');
    assert.deepEqual(
      found.map((d) => [d.range, d.severity]),
      [[range, 1]],
    );
    const actions = await client.connection.sendRequest<{ title: string; edit?: WorkspaceEdit }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range, context: { diagnostics: found } },
    );
    assert.deepEqual(
      actions.map((a) => [a.title, a.edit?.changes?.[uri]?.map((e) => e.newText)]),
      [['Change to `payload`', ['payload']]],
    );
  });

  it('goes from `send_data` in an expression to the task id, and renames every use', async () => {
    const offset = GET.indexOf('outputs.send_data') + 'outputs.se'.length;
    const { uri } = await openFixture(GET.slice(0, offset) + CURSOR + GET.slice(offset));
    const position = positionOf(GET, offset);
    const definition = await client.connection.sendRequest<Location[] | Location | null>(
      'textDocument/definition',
      { textDocument: { uri }, position },
    );
    const idOffset = GET.indexOf('id: send_data') + 4;
    const locations = Array.isArray(definition) ? definition : definition ? [definition] : [];
    assert.deepEqual(
      locations.map((l) => l.range),
      [{ start: positionOf(GET, idOffset), end: positionOf(GET, idOffset + 'send_data'.length) }],
    );

    const edit = await client.connection.sendRequest<WorkspaceEdit>('textDocument/rename', {
      textDocument: { uri },
      position,
      newName: 'fetch_products',
    });
    const edits = edit.changes?.[uri] ?? [];
    assert.equal(edits.length, 2);
    assert.ok(edits.every((e) => e.newText === 'fetch_products'));
  });

  it('refuses a rename that breaks the task id pattern', async () => {
    const offset = GET.indexOf('id: send_data') + 5;
    const { uri } = await openFixture(GET.slice(0, offset) + CURSOR + GET.slice(offset));
    await assert.rejects(
      client.connection.sendRequest('textDocument/rename', {
        textDocument: { uri },
        position: positionOf(GET, offset),
        newName: 'has.dot',
      }),
      /has\.dot/,
    );
  });

  it('describes the task type on hover and lists the tasks as symbols', async () => {
    const offset = POST.indexOf('io.kestra.plugin.core.http.Request') + 5;
    const { uri } = await openFixture(POST.slice(0, offset) + CURSOR + POST.slice(offset));
    const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: positionOf(POST, offset),
    });
    const markdown =
      hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(markdown, /io\.kestra\.plugin\.core\.http\.Request/);
    assert.match(markdown, /\bbody\b/);

    const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri },
    });
    const flatten = (list: DocumentSymbol[]): string[] =>
      list.flatMap((s) => [s.name, ...flatten(s.children ?? [])]);
    assert.deepEqual(flatten(symbols), [
      'http_post_request_example',
      'inputs',
      'payload',
      'tasks',
      'send_data',
      'print_status',
    ]);
  });
});
