// Engine overhead on I/O-bound tasks: a ForEach of 300 http.Request GETs against a loopback server,
// next to a bare loop of the same 300 GETs with undici in this process (the floor). Ratio goal ≤ 1.5.
import { request } from 'undici';
import type { BenchSection, BenchTable } from '../bench-types';
import { runBenchFlow, timeAsync } from '../engine/bench-run';
import { startLoopbackServer } from '../engine/loopback-server';
import { ms } from '../measure';

const REQUESTS = 300;
const RUNS = 5;
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

async function get(url: string): Promise<void> {
  const response = await request(url);
  const body = await response.body.text();
  if (response.statusCode !== 200 || body.length === 0) throw new Error(`GET ${url}: ${response.statusCode}`);
}

async function bareSequential(baseUrl: string): Promise<void> {
  for (let i = 0; i < REQUESTS; i++) await get(`${baseUrl}/items/${i}`);
}

async function bareConcurrent(baseUrl: string): Promise<void> {
  await Promise.all(Array.from({ length: REQUESTS }, (_, i) => get(`${baseUrl}/items/${i}`)));
}

export const engineHttpSection: BenchSection = {
  name: 'engine-http',
  title: `Engine: ForEach of ${REQUESTS} http.Request GETs on loopback (median ms)`,
  async run(): Promise<BenchTable> {
    const server = await startLoopbackServer();
    try {
      const sequential = await timeAsync(() => bareSequential(server.url), RUNS);
      const concurrent = await timeAsync(() => bareConcurrent(server.url), RUNS);
      const cases: [label: string, limit: number | undefined, bare: number, bareLabel: string][] = [
        ['ForEach concurrencyLimit: 1', 1, sequential, 'undici loop, sequential'],
        ['ForEach, default concurrencyLimit (1)', undefined, sequential, 'undici loop, sequential'],
        ['ForEach concurrencyLimit: 0 (all at once)', 0, concurrent, 'undici Promise.all'],
      ];
      const rows: BenchTable['rows'] = [];
      for (const [label, limit, bare, bareLabel] of cases) {
        const text = forEachFlow(server.url, limit);
        const before = server.requests();
        const engine = await timeAsync(() => runBenchFlow(text, () => undefined, REQUESTS + 1), RUNS);
        if (server.requests() - before !== REQUESTS * (RUNS + 1))
          throw new Error(`${label}: the server saw ${server.requests() - before} requests`);
        const ratio = engine / bare;
        rows.push({
          case: label,
          engine: ms(engine),
          bare: ms(bare),
          baseline: bareLabel,
          ratio: `${ratio.toFixed(2)}×`,
          goal: ratio <= GOAL_RATIO ? `≤ ${GOAL_RATIO} ok` : `> ${GOAL_RATIO} MISSED`,
        });
      }
      return {
        columns: ['case', 'engine', 'bare', 'baseline', 'ratio', 'goal'],
        rows,
        notes: [
          '',
          `engine: runFlow of a ForEach over ${REQUESTS} values, one io.kestra.plugin.core.http.Request GET each`,
          `(uri rendered with taskrun.value), events to a no-op listener; bare: the same ${REQUESTS} GETs with`,
          "undici's request() in this process against the same 127.0.0.1 server (small JSON body); ratio = engine / bare.",
          `Median of ${RUNS} runs after one warm-up.`,
        ],
      };
    } finally {
      await server.close();
    }
  },
};
