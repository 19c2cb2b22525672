// A simulated execution on the fake server: it moves over time through Kestra's states (§4) —
// CREATED → RUNNING → each task run CREATED → RUNNING → (logs) → SUCCESS/FAILED/WARNING with outputs →
// the execution's final state — publishing a full Execution JSON (§8.6) at every change, as the
// executor does on its queue. Tasks do nothing real: each gets a behaviour (logs, outputs, state),
// given by the test or a default by type. A kill moves it through KILLING to KILLED.
import type { FakeFlow, FakeTask } from './flow-source';

export type Level = 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
type Json = Record<string, unknown>;

export interface TaskBehaviour {
  state?: 'SUCCESS' | 'FAILED' | 'WARNING';
  outputs?: Json;
  logs?: { level: Level; message: string }[];
  /** Stays RUNNING until the execution is killed. */
  hang?: boolean;
}

export type Behaviours = Record<string, TaskBehaviour | ((value: string | undefined) => TaskBehaviour)>;

interface StateJson {
  current: string;
  histories: { state: string; date: string }[];
  startDate?: string;
  endDate?: string;
  duration?: string;
}

export interface TaskRunJson extends Json {
  id: string;
  taskId: string;
  state: StateJson;
  parentTaskRunId?: string;
  value?: string;
  outputs?: Json;
  attempts?: { state: StateJson }[];
}

export interface ExecutionJson extends Json {
  id: string;
  namespace: string;
  flowId: string;
  taskRunList: TaskRunJson[];
  state: StateJson;
  outputs?: Json;
}

const TERMINATED = new Set(['FAILED', 'WARNING', 'SUCCESS', 'KILLED', 'CANCELLED', 'RETRIED', 'SKIPPED']);
const KILL = Symbol('kill');
const STOP = Symbol('stop');

export function isTerminatedJson(execution: ExecutionJson): boolean {
  return TERMINATED.has(execution.state.current);
}

function setState(state: StateJson, next: string, date: string): void {
  if (state.current === next) return;
  state.current = next;
  state.histories.push({ state: next, date });
  refreshDates(state);
}

function refreshDates(state: StateJson): void {
  const first = state.histories[0].date;
  const last = state.histories[state.histories.length - 1].date;
  state.startDate = first;
  const ended = TERMINATED.has(state.current) || state.current === 'PAUSED';
  if (ended) state.endDate = last;
  state.duration = `PT${((Date.parse(last) - Date.parse(first)) / 1000).toFixed(3)}S`;
}

export function newStateJson(date: string): StateJson {
  const state: StateJson = { current: 'CREATED', histories: [{ state: 'CREATED', date }] };
  refreshDates(state);
  return state;
}

export interface SimulationOptions {
  flow: FakeFlow;
  execution: ExecutionJson;
  behaviours: Behaviours;
  tickMs: number;
  clock: () => string;
  newId: () => string;
  onUpdate: (snapshot: ExecutionJson, end: boolean) => void;
  onLog: (entry: Json) => void;
}

export class SimulatedExecution {
  latest: ExecutionJson;
  readonly logs: Json[] = [];
  private killRequested = false;
  private stopped = false;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;

  constructor(private readonly options: SimulationOptions) {
    this.latest = structuredClone(options.execution);
  }

  start(): void {
    void this.execute();
  }

  kill(): void {
    this.killRequested = true;
    this.wake?.();
  }

  /** Server shutdown: no more steps, no timer left. */
  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private get json(): ExecutionJson {
    return this.options.execution;
  }

  private publish(): void {
    this.latest = structuredClone(this.json);
    this.options.onUpdate(this.latest, isTerminatedJson(this.latest));
  }

