// Runs flow text on the engine in-process and collects its events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFlow, type RunFlowOptions, type RunFlowResult } from '../../../server/src/engine/engine';
import type { RunEvent, TaskRunEndedEvent } from '../../../server/src/engine/events';
import type { Execution } from '../../../server/src/engine/run/execution';

export interface FlowRun {
  result: RunFlowResult;
  events: RunEvent[];
  execution: Execution;
  /** Log messages, optionally of one task. */
  logs(taskId?: string): string[];
  /** `taskrun.ended` events of a task. */
  endedRuns(taskId: string): TaskRunEndedEvent[];
  /** Final state of the (single) run of a task. */
  stateOf(taskId: string): string | undefined;
}

export async function runText(
  text: string,
  options: Partial<Omit<RunFlowOptions, 'text' | 'onEvent'>> & { stateDir?: string } = {},
): Promise<FlowRun> {
  const events: RunEvent[] = [];
  const own = options.stateDir === undefined ? mkdtempSync(join(tmpdir(), 'kestra-flow-state-')) : undefined;
  try {
    const result = await runFlow({
      text,
      cwd: options.cwd ?? process.cwd(),
      ...options,
      env: { KESTRA_FLOW_STATE_DIR: options.stateDir ?? own, ...(options.env ?? {}) },
      onEvent: (event) => events.push(event),
    });
    if (result.status !== 'ran') {
      return {
        result,
        events,
        execution: undefined as unknown as Execution,
        logs: () => [],
        endedRuns: () => [],
        stateOf: () => undefined,
      };
    }
    const endedRuns = (taskId: string) =>
      events.filter((e): e is TaskRunEndedEvent => e.event === 'taskrun.ended' && e.taskId === taskId);
    return {
      result,
      events,
      execution: result.execution,
      logs: (taskId) =>
        events.flatMap((e) =>
          e.event === 'log' && (taskId === undefined || e.taskId === taskId) ? [e.message] : [],
        ),
      endedRuns,
      stateOf: (taskId) => endedRuns(taskId).pop()?.state,
    };
  } finally {
    if (own) rmSync(own, { recursive: true, force: true });
  }
}

/** A flow with the given tasks YAML (indented by two spaces under `tasks:`). */
export function flowWith(tasks: string, extra = ''): string {
  return `id: test_flow\nnamespace: company.team\n${extra}tasks:\n${tasks}`;
}
