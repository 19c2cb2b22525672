// Cold start (process spawn → first diagnostics of a 100-task flow) and memory (server RSS, from
// /proc/<pid>/status, after opening 50 flows of 200 tasks), ours against yaml-language-server.
import type { BenchSection, BenchTable } from '../bench-types';
import { BenchClient, sleep, type ServerSpec } from '../lsp/client';
import { benchFlow } from '../lsp/probe-flow';
import { checkServersPresent, documentUri, ourServer, yamlLanguageServer } from '../lsp/servers';
import { startServer } from '../lsp/session';
import { ms, ratio, summarize } from '../measure';

const COLD_RUNS = 5;
const FLOWS = 50;
const FLOW_TASKS = 200;

/** Spawn → initialize → didOpen → first diagnostics, as an editor opening a flow does. */
async function coldStart(spec: ServerSpec, text: string): Promise<number> {
  const { client, spawnedAt } = BenchClient.start(spec);
  try {
    await client.initialize();
    const uri = documentUri('cold-start');
    const first = client.diagnostics(uri, 1);
    await client.open(uri, text);
    return (await first).at - spawnedAt;
  } finally {
    await client.stop();
  }
}

/** RSS once initialised, and after `FLOWS` distinct flows are open and validated, in MB. */
async function memory(spec: ServerSpec): Promise<{ idle: number; loaded: number }> {
  const client = await startServer(spec);
  try {
    const idle = client.rssMb();
    const text = benchFlow(FLOW_TASKS).text;
    for (let i = 0; i < FLOWS; i++) {
      const uri = documentUri(`memory-${i}`);
      const first = client.diagnostics(uri, 1);
      await client.open(uri, text.replace(/^id: .*$/m, `id: memory_${i}`));
      await first;
    }
    // Let a garbage collection happen, as it would in an editor that sits idle a moment.
    await sleep(1500);
    return { idle, loaded: client.rssMb() };
  } finally {
    await client.stop();
  }
}

export const lspStartupSection: BenchSection = {
  name: 'lsp-startup',
  title: 'Cold start and memory',
  async run(): Promise<BenchTable> {
    checkServersPresent();
    const text = benchFlow(100).text;
    const results = [];
    for (const spec of [ourServer(), yamlLanguageServer()]) {
      const cold: number[] = [];
      for (let i = 0; i < COLD_RUNS; i++) cold.push(await coldStart(spec, text));
      results.push({ spec, cold: summarize(cold), memory: await memory(spec) });
    }
    const [ours, theirs] = results;
    const rows: BenchTable['rows'] = results.map((r) => ({
      server: r.spec.name,
      'cold start median ms': ms(r.cold.median),
      'cold start p95 ms': ms(r.cold.p95),
      'RSS idle MB': r.memory.idle.toFixed(0),
      [`RSS ${FLOWS}×${FLOW_TASKS} MB`]: r.memory.loaded.toFixed(0),
    }));
    rows.push({
      server: 'ours/theirs',
      'cold start median ms': ratio(ours.cold.median, theirs.cold.median),
      [`RSS ${FLOWS}×${FLOW_TASKS} MB`]: ratio(ours.memory.loaded, theirs.memory.loaded),
    });
    return {
      columns: [
        'server',
        'cold start median ms',
        'cold start p95 ms',
        'RSS idle MB',
        `RSS ${FLOWS}×${FLOW_TASKS} MB`,
      ],
      rows,
      notes: [
        '',
        `Cold start: spawn → initialize → didOpen of a 100-task flow → its first diagnostics (the server's`,
        `debounce does not apply to opening), ${COLD_RUNS} runs. RSS: VmRSS of the server process once`,
        `initialised, and after ${FLOWS} distinct ${FLOW_TASKS}-task flows are open and validated (+1.5 s idle).`,
      ],
    };
  },
};
