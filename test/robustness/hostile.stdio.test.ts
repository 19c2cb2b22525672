// Hostile documents (hostile-documents.ts) through the real server over stdio and through
// `kestra-flow validate`: each answered, with a clear diagnostic where one applies, and the server
// still serving afterwards. Budgets: every answer within 5 s, the server under 500 MB (VmRSS).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { hostileDocuments, type HostileDocument } from './hostile-documents';
import { isFault, ServerHarness } from './server-harness';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const BUDGET_MS = 5000;
const BUDGET_MB = 500;
/** Far beyond the budgets: only a hang or a blow-up fails the behaviour tests. */
const GIVE_UP_MS = 60_000;

interface Expected {
  /** Diagnostics as `line code message-start`, or null when the text is no flow (nothing is published). */
  diagnostics: string[] | null;
  cli: { status: number; stdout?: string; stderr?: string };
}

const NOT_A_FLOW = {
  status: 2,
  stderr: 'not a Kestra flow (a flow has top-level `id`, `namespace` and `tasks`); nothing was checked',
};
const CLEAN = { status: 0, stdout: '1 flow checked: 0 errors, 0 warnings.\n' };

const EXPECTED: Record<string, Expected> = {
  'huge-5mb': { diagnostics: [], cli: CLEAN },
  'alias-bomb': {
    diagnostics: ['8 yaml-syntax This YAML cannot be read: its aliases expand to more than 100000 values'],
    cli: { status: 1, stdout: ':9:10: error yaml-syntax: This YAML cannot be read: its aliases expand' },
  },
  'nesting-200': { diagnostics: [], cli: CLEAN },
  'line-100k': { diagnostics: [], cli: CLEAN },
  'binary-garbage': { diagnostics: null, cli: NOT_A_FLOW },
  // The editor sends U+FFFD for the bad bytes: only the CLI, reading the bytes, can name them.
  'invalid-utf8': {
    diagnostics: [],
    cli: {
      status: 1,
      stdout: ':3:17: error invalid-encoding: Byte 0xE9 at line 3, column 17 is not valid UTF-8',
    },
  },
  empty: { diagnostics: null, cli: NOT_A_FLOW },
  'only-dashes': { diagnostics: null, cli: NOT_A_FLOW },
};

interface Figures {
  diagnosticsMs: number;
  slowestMs: number;
  megabytes: number;
}
const figures = new Map<string, Figures>();
const cliTimes = new Map<string, number>();

after(() => {
  for (const [name, f] of figures) {
    const cli = cliTimes.get(name);
    console.log(
      `${name}: diagnostics after ${f.diagnosticsMs.toFixed(0)} ms, slowest answer ${f.slowestMs.toFixed(0)} ms, ` +
        `server ${f.megabytes.toFixed(0)} MB resident${cli === undefined ? '' : `; validate CLI ${cli.toFixed(0)} ms`}`,
    );
  }
});

function summary(d: Diagnostic): string {
  return `${d.range.start.line} ${d.code} ${d.message}`;
}

/** Positions to query: the start, a middle line, and the end of the text. */
function positions(text: string): { line: number; character: number }[] {
  const lines = text.split(/\r\n|\r|\n/);
  const middle = Math.floor(lines.length / 2);
  const last = lines.length - 1;
  return [
    { line: 0, character: 0 },
    { line: middle, character: Math.min(lines[middle].length, 12) },
    { line: last, character: lines[last].length },
  ];
}

async function exercise(server: ServerHarness, doc: HostileDocument): Promise<Figures> {
  const uri = `file:///robustness/${doc.name}.yaml`;
  const expected = EXPECTED[doc.name];
  const opened = performance.now();
  await server.client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text: doc.text },
  });
  let diagnosticsMs = 0;
  if (expected.diagnostics) {
    const published = await server.diagnostics(uri, 1, GIVE_UP_MS);
    diagnosticsMs = performance.now() - opened;
    assert.ok(published, 'no diagnostics were published');
    const found = published.diagnostics.map(summary);
    assert.equal(found.length, expected.diagnostics.length, found.join('\n'));
    expected.diagnostics.forEach((start, i) => assert.ok(found[i].startsWith(start), found[i]));
  }
  let slowestMs = 0;
  for (const position of positions(doc.text)) {
    for (const [method, params] of [
      ['textDocument/completion', { textDocument: { uri }, position }],
      ['textDocument/hover', { textDocument: { uri }, position }],
      ['textDocument/documentSymbol', { textDocument: { uri } }],
    ] as const) {
      const answer = await server.request(method, params, { giveUpMs: GIVE_UP_MS });
      assert.ok(!isFault(answer), `${method}: ${answer.error?.message}`);
      slowestMs = Math.max(slowestMs, answer.ms);
    }
  }
  const megabytes = server.residentMegabytes();
  await server.client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { diagnosticsMs, slowestMs, megabytes };
}

