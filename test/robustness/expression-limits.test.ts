// The Pebble evaluator against templates built to hang it, exhaust its memory or overflow its stack:
// each stops with a PebbleError naming the limit (kind `limit`, or `syntax` for what the parser
// refuses), through renderTemplate and through `kestra-flow render`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PebbleError } from '../../server/src/expr/errors';
import { parseTemplate } from '../../server/src/expr/parser';
import { renderTemplate } from '../../server/src/expr/render';
import { CHAIN_CASES, type LimitCase, RUNTIME_CASES, SYNTAX_CASES } from './expression-cases';
import { isFault, ServerHarness } from './server-harness';

const CLI = resolve(__dirname, '../../dist/cli.js');
/** A case that hangs fails here instead of hanging the suite. */
const TIMEOUT = { timeout: 60_000 };

function renderError(test: LimitCase): PebbleError {
  try {
    renderTemplate(test.template, test.variables ?? {}, { recursiveRendering: test.recursiveRendering });
  } catch (error) {
    assert.ok(error instanceof PebbleError, `not a PebbleError: ${String(error)}`);
    return error;
  }
  assert.fail('the render was expected to stop');
}

/** Syntax messages carry Kestra's ` (template:line)` suffix: compare the part before it. */
function headline(test: LimitCase, message: string): string {
  return test.kind === 'syntax' ? message.slice(0, message.indexOf(' (')) : message;
}

describe('expression limits through renderTemplate', () => {
  for (const test of [...RUNTIME_CASES, ...SYNTAX_CASES, ...CHAIN_CASES]) {
    it(`stops ${test.name}`, TIMEOUT, () => {
      const error = renderError(test);
      assert.equal(error.kind, test.kind);
      assert.equal(headline(test, error.message), test.message);
    });
  }

  it('reports one nesting error, not an echo for every level', () => {
    for (const test of SYNTAX_CASES) {
      const { errors } = parseTemplate(test.template);
      assert.deepEqual(
        errors.map((e) => e.message),
        [test.message],
        test.name,
      );
    }
  });

  it('still renders after a limit stopped a render', () => {
    renderError(RUNTIME_CASES[0]);
    assert.equal(renderTemplate('{{ a ~ "b" }}', { a: 'a' }), 'ab');
  });
});

describe('expression limits through `kestra-flow render`', () => {
  // Command lines are short: the chains (hundreds of KB) stay in the in-process tests.
  // The CLI renders as Kestra does by default, without recursive rendering.
  const cases = [...RUNTIME_CASES, ...SYNTAX_CASES.slice(0, 2), SYNTAX_CASES[SYNTAX_CASES.length - 1]];
  for (const test of cases.filter((c) => !c.recursiveRendering)) {
    it(`stops ${test.name} with exit 1 and one line on stderr`, TIMEOUT, () => {
      assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` first`);
      const args = [CLI, 'render', '--vars', JSON.stringify(test.variables ?? {}), '--', test.template];
      const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 50_000 });
      assert.equal(result.signal, null, 'the CLI was killed: it did not finish');
      assert.equal(result.status, 1);
      assert.equal(result.stdout, '');
      const prefix = 'kestra-flow render: ';
      assert.ok(result.stderr.startsWith(prefix), result.stderr.slice(0, 200));
      assert.ok(result.stderr.endsWith('\n'));
      assert.equal(result.stderr.trimEnd().split('\n').length, 1, 'one line, no stack trace');
      assert.equal(headline(test, result.stderr.slice(prefix.length).trimEnd()), test.message);
    });
  }
});

describe('expression limits in the language server (stdio)', () => {
  // Every template of the cases as the message of one task (the variables cases need no variables to
  // be analysed); the server analyses expressions without rendering them.
  const cases = [...RUNTIME_CASES, ...SYNTAX_CASES, ...CHAIN_CASES];
  const lines = ['id: limits', 'namespace: company.team', 'tasks:'];
  const messageLine = (index: number) => 3 + index * 3 + 2;
  cases.forEach((test, index) =>
    lines.push(
      `  - id: t${index}`,
      '    type: io.kestra.plugin.core.log.Log',
      `    message: ${JSON.stringify(test.template)}`,
    ),
  );
  const text = lines.join('\n') + '\n';
  const uri = 'file:///robustness/expression-limits.yaml';
  let server: ServerHarness;

  before(async () => {
    server = await ServerHarness.start();
  });
  after(async () => {
    await server.stop();
  });

  it('reports each refused nesting once, on its line, and nothing for the rest', TIMEOUT, async () => {
    await server.client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text },
    });
    const published = await server.diagnostics(uri, 1, 30_000);
    assert.ok(published, 'no diagnostics');
    const expected = cases.flatMap((test, index) =>
      test.kind === 'syntax'
        ? [{ line: messageLine(index), code: 'expression-syntax', message: test.message }]
        : [],
    );
    assert.deepEqual(
      published.diagnostics.map((d) => ({ line: d.range.start.line, code: d.code, message: d.message })),
      expected,
    );
  });

  it('answers completion and hover inside every such expression', TIMEOUT, async () => {
    for (const [index, test] of cases.entries()) {
      const line = messageLine(index);
      const width = lines[line].length;
      for (const character of [16, 40, Math.floor(width / 2), width - 4]) {
        const position = { line, character };
        for (const method of ['textDocument/completion', 'textDocument/hover']) {
          const answer = await server.request(
            method,
            { textDocument: { uri }, position },
            { giveUpMs: 30_000 },
          );
          assert.ok(!isFault(answer), `${test.name}: ${method} at ${character}: ${answer.error?.message}`);
        }
      }
    }
    assert.deepEqual(server.loggedFailures, []);
    assert.ok(server.alive);
  });
});
