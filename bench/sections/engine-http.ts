// Engine overhead on I/O-bound tasks: a ForEach of 300 http.Request GETs against a loopback server,
// next to a bare loop of the same 300 GETs with undici in this process (the floor). Ratio goal ≤ 1.5.
import { Agent, request, type Dispatcher } from 'undici';
import type { BenchSection, BenchTable } from '../bench-types';
import { benchStateDir, runBenchFlow, timeAsync } from '../engine/bench-run';
import { startLoopbackServer } from '../engine/loopback-server';
import { ms, summarize } from '../measure';

const REQUESTS = 300;
const RUNS = 75;
const WARMUP = 10;
const ENGINE_WARMUP = 30;
const GOAL_RATIO = 1.5;

function forEachFlow(baseUrl: string, concurrencyLimit: number | undefined): string {
  const values = JSON.stringify(Array.from({ length: REQUESTS }, (_, i) => i));
  return [
    'id: bench_http',
    'namespace: company.bench',
    'tasks:',
    '  - id: each',
    '    type: io.kestra.plugin.core.flow.ForEach',
    `    values: '${values}'`,
    ...(concurrencyLimit === undefined ? [] : [`    concurrencyLimit: ${concurrencyLimit}`]),
    '    tasks:',
    '      - id: get',
    '        type: io.kestra.plugin.core.http.Request',
    `        uri: "${baseUrl}/items/{{ taskrun.value }}"`,
    '',
  ].join('\n');
}

async function get(url: string, dispatcher: Dispatcher): Promise<void> {
  const response = await request(url, { dispatcher });
  const body = await response.body.text();
  if (response.statusCode !== 200 || body.length === 0) throw new Error(`GET ${url}: ${response.statusCode}`);
}

/** Like the engine (one agent per execution), each bare run has its own agent, destroyed at the end. */
async function withAgent(work: (dispatcher: Dispatcher) => Promise<unknown>): Promise<void> {
  const agent = new Agent();
  try {
    await work(agent);
  } finally {
    await agent.destroy();
  }
}

const bareSequential = (baseUrl: string) =>
  withAgent(async (agent) => {
    for (let i = 0; i < REQUESTS; i++) await get(`${baseUrl}/items/${i}`, agent);
  });

const bareConcurrent = (baseUrl: string) =>
  withAgent((agent) =>
    Promise.all(Array.from({ length: REQUESTS }, (_, i) => get(`${baseUrl}/items/${i}`, agent))),
  );

/** Engine and bare runs alternate, so both see the same machine load; medians of each. */
async function interleaved(
  engine: () => Promise<unknown>,
  bare: () => Promise<unknown>,
): Promise<{ engine: number; bare: number; bestEngine: number; bestBare: number }> {
  const samples = { engine: [] as number[], bare: [] as number[] };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const engineMs = await timeAsync(engine, 1, 0);
    const bareMs = await timeAsync(bare, 1, 0);
    if (i < WARMUP) continue;
    samples.engine.push(engineMs);
    samples.bare.push(bareMs);
  }
  return {
    engine: summarize(samples.engine).median,
    bare: summarize(samples.bare).median,
    bestEngine: Math.min(...samples.engine),
    bestBare: Math.min(...samples.bare),
  };
}

export const engineHttpSection: BenchSection = {
  name: 'engine-http',
  title: `Engine: ForEach of ${REQUESTS} http.Request GETs on loopback (median ms)`,
  async run(): Promise<BenchTable> {
    const server = await startLoopbackServer();
    const state = benchStateDir();
    try {
      const cases: [
        label: string,
        limit: number | undefined,
        bare: () => Promise<void>,
        bareLabel: string,
      ][] = [
        ['ForEach concurrencyLimit: 1', 1, () => bareSequential(server.url), 'undici loop, sequential'],
        [
          'ForEach, default concurrencyLimit (1)',
          undefined,
          () => bareSequential(server.url),
          'undici loop, sequential',
        ],
        [
          'ForEach concurrencyLimit: 0 (all at once)',
          0,
          () => bareConcurrent(server.url),
          'undici Promise.all',
        ],
      ];
      // The engine reaches its steady speed only after a few thousand task runs (JIT): warm it first.
      const warmFlow = forEachFlow(server.url, 1);
      for (let i = 0; i < ENGINE_WARMUP; i++)
        await runBenchFlow(warmFlow, () => undefined, REQUESTS + 1, state.path);
      const rows: BenchTable['rows'] = [];
      for (const [label, limit, bare, bareLabel] of cases) {
        const text = forEachFlow(server.url, limit);
        const before = server.requests();
        const timing = await interleaved(
          () => runBenchFlow(text, () => undefined, REQUESTS + 1, state.path),
          bare,
        );
        if (server.requests() - before !== 2 * REQUESTS * (RUNS + WARMUP))
          throw new Error(`${label}: the server saw ${server.requests() - before} requests`);
        const ratio = timing.engine / timing.bare;
        rows.push({
          case: label,
          engine: ms(timing.engine),
          bare: ms(timing.bare),
          baseline: bareLabel,
          ratio: `${ratio.toFixed(2)}×`,
          'best ratio': `${(timing.bestEngine / timing.bestBare).toFixed(2)}×`,
          goal: ratio <= GOAL_RATIO ? `≤ ${GOAL_RATIO} ok` : `> ${GOAL_RATIO} MISSED`,
        });
      }
      return {
        columns: ['case', 'engine', 'bare', 'baseline', 'ratio', 'best ratio', 'goal'],
        rows,
        notes: [
          '',
          `engine: runFlow (the engine bundled as shipped: dist/bench/engine.js) of a ForEach over ${REQUESTS} values,`,
          'one io.kestra.plugin.core.http.Request GET each',
          `(uri rendered with taskrun.value), events to a no-op listener; bare: the same ${REQUESTS} GETs with`,
          "undici's request() in this process against the same 127.0.0.1 server (small JSON body), through an Agent",
          'created for the run and destroyed after it, as the engine does per execution; ratio = engine / bare',
          '(medians), best ratio = fastest engine run / fastest bare run. Engine and bare runs alternate;',
          `${RUNS} of each after ${WARMUP} warm-up pairs (the engine first runs the flow ${ENGINE_WARMUP} times).`,
        ],
      };
    } finally {
      await server.close();
      state.remove();
    }
  },
};
