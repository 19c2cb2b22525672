// Engine overhead: a flow of N Log tasks run by the embedded engine, with its events consumed by a
// no-op listener (the engine's own cost) and by the CLI's NDJSON printer writing to a null stream
// (what `kestra-flow run --format ndjson` costs). "load" is loadFlow alone (YAML, validation,
// definitions), part of the total.
import { Writable } from 'node:stream';
import type { RunEvent } from '../../server/src/engine/events';
import type { BenchSection, BenchTable } from '../bench-types';
import { benchStateDir, runBenchFlow, timeAsync } from '../engine/bench-run';
import { engine } from '../engine/bundled-engine';
import { ms } from '../measure';

const GOAL_MS_PER_TASK = 0.2;
const SIZES: [tasks: number, runs: number][] = [
  [1000, 7],
  [10_000, 3],
];

export function logFlow(tasks: number): string {
  const lines = ['id: bench_logs', 'namespace: company.bench', 'tasks:'];
  for (let i = 0; i < tasks; i++) {
    lines.push(
      `  - id: log_${i}`,
      '    type: io.kestra.plugin.core.log.Log',
      '    message: "step {{ task.id }}"',
    );
  }
  return `${lines.join('\n')}\n`;
}

function listeners(): [name: string, listener: () => (event: RunEvent) => void][] {
  return [
    ['no-op', () => () => undefined],
    [
      'NDJSON → null stream',
      () => {
        const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
        return engine.ndjsonPrinter((text) => sink.write(text));
      },
    ],
  ];
}

export const engineLogSection: BenchSection = {
  name: 'engine-log',
  title: 'Engine: flows of Log tasks (median ms)',
  async run(): Promise<BenchTable> {
    const rows: BenchTable['rows'] = [];
    const state = benchStateDir();
    try {
      for (const [tasks, runs] of SIZES) {
        const text = logFlow(tasks);
        const totals: [name: string, total: number][] = [];
        for (const [name, listener] of listeners()) {
          totals.push([name, await timeAsync(() => runBenchFlow(text, listener(), tasks, state.path), runs)]);
        }
        // Measured after the runs, which warm up the same code (the bundle is loaded cold).
        const load = await timeAsync(async () => engine.loadFlow(text), runs);
        for (const [name, total] of totals) {
          rows.push({
            tasks,
            events: name,
            total: ms(total),
            load: ms(load),
            'ms/task': (total / tasks).toFixed(3),
            'run µs/task': ((1000 * (total - load)) / tasks).toFixed(1),
            goal:
              total / tasks <= GOAL_MS_PER_TASK ? `≤ ${GOAL_MS_PER_TASK} ok` : `> ${GOAL_MS_PER_TASK} MISSED`,
            runs,
          });
        }
      }
    } finally {
      state.remove();
    }
    return {
      columns: ['tasks', 'events', 'total', 'load', 'ms/task', 'run µs/task', 'goal', 'runs'],
      rows,
      notes: [
        '',
        'total: runFlow from the YAML text to the execution end (load, inputs, every task run, events);',
        'load: loadFlow alone (YAML parse, validation, task definitions), included in total;',
        `ms/task: total / tasks (goal ≤ ${GOAL_MS_PER_TASK} ms); run µs/task: (total − load) / tasks, the executor's`,
        'own cost per task. Each task renders "step {{ task.id }}" and logs it.',
      ],
    };
  },
};
