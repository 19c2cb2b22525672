// Printing of run events for `kestra-flow run`: NDJSON (one event a line, design.md A.2) or text
// (`time level taskId message` lines, then a summary with the final state, the duration and the
// outputs of each task).
import type { JsonValue, RunEvent, TaskRunEndedEvent } from '../../engine/events';

export type Write = (text: string) => void;

export function ndjsonPrinter(write: Write): (event: RunEvent) => void {
  return (event) => write(`${JSON.stringify(event)}\n`);
}

const MAX_OUTPUT = 300;

function compact(value: JsonValue): string {
  const text = JSON.stringify(value);
  return text.length > MAX_OUTPUT ? `${text.slice(0, MAX_OUTPUT - 1)}…` : text;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)}s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

/** Text printer: log lines as they come; the summary when the top-level execution ends. */
export function textPrinter(write: Write): (event: RunEvent) => void {
  let startedAt: number | undefined;
  let executionId: string | undefined;
  const ended: TaskRunEndedEvent[] = [];
  const values = new Map<string, string>();
  return (event) => {
    switch (event.event) {
      case 'execution.started':
        // A new execution (RETRIED with CREATE_NEW_EXECUTION) restarts the summary.
        startedAt = Date.parse(event.time);
        executionId = event.executionId;
        ended.length = 0;
        write(
          `${event.time} INFO  Execution ${event.executionId} of ${event.namespace}.${event.flowId} started\n`,
        );
        break;
      case 'taskrun.started':
        if (event.value !== undefined) values.set(event.taskRunId, event.value);
        break;
      case 'log': {
        const message = event.message.replace(/\n/g, `\n${' '.repeat(6)}`);
        write(`${event.time} ${event.level.padEnd(5)} ${event.taskId ?? '-'} ${message}\n`);
        break;
      }
      case 'taskrun.ended':
        ended.push(event);
        break;
      case 'execution.ended': {
        if (event.executionId !== executionId) break;
        const duration = startedAt === undefined ? 0 : Date.parse(event.time) - startedAt;
        const lines = [
          ``,
          `Execution ${event.executionId} ended ${event.state} in ${formatDuration(duration)}`,
        ];
        if (event.error) lines.push(`Error: ${event.error}`);
        if (ended.length > 0) lines.push('Tasks:');
        for (const run of ended) {
          const value = values.get(run.taskRunId);
          const label = value === undefined ? run.taskId : `${run.taskId}[${value}]`;
          const outputs =
            run.outputs && Object.keys(run.outputs).length > 0 ? ` ${compact(run.outputs)}` : '';
          lines.push(
            `  ${label} ${run.state}${outputs}${run.error && run.state !== 'SUCCESS' ? ` (${run.error.split('\n')[0]})` : ''}`,
          );
        }
        if (event.flowOutputs && Object.keys(event.flowOutputs).length > 0) {
          lines.push('Flow outputs:');
          for (const [id, value] of Object.entries(event.flowOutputs))
            lines.push(`  ${id} ${compact(value)}`);
        }
        write(`${lines.join('\n')}\n`);
        break;
      }
    }
  };
}
