// Kestra's state enum and the predicates the executor uses (State.Type), shared by executions,
// task runs and attempts. A state keeps its history so start/end dates and durations can be derived.

export type StateType =
  | 'CREATED'
  | 'RUNNING'
  | 'PAUSED'
  | 'RESTARTED'
  | 'KILLING'
  | 'SUCCESS'
  | 'WARNING'
  | 'FAILED'
  | 'KILLED'
  | 'CANCELLED'
  | 'QUEUED'
  | 'RETRYING'
  | 'RETRIED'
  | 'SKIPPED';

export interface StateHistory {
  state: StateType;
  date: string;
}

export interface State {
  current: StateType;
  histories: StateHistory[];
}

const TERMINATED = new Set<StateType>([
  'FAILED',
  'WARNING',
  'SUCCESS',
  'KILLED',
  'CANCELLED',
  'RETRIED',
  'SKIPPED',
]);

export function isTerminated(state: StateType): boolean {
  return TERMINATED.has(state);
}

/** CREATED or RESTARTED: waiting to be dispatched. */
export function isCreated(state: StateType): boolean {
  return state === 'CREATED' || state === 'RESTARTED';
}

export function isRunning(state: StateType): boolean {
  return state === 'RUNNING' || state === 'KILLING';
}

let lastTime = Number.NaN;
let lastText = '';

/** `date.toISOString()`, formatted once per millisecond (a run writes several dates in the same one). */
export function isoTime(date: Date): string {
  const time = date.getTime();
  if (time !== lastTime) {
    lastText = date.toISOString();
    lastTime = time;
  }
  return lastText;
}

export function newState(initial: StateType, now: Date): State {
  return { current: initial, histories: [{ state: initial, date: isoTime(now) }] };
}

/** Moves to `next`; setting the current state again is a no-op, as in Kestra. */
export function transition(state: State, next: StateType, now: Date): void {
  if (state.current === next) return;
  state.current = next;
  const entry = { state: next, date: isoTime(now) };
  const histories = state.histories;
  // Short histories (nearly all: CREATED, RUNNING, an end) are replaced by an array of their exact
  // size: a push grew the array to 17 slots, kept for as long as the execution.
  if (histories.length === 1) state.histories = [histories[0], entry];
  else if (histories.length === 2) state.histories = [histories[0], histories[1], entry];
  else histories.push(entry);
}

export function startDate(state: State): string {
  return state.histories[0].date;
}

/** Milliseconds from the first history to the last one (or to `now` while not terminated). */
export function durationMs(state: State, now: Date): number {
  const start = Date.parse(state.histories[0].date);
  const end =
    isTerminated(state.current) || state.current === 'PAUSED'
      ? Date.parse(state.histories[state.histories.length - 1].date)
      : now.getTime();
  return Math.max(0, end - start);
}

/**
 * The state of a parent from its children's states (`guessFinalState`): the first of KILLED, FAILED,
 * WARNING, PAUSED found, else SUCCESS. SKIPPED and CANCELLED count as success.
 */
export function guessFinalState(states: Iterable<StateType>): StateType {
  const seen = new Set(states);
  for (const candidate of ['KILLED', 'FAILED', 'WARNING', 'PAUSED'] as const) {
    if (seen.has(candidate)) return candidate;
  }
  return 'SUCCESS';
}

/** `allowFailure` turns FAILED into WARNING, then `allowWarning` turns WARNING into SUCCESS. */
export function applyAllowances(
  state: StateType,
  options: { allowFailure?: boolean; allowWarning?: boolean },
): StateType {
  let result = state;
  if (result === 'FAILED' && options.allowFailure) result = 'WARNING';
  if (result === 'WARNING' && options.allowWarning) result = 'SUCCESS';
  return result;
}
