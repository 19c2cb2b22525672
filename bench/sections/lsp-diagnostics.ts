// Diagnostics latency through the real servers over stdio: from an edit's `didChange` to the
// `publishDiagnostics` for that version, ours against yaml-language-server on the same documents.
// Ours runs twice: with its 150 ms debounce (what users see) and with the debounce set to 0 through
// `initializationOptions.diagnosticsDelayMs` (the work alone). yaml-language-server's 200 ms
// validation delay is fixed, so its work figure is its latency minus 200 ms.
import type { BenchTable } from '../bench-types';
import type { BenchClient, ServerSpec } from '../lsp/client';
import { benchFlow, editLetter, type BenchFlow } from '../lsp/probe-flow';
import { checkServersPresent, documentUri, ourServer, yamlLanguageServer } from '../lsp/servers';
import { openSettled, startServer, timedEdit } from '../lsp/session';
import { ms, ratio, summarize } from '../measure';
import type { BenchSection } from '../bench-types';

const SIZES: [tasks: number, edits: number][] = [
  [100, 20],
  [1000, 20],
  [5000, 12],
];
// The first edits run while the JIT warms up; an editor session is long past them.
const WARMUP_EDITS = 5;
const SLOW_MS = 1000;

const BAD_ENUM_FLOW = `id: bad_enum
namespace: company.bench
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: hi
    level: LOUD
`;

interface Measured {
  samples: number[];
  /** Server CPU time per edit (all its threads), ms. */
  cpu: number[];
  diagnostics: number;
  openMs: number;
}

/** yaml-language-server must really validate with our schema, or the comparison means nothing. */
async function checkSchemaApplies(client: BenchClient): Promise<string> {
  const { params } = await openSettled(client, documentUri('bad-enum'), BAD_ENUM_FLOW);
  const onLevel = params.diagnostics.find((d) => d.range.start.line === 6);
  if (!onLevel)
    throw new Error(
      `${client.spec.name} reported no error for \`level: LOUD\`: the flow schema is not applied, the comparison would be unfair`,
    );
  return onLevel.message;
}

/**
 * Edits the same flow in every server, taking turns edit by edit, so that whatever else the machine
 * is doing weighs on all of them alike.
 */
async function measureInTurns(specs: ServerSpec[], flow: BenchFlow, edits: number): Promise<Measured[]> {
  const clients: BenchClient[] = [];
  try {
    for (const spec of specs) clients.push(await startServer(spec));
    const uri = documentUri(`diagnostics-${flow.tasks}`);
    const results: (Measured & { warmups: number })[] = [];
    for (const client of clients) {
      const opened = await openSettled(client, uri, flow.text);
      results.push({ samples: [], cpu: [], diagnostics: 0, openMs: opened.ms, warmups: 0 });
    }
    for (let i = 0; results.some((r) => r.samples.length < edits); i++) {
      for (const [k, client] of clients.entries()) {
        const result = results[k];
        if (result.samples.length >= edits) continue;
        const edit = await timedEdit(client, uri, flow.editAt, editLetter(i));
        result.diagnostics = edit.diagnostics;
        // A slow server (seconds per edit) is past its JIT warm-up after one edit.
        if (result.warmups < WARMUP_EDITS && result.samples.length === 0) {
          result.warmups = edit.ms > SLOW_MS ? WARMUP_EDITS : result.warmups + 1;
        } else {
          result.samples.push(edit.ms);
          result.cpu.push(edit.cpuMs);
        }
      }
    }
    return results;
  } finally {
    for (const client of clients) await client.stop();
  }
}

export const lspDiagnosticsSection: BenchSection = {
  name: 'lsp-diagnostics',
  title: 'Diagnostics latency over stdio, edit → publishDiagnostics (ms)',
  async run(): Promise<BenchTable> {
    checkServersPresent();
    const notes: string[] = [''];
    const probe = await startServer(yamlLanguageServer());
    try {
      notes.push(
        `yaml-language-server applies the flow schema: for \`level: LOUD\` it says "${await checkSchemaApplies(probe)}"`,
      );
    } finally {
      await probe.stop();
    }
    const rows: BenchTable['rows'] = [];
    for (const [tasks, edits] of SIZES) {
      const flow = benchFlow(tasks);
      const [seen, work, theirs] = await measureInTurns(
        [ourServer(), ourServer(0), yamlLanguageServer()],
        flow,
        edits,
      );
      const oursSeen = summarize(seen.samples);
      const oursWork = summarize(work.samples);
      const oursCpu = summarize(work.cpu);
      const theirSeen = summarize(theirs.samples);
      const theirCpu = summarize(theirs.cpu);
      const debounce = yamlLanguageServer().debounceMs;
      const theirWork = { median: theirSeen.median - debounce, p95: theirSeen.p95 - debounce };
      rows.push({
        tasks,
        server: 'ours',
        'seen median': ms(oursSeen.median),
        'seen p95': ms(oursSeen.p95),
        'work median': ms(oursWork.median),
        'work p95': ms(oursWork.p95),
        'CPU median': ms(oursCpu.median),
        'ours/theirs work': ratio(oursWork.median, theirWork.median),
        'ours/theirs seen': ratio(oursSeen.median, theirSeen.median),
        'ours/theirs CPU': ratio(oursCpu.median, theirCpu.median),
        diagnostics: work.diagnostics,
        open: ms(work.openMs),
        edits,
      });
      rows.push({
        tasks,
        server: 'yaml-ls',
        'seen median': ms(theirSeen.median),
        'seen p95': ms(theirSeen.p95),
        'work median': ms(theirWork.median),
        'work p95': ms(theirWork.p95),
        'CPU median': ms(theirCpu.median),
        diagnostics: theirs.diagnostics,
        open: ms(theirs.openMs),
        edits,
      });
    }
    notes.push(
      'seen: with each server’s own debounce (ours 150 ms, yaml-language-server 200 ms), as users see it.',
      'work: ours measured with initializationOptions.diagnosticsDelayMs = 0; yaml-language-server’s seen',
      'figure minus its fixed 200 ms validationDelayMs. An edit changes one character of a Log message in the',
      'middle of the flow; the time runs from didChange to the publishDiagnostics of that version (ours',
      'carries the version; yaml-language-server publishes none, so its next publish counts). diagnostics: how',
      'many the last edit got (the generated flows are valid). open: didOpen → first diagnostics. CPU: the',
      'server process’s CPU time per edit (all threads, /proc/<pid>/task/*/schedstat; ours at debounce 0),',
      'which a busy machine hardly changes. The three servers take turns edit by edit.',
    );
    return {
      columns: [
        'tasks',
        'server',
        'seen median',
        'seen p95',
        'work median',
        'work p95',
        'CPU median',
        'ours/theirs work',
        'ours/theirs seen',
        'ours/theirs CPU',
        'diagnostics',
        'open',
        'edits',
      ],
      rows,
      notes,
    };
  },
};