/** A plain flow opened after the hostile one: diagnostics and completion still come. */
async function stillServes(server: ServerHarness): Promise<void> {
  const uri = 'file:///robustness/after.yaml';
  const text = readFileSync(join(ROOT, 'test/fixtures/seed/get.yaml'), 'utf8');
  await server.client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  assert.ok(await server.diagnostics(uri, 1, GIVE_UP_MS), 'no diagnostics for a plain flow afterwards');
  const answer = await server.request<{ items: unknown[] }>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 8, character: 12 },
  });
  assert.ok(!answer.error && (answer.result?.items.length ?? 0) > 0, 'no completion afterwards');
}

describe('hostile documents in the language server (stdio)', () => {
  for (const doc of hostileDocuments()) {
    it(`answers ${doc.name}, then still serves`, { timeout: 5 * GIVE_UP_MS }, async () => {
      // A server of its own per document, so that its memory figure is its own.
      const server = await ServerHarness.start();
      try {
        figures.set(doc.name, await exercise(server, doc));
        await stillServes(server);
        assert.deepEqual(server.loggedFailures, []);
        assert.ok(server.alive, 'the server exited');
      } finally {
        await server.stop();
      }
    });
    it(`answers ${doc.name} within ${BUDGET_MS} ms, under ${BUDGET_MB} MB`, () => {
      const f = figures.get(doc.name);
      assert.ok(f, 'no figures: the behaviour test failed');
      assert.ok(f.diagnosticsMs <= BUDGET_MS, `diagnostics after ${f.diagnosticsMs.toFixed(0)} ms`);
      assert.ok(f.slowestMs <= BUDGET_MS, `an answer after ${f.slowestMs.toFixed(0)} ms`);
      assert.ok(f.megabytes <= BUDGET_MB, `${f.megabytes.toFixed(0)} MB resident`);
    });
  }
});

describe('hostile documents through `kestra-flow validate`', () => {
  let dir: string;
  before(() => {
    mkdirSync(join(ROOT, '.test-tmp'), { recursive: true });
    dir = mkdtempSync(join(ROOT, '.test-tmp', 'hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const doc of hostileDocuments()) {
    const expected = EXPECTED[doc.name];
    it(`validates ${doc.name}: exit ${expected.cli.status}, a clear message, no stack trace`, () => {
      const file = join(dir, `${doc.name}.yaml`);
      writeFileSync(file, doc.bytes);
      const started = performance.now();
      const result = spawnSync(process.execPath, [CLI, 'validate', file], {
        encoding: 'utf8',
        timeout: GIVE_UP_MS,
      });
      cliTimes.set(doc.name, performance.now() - started);
      assert.equal(result.signal, null, 'killed: the CLI did not finish');
      assert.equal(result.status, expected.cli.status, result.stderr);
      if (expected.cli.stdout)
        assert.ok(result.stdout.includes(expected.cli.stdout), result.stdout.slice(0, 300));
      if (expected.cli.stderr) {
        assert.equal(result.stderr, `kestra-flow validate: ${file}: ${expected.cli.stderr}\n`);
      } else {
        assert.equal(result.stderr, '');
      }
      assert.doesNotMatch(result.stdout + result.stderr, /\n\s+at /, 'a stack trace');
    });
    it(`validates ${doc.name} within ${BUDGET_MS} ms`, () => {
      const ms = cliTimes.get(doc.name);
      assert.ok(ms !== undefined && ms <= BUDGET_MS, `took ${ms?.toFixed(0)} ms`);
    });
  }
});