  private sleep(checkKill: boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(this.timer);
        this.wake = undefined;
        if (this.stopped) reject(STOP);
        else if (checkKill && this.killRequested) reject(KILL);
        else resolve();
      };
      this.wake = done;
      this.timer = setTimeout(done, this.options.tickMs);
    });
  }

  private async execute(): Promise<void> {
    const { flow, clock } = this.options;
    try {
      await this.sleep(true);
      setState(this.json.state, 'RUNNING', clock());
      this.publish();
      const runs: TaskRunJson[] = [];
      for (const task of flow.tasks) {
        const run = await this.runTask(task, undefined, undefined);
        runs.push(run);
        if (run.state.current === 'FAILED') break;
      }
      const final = worst(runs.map((run) => run.state.current));
      if ((final === 'SUCCESS' || final === 'WARNING') && flow.outputs.length > 0) {
        this.json.outputs = Object.fromEntries(flow.outputs.map((o) => [o.id, o.value]));
      }
      await this.sleep(true);
      setState(this.json.state, final, clock());
      this.publish();
    } catch (signal) {
      if (signal === KILL) await this.killAll().catch(() => undefined);
      else if (signal !== STOP) throw signal;
    }
  }

  private async runTask(
    task: FakeTask,
    parent: TaskRunJson | undefined,
    value: string | undefined,
  ): Promise<TaskRunJson> {
    const { clock, newId } = this.options;
    const run: TaskRunJson = {
      id: newId(),
      executionId: this.json.id,
      namespace: this.json.namespace,
      flowId: this.json.flowId,
      taskId: task.id,
      ...(parent ? { parentTaskRunId: parent.id } : {}),
      ...(value !== undefined ? { value } : {}),
      state: newStateJson(clock()),
    };
    this.json.taskRunList.push(run);
    this.publish();
    await this.sleep(true);
    setState(run.state, 'RUNNING', clock());
    const flowable = task.tasks.length > 0;
    if (!flowable) run.attempts = [{ state: newRunningAttempt(clock()) }];
    this.publish();
    await this.sleep(true);
    let state: string;
    if (flowable) {
      state = await this.runChildren(task, run);
      run.outputs = {};
    } else {
      const behaviour = this.behaviour(task, value);
      for (const log of behaviour.logs ?? []) this.log(run, log.level, log.message);
      if ((behaviour.logs ?? []).length > 0) await this.sleep(true);
      while (behaviour.hang) await this.sleep(true);
      state = behaviour.state ?? 'SUCCESS';
      run.outputs = behaviour.outputs ?? {};
    }
    setState(run.state, state, clock());
    if (run.attempts)
      setState(run.attempts[0].state, state, run.state.histories[run.state.histories.length - 1].date);
    this.publish();
    await this.sleep(true);
    return run;
  }

  private async runChildren(task: FakeTask, run: TaskRunJson): Promise<string> {
    const values = iterationValues(task);
    const states: string[] = [];
    for (const value of values) {
      for (const child of task.tasks) {
        const childRun = await this.runTask(child, run, value);
        states.push(childRun.state.current);
        if (childRun.state.current === 'FAILED') return 'FAILED';
      }
    }
    return worst(states);
  }

  private behaviour(task: FakeTask, value: string | undefined): TaskBehaviour {
    const given = this.options.behaviours[task.id];
    if (given) return typeof given === 'function' ? given(value) : given;
    const kind = task.type.slice(task.type.lastIndexOf('.') + 1);
    if (kind === 'Log') {
      const messages = Array.isArray(task.props.message) ? task.props.message : [task.props.message];
      return {
        logs: messages.map((m) => ({ level: (task.props.level as Level) ?? 'INFO', message: String(m) })),
      };
    }
    if (kind === 'Return') return { outputs: { value: String(task.props.format ?? '') } };
    if (kind === 'Fail')
      return {
        state: 'FAILED',
        logs: [{ level: 'ERROR', message: String(task.props.errorMessage ?? 'Task failure') }],
      };
    return {};
  }

  private log(run: TaskRunJson, level: Level, message: string): void {
    const entry: Json = {
      namespace: this.json.namespace,
      flowId: this.json.flowId,
      taskId: run.taskId,
      executionId: this.json.id,
      taskRunId: run.id,
      attemptNumber: 0,
      timestamp: this.options.clock(),
      level,
      thread: 'WorkerThread',
      message,
      deleted: false,
    };
    this.logs.push(entry);
    this.options.onLog(entry);
  }

  private async killAll(): Promise<void> {
    const { clock } = this.options;
    setState(this.json.state, 'KILLING', clock());
    this.publish();
    await this.sleep(false);
    for (const run of [...this.json.taskRunList].reverse()) {
      if (TERMINATED.has(run.state.current)) continue;
      setState(run.state, 'KILLED', clock());
      if (run.attempts) setState(run.attempts[0].state, 'KILLED', clock());
      run.outputs ??= {};
    }
    this.publish();
    await this.sleep(false);
    setState(this.json.state, 'KILLED', clock());
    this.publish();
  }
}

function newRunningAttempt(date: string): StateJson {
  const state: StateJson = { current: 'RUNNING', histories: [{ state: 'RUNNING', date }] };
  refreshDates(state);
  return state;
}

/** ForEach / EachSequential values (a list, or JSON text of one); one pass without a value otherwise. */
function iterationValues(task: FakeTask): (string | undefined)[] {
  let values = task.props.values ?? task.props.value;
  if (typeof values === 'string' && values.trim().startsWith('[')) values = JSON.parse(values) as unknown;
  if (!Array.isArray(values)) return [undefined];
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
}

function worst(states: string[]): string {
  for (const candidate of ['KILLED', 'FAILED', 'WARNING']) if (states.includes(candidate)) return candidate;
  return 'SUCCESS';
}
