// Turns what a Kestra server reports (successive Execution JSONs, log entries) into the run event
// stream of the embedded engine (events.ts). Each update is diffed against what was already
// announced, so a repeated state (the stored state replayed after a reconnection) emits nothing.
// A stale state (older than one already seen) emits nothing either. Ordering guarantees: `execution.started` first, `execution.ended` last; a task run's `started`
// before its `ended`, parents started before children and ended after them; a log naming a task run
// comes after that run's `started` (logs that overtake the execution stream wait for it).
import type { LogEvent, RunEvent } from '../engine/events';
import { isCreated, isTerminated, type StateType } from '../engine/state';
import type { KestraExecution, KestraLogEntry, KestraState, KestraTaskRun } from './kestra-json';
import { outputsTree } from './outputs-tree';

export class ExecutionEventMapper {
  private readonly announced = new Set<string>();
  /** Ended runs: the state and how many history entries the run had then. */
  private readonly endedAs = new Map<string, { state: StateType; histories: number }>();
  private readonly runs = new Map<string, KestraTaskRun>();
  private readonly waitingLogs = new Map<string, LogEvent[]>();
  /** The last ERROR log of each task run: the reason it failed. */
  private readonly errors = new Map<string, string>();
  private finished = false;

  constructor(
    private readonly emit: (event: RunEvent) => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  started(execution: KestraExecution): void {
    this.emit({
      event: 'execution.started',
      time: execution.state.startDate ?? execution.state.histories[0]?.date ?? this.now().toISOString(),
      executionId: execution.id,
      namespace: execution.namespace,
      flowId: execution.flowId,
      inputs: execution.inputs ?? {},
    });
    this.update(execution);
  }

  update(execution: KestraExecution): void {
    if (this.finished) return;
    for (const run of execution.taskRunList) this.runs.set(run.id, run);
    const order = execution.taskRunList.map((run, index) => ({ run, index, depth: this.depth(run) }));
    for (const { run } of [...order].sort((a, b) => a.depth - b.depth || a.index - b.index)) {
      if (!isCreated(run.state.current)) this.announce(run);
    }
    for (const { run } of [...order].sort((a, b) => b.depth - a.depth || a.index - b.index)) {
      const state = run.state.current;
      const ended = this.endedAs.get(run.id);
      // The stored state replayed after a reconnection may be older than what was seen live: only a
      // longer history is news (a run restarted or retried after it ended).
      if (ended && run.state.histories.length <= ended.histories) continue;
      if (!isTerminated(state)) {
        this.endedAs.delete(run.id);
        continue;
      }
      if (ended?.state === state) continue;
      this.announce(run);
      this.endedAs.set(run.id, { state, histories: run.state.histories.length });
      const error = state === 'FAILED' ? this.errors.get(run.id) : state === 'KILLED' ? 'Killed' : undefined;
      this.emit({
        event: 'taskrun.ended',
        time: lastDate(run.state) ?? this.now().toISOString(),
        taskRunId: run.id,
        taskId: run.taskId,
        state,
        outputs: run.outputs ?? {},
        ...(error !== undefined ? { error } : {}),
      });
    }
  }

  log(entry: KestraLogEntry): void {
    if (this.finished) return;
    const event: LogEvent = {
      event: 'log',
      time: entry.timestamp,
      level: entry.level,
      message: entry.message,
      ...(entry.taskRunId !== undefined ? { taskRunId: entry.taskRunId } : {}),
      ...(entry.taskId !== undefined ? { taskId: entry.taskId } : {}),
    };
    if (entry.taskRunId !== undefined && entry.level === 'ERROR')
      this.errors.set(entry.taskRunId, entry.message);
    if (entry.taskRunId === undefined || this.announced.has(entry.taskRunId)) {
      this.emit(event);
      return;
    }
    const waiting = this.waitingLogs.get(entry.taskRunId) ?? [];
    waiting.push(event);
    this.waitingLogs.set(entry.taskRunId, waiting);
  }

  /** The final execution: last task run transitions, logs still waiting, then `execution.ended`. */
  ended(execution: KestraExecution): void {
    if (this.finished) return;
    this.update(execution);
    for (const logs of this.waitingLogs.values()) for (const log of logs) this.emit(log);
    this.waitingLogs.clear();
    this.finished = true;
    const error = this.executionError(execution);
    this.emit({
      event: 'execution.ended',
      time: execution.state.endDate ?? lastDate(execution.state) ?? this.now().toISOString(),
      executionId: execution.id,
      state: execution.state.current,
      outputs: outputsTree(execution.taskRunList),
      ...(execution.outputs ? { flowOutputs: execution.outputs } : {}),
      ...(error !== undefined ? { error } : {}),
    });
  }

  private announce(run: KestraTaskRun): void {
    if (this.announced.has(run.id)) return;
    this.announced.add(run.id);
    const started = run.state.histories.find((h) => !isCreated(h.state));
    this.emit({
      event: 'taskrun.started',
      time: started?.date ?? lastDate(run.state) ?? this.now().toISOString(),
      taskRunId: run.id,
      taskId: run.taskId,
      ...(run.parentTaskRunId !== undefined ? { parentTaskRunId: run.parentTaskRunId } : {}),
      ...(run.value !== undefined ? { value: run.value } : {}),
    });
    const waiting = this.waitingLogs.get(run.id);
    if (!waiting) return;
    this.waitingLogs.delete(run.id);
    for (const log of waiting) this.emit(log);
  }

  private depth(run: KestraTaskRun): number {
    let depth = 0;
    for (let current = run; current.parentTaskRunId !== undefined && depth < 100; depth++) {
      const parent = this.runs.get(current.parentTaskRunId);
      if (!parent) break;
      current = parent;
    }
    return depth;
  }

  /** As the embedded engine says it: the first failed leaf task and its last error log. */
  private executionError(execution: KestraExecution): string | undefined {
    const state = execution.state.current;
    if (state === 'KILLED') return 'The execution was killed';
    if (state !== 'FAILED') return undefined;
    const failed = execution.taskRunList.filter((run) => run.state.current === 'FAILED');
    const leaf = failed.find((run) => !failed.some((child) => child.parentTaskRunId === run.id));
    if (!leaf) return undefined;
    const reason = this.errors.get(leaf.id);
    return reason !== undefined ? `Task ${leaf.taskId} failed: ${reason}` : `Task ${leaf.taskId} failed`;
  }
}

function lastDate(state: KestraState): string | undefined {
  return state.histories[state.histories.length - 1]?.date;
}
