// One fuzz session: open a flow, edit it at random through incremental `didChange`s, query the server
// after every edit, then check that the server's text is ours: the edited document and the same final
// text opened fresh under another URI must get the same diagnostics (and outline).
import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver/node';
import { isFlowText } from '../../../server/src/flow/flow-document';
import { type Answer, isFault, NO_ANSWER, type ServerHarness } from '../server-harness';
import { randomEdit } from './edits';
import type { Prng } from './prng';
import { planRequests, type PlannedRequest } from './requests';
import { addFault, type FuzzStats } from './stats';
import { TextBuffer } from './text-buffer';

export interface SessionInput {
  harness: ServerHarness;
  rng: Prng;
  stats: FuzzStats;
  /** How the flow is named in reports (a path relative to its root). */
  name: string;
  text: string;
  uri: string;
  edits: number;
  slowMs: number;
}

/** How long a request may stay unanswered before the server counts as hung. */
const GIVE_UP_MS = 20_000;
/** Share of edits after which the fuzzer waits for the (debounced) diagnostics of that version. */
const WAIT_FOR_DIAGNOSTICS = 0.2;

/** 'lost' when the server exited or hung: the caller starts a new one. */
export async function fuzzSession(input: SessionInput): Promise<'done' | 'lost'> {
  const { harness, rng, stats, uri } = input;
  const buffer = new TextBuffer(input.text);
  let version = 1;
  await harness.client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version, text: buffer.text },
  });
  stats.sessions++;
  for (let index = 1; index <= input.edits; index++) {
    const edit = randomEdit(buffer.text, rng);
    for (const change of edit.changes) buffer.apply(change);
    version++;
    await harness.client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: edit.changes,
    });
    stats.edits++;
    const where = `${input.name} edit ${index}/${input.edits} (${edit.kind}) v${version}`;
    const kept = stats.faults.length;
    const logged = harness.loggedFailures.length;
    const plans = planRequests(rng, buffer, uri, edit.cursor, latestDiagnostics(harness, uri));
    const answers = await Promise.all(
      plans.map((plan) =>
        harness.request(plan.method, plan.params, { cancel: plan.cancel, giveUpMs: GIVE_UP_MS }),
      ),
    );
    plans.forEach((plan, i) => judge(input, plan, answers[i], where));
    if (rng.chance(WAIT_FOR_DIAGNOSTICS) && isFlowText(buffer.text)) {
      const published = await harness.diagnostics(uri, version, 5000);
      if (!published && harness.alive) {
        addFault(stats, { kind: 'missing-diagnostics', message: 'no diagnostics within 5 s', where });
      }
    }
    for (const message of harness.loggedFailures.slice(logged)) {
      addFault(stats, { kind: 'logged-failure', message: firstLines(message), where });
    }
    // The text each fault was found on, to replay it by hand (FUZZ_DUMP writes them out).
    for (const fault of stats.faults.slice(kept)) fault.text = buffer.text;
    if (!harness.alive) {
      addFault(stats, { kind: 'crash', message: `server exited: ${JSON.stringify(harness.exit)}`, where });
      return 'lost';
    }
    if (answers.some((answer) => answer.error?.code === NO_ANSWER)) return 'lost';
  }
  const kept = stats.faults.length;
  await compareWithFresh(input, buffer.text, version);
  for (const fault of stats.faults.slice(kept)) fault.text = buffer.text;
  return 'done';
}

function judge(input: SessionInput, plan: PlannedRequest, answer: Answer<unknown>, where: string): void {
  const { stats } = input;
  stats.requests++;
  const at = `${where} ${plan.method} ${JSON.stringify((plan.params as { position?: unknown }).position ?? '')}`;
  if (answer.ms > stats.slowest.ms) stats.slowest = { ms: answer.ms, method: plan.method, where };
  if (answer.ms > input.slowMs) {
    addFault(stats, { kind: 'slow-answer', message: `${answer.ms.toFixed(0)} ms`, where: at });
  }
  if (answer.error?.code === NO_ANSWER) {
    addFault(stats, { kind: 'no-answer', message: answer.error.message, where: at });
  } else if (isFault(answer, plan.allowed)) {
    addFault(stats, {
      kind: 'internal-error',
      message: `${answer.error?.code}: ${firstLines(answer.error?.message ?? '')}`,
      where: at,
    });
  } else if (!answer.error) {
    const problems = plan.check(answer.result);
    if (problems.length > 0) {
      const more = problems.length > 2 ? ` (and ${problems.length - 2} more)` : '';
      addFault(stats, { kind: 'bad-answer', message: problems.slice(0, 2).join('; ') + more, where: at });
    }
  }
}

function latestDiagnostics(harness: ServerHarness, uri: string): Diagnostic[] {
  for (let i = harness.client.published.length - 1; i >= 0; i--) {
    const params = harness.client.published[i];
    if (params.uri === uri) return params.diagnostics;
  }
  return [];
}

async function compareWithFresh(input: SessionInput, text: string, version: number): Promise<void> {
  const { harness, stats, uri } = input;
  const fresh = uri.replace(/(\.ya?ml)?$/, '.fresh.yaml');
  const where = `${input.name} after ${input.edits} edits v${version}`;
  const connection = harness.client.connection;
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: fresh, languageId: 'yaml', version: 1, text },
  });
  if (isFlowText(text)) {
    const [edited, opened] = await Promise.all([
      harness.diagnostics(uri, version, 5000),
      harness.diagnostics(fresh, 1, 5000),
    ]);
    if (!edited || !opened) {
      addFault(stats, {
        kind: 'missing-diagnostics',
        message: `no diagnostics for the ${edited ? 'fresh' : 'edited'} document`,
        where,
      });
    } else if (!isDeepStrictEqual(edited.diagnostics, opened.diagnostics)) {
      addFault(stats, {
        kind: 'model-mismatch',
        message: describeDifference(edited.diagnostics, opened.diagnostics),
        where,
      });
    } else if (!opened.diagnostics.some((d) => d.code === 'yaml-syntax')) {
      // With clean YAML the outline is a function of the text alone (no last-good fallback).
      const [a, b] = await Promise.all(
        [uri, fresh].map((target) =>
          harness.request<DocumentSymbol[] | null>('textDocument/documentSymbol', {
            textDocument: { uri: target },
          }),
        ),
      );
      stats.requests += 2;
      if (!isDeepStrictEqual(a.result, b.result)) {
        addFault(stats, {
          kind: 'model-mismatch',
          message: 'document symbols differ from a fresh open',
          where,
        });
      }
    }
  }
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
}

function describeDifference(edited: Diagnostic[], fresh: Diagnostic[]): string {
  const show = (d: Diagnostic | undefined) =>
    d ? `${d.code} ${d.range.start.line}:${d.range.start.character} ${d.message.slice(0, 80)}` : 'nothing';
  for (let i = 0; i < Math.max(edited.length, fresh.length); i++) {
    if (!isDeepStrictEqual(edited[i], fresh[i])) {
      return `diagnostic ${i}: edited document has ${show(edited[i])}, fresh open has ${show(fresh[i])}`;
    }
  }
  return 'diagnostics differ';
}

function firstLines(message: string): string {
  return message.split('\n').slice(0, 3).join(' | ').slice(0, 400);
}
