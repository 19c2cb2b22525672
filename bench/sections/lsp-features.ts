// Completion and hover latency through the real servers over stdio, ours against
// yaml-language-server, at three places of the same flows: a `type:` value, a new key in a Request
// task, and `{{ outputs. }}` in a Log message. "settled": the version was already validated;
// "after edit": the request follows a one-character edit elsewhere at once, as when typing (the
// server must read the new text first).
import type { BenchSection, BenchTable } from '../bench-types';
import type { BenchClient, Position, ServerSpec } from '../lsp/client';
import { editLetter, probeFlow, type Probe, type ProbeFlow } from '../lsp/probe-flow';
import { checkServersPresent, documentUri, ourServer, yamlLanguageServer } from '../lsp/servers';
import { openSettled, settle, startServer } from '../lsp/session';
import { ms, ratio, summarize } from '../measure';

const SIZES = [100, 1000, 5000];
const SAMPLES = 10;
const WARMUP = 3;
/** A slow server gets fewer samples: a cell stops after this long once it has MIN_SAMPLES. */
const BUDGET_MS = 25_000;
const MIN_SAMPLES = 3;
/** Warm-up stops early once a request is this slow (the JIT is then not what it measures). */
const SLOW_MS = 500;

type Mode = 'completion settled' | 'hover settled' | 'completion after edit';
/** "after edit" last: the validations it leaves behind cannot slow the settled measurements. */
const MODES: Mode[] = ['completion settled', 'hover settled', 'completion after edit'];

interface Measured {
  samples: number[];
  /** What the last answer held: completion items, or whether hover said anything. */
  answer: string;
}

interface CompletionList {
  items: unknown[];
}

function describe(mode: Mode, result: unknown): string {
  if (mode === 'hover settled') return result ? 'hover' : 'none';
  const items = Array.isArray(result) ? result : (result as CompletionList | null)?.items;
  return `${items?.length ?? 0} items`;
}

async function request(client: BenchClient, mode: Mode, uri: string, position: Position) {
  const method = mode === 'hover settled' ? 'textDocument/hover' : 'textDocument/completion';
  return client.timed<unknown>(method, { textDocument: { uri }, position });
}

async function measure(
  client: BenchClient,
  flow: ProbeFlow,
  uri: string,
  mode: Mode,
  probe: Probe,
  quietMs: number,
): Promise<Measured> {
  const samples: number[] = [];
  let answer = '';
  let warmups = 0;
  const start = performance.now();
  for (let i = 0; samples.length < SAMPLES; i++) {
    if (samples.length >= MIN_SAMPLES && performance.now() - start > BUDGET_MS) break;
    if (mode === 'completion after edit') {
      // Send the edit without waiting for its diagnostics: the request comes right after it.
      const at = flow.editAt;
      await client.edit(uri, at, { line: at.line, character: at.character + 1 }, editLetter(i));
    }
    const { result, ms: elapsed } = await request(client, mode, uri, probe.position);
    if (warmups < WARMUP && samples.length === 0) warmups = elapsed > SLOW_MS ? WARMUP : warmups + 1;
    else samples.push(elapsed);
    answer = describe(mode, result);
  }
  // Let the edits' validations finish before the next measurement.
  if (mode === 'completion after edit') await settle(client, uri, quietMs);
  return { samples, answer };
}

/** Every (mode, probe) measurement of one server on one flow. */
async function runServer(spec: ServerSpec, flow: ProbeFlow): Promise<Map<string, Measured>> {
  const client = await startServer(spec);
  const results = new Map<string, Measured>();
  try {
    const uri = documentUri(`features-${flow.tasks}`);
    const opened = await openSettled(client, uri, flow.text);
    // Longer than one validation of this flow: no publish for that long means none is under way.
    const quietMs = Math.max(500, 1.5 * opened.ms);
    for (const mode of MODES) {
      const probes = mode === 'hover settled' ? flow.hovers : flow.completions;
      for (const probe of probes) {
        results.set(`${mode}|${probe.name}`, await measure(client, flow, uri, mode, probe, quietMs));
      }
    }
  } finally {
    await client.stop();
  }
  return results;
}

export const lspFeaturesSection: BenchSection = {
  name: 'lsp-features',
  title: 'Completion and hover latency over stdio, request → response (ms)',
  async run(): Promise<BenchTable> {
    checkServersPresent();
    const rows: BenchTable['rows'] = [];
    for (const tasks of SIZES) {
      const flow = probeFlow(tasks);
      const ours = await runServer(ourServer(), flow);
      const theirs = await runServer(yamlLanguageServer(), flow);
      for (const mode of MODES) {
        const probes = mode === 'hover settled' ? flow.hovers : flow.completions;
        for (const probe of probes) {
          const key = `${mode}|${probe.name}`;
          const a = ours.get(key)!;
          const b = theirs.get(key)!;
          const sa = summarize(a.samples);
          const sb = summarize(b.samples);
          rows.push({
            tasks,
            request: mode,
            position: probe.name,
            'ours median': ms(sa.median),
            'ours p95': ms(sa.p95),
            'yaml-ls median': ms(sb.median),
            'yaml-ls p95': ms(sb.p95),
            'ours/theirs': ratio(sa.median, sb.median),
            ours: a.answer,
            'yaml-ls': b.answer,
            n: `${sa.n}/${sb.n}`,
          });
        }
      }
    }
    return {
      columns: [
        'tasks',
        'request',
        'position',
        'ours median',
        'ours p95',
        'yaml-ls median',
        'yaml-ls p95',
        'ours/theirs',
        'ours',
        'yaml-ls',
        'n',
      ],
      rows,
      notes: [
        '',
        `${SAMPLES} requests per cell after ${WARMUP} unmeasured (n: ours/yaml-ls; a slow server gets at least`,
        `${MIN_SAMPLES} within ${BUDGET_MS / 1000} s, and p95 is then its slowest). Positions: the end of a Log task's \`type:\``,
        'value; a blank line for a new key under `method: POST` of a Request task; after `outputs.` in',
        '`message: "{{ outputs. }}"` (hover: on the `type` value, on the `method` key, on `outputs`).',
        'ours / yaml-ls columns: what the last answer held (completion items; hover or none).',
      ],
    };
  },
};
