// One attempt of a runnable (or Subflow) task run: `timeout`, abort on kill, outcome → attempt state,
// then retry (task, nearest ancestor, flow policy) or the final state with warningOnRetry,
// allowFailure and allowWarning applied.
import { formatClock, readDuration } from '../duration';
import type { TaskDef } from '../flow/flow-definition';
import { newState, transition, type StateType } from '../state';
import type { ExecutionRunner } from './executor';
import { messageOf } from './executor';
import type { TaskRun } from './execution';
import { TaskFailure, type RunnableHandler, type RunnableResult } from './handlers';
import { nextRetryAt, readRetry, retryDelay, type RetryPolicy } from './retry';
import { TaskContext } from './task-context';
import { AttemptAbort } from './attempt-abort';
import { runIndex } from './task-run-index';

export { AttemptAbort } from './attempt-abort';

class TimeoutReason extends Error {
  constructor(readonly ms: number) {
    super(`Timeout after ${formatClock(ms)}`);
  }
}

type Outcome =
  | { kind: 'ok'; result: RunnableResult }
  | { kind: 'failed'; message: string; outputs?: RunnableResult['outputs'] }
  | { kind: 'timeout'; message: string }
  | { kind: 'killed' };

export function startAttempt(
  runner: ExecutionRunner,
  run: TaskRun,
  def: TaskDef,
  handler: RunnableHandler,
): void {
  const controller = new AttemptAbort();
  // Variables are built before the attempt is recorded: `taskrun.attemptsCount` counts earlier ones.
  const ctx = new TaskContext(runner, run, def, controller, run.attempts.length);
  let timeoutMs: number | undefined;
  let setupError: string | undefined;
  if (!handler.ignoresTimeout && def.props.timeout !== undefined && def.props.timeout !== null) {
    try {
      timeoutMs = readDuration(ctx.renderProp('timeout'));
    } catch (error) {
      setupError = `Invalid timeout: ${messageOf(error)}`;
    }
  }
  const attempt = { state: newState('RUNNING', runner.now()) };
  // The first attempt makes an array of one (pushing to the empty one grew it to 17 slots).
  if (run.attempts.length === 0) run.attempts = [attempt];
  else run.attempts.push(attempt);
  runner.inFlight.set(run.id, controller);
  let timer: NodeJS.Timeout | undefined;
  if (timeoutMs !== undefined) {
    const ms = timeoutMs;
    timer = setTimeout(() => controller.abort(new TimeoutReason(ms)), ms);
  }
  const work = setupError !== undefined ? Promise.reject(new TaskFailure(setupError)) : handler.run(ctx);
  settleAttempt(runner, run, def, work, controller, timer);
}

/** When the attempt's work settles, queues its completion on the executor loop (counted as pending). */
function settleAttempt(
  runner: ExecutionRunner,
  run: TaskRun,
  def: TaskDef,
  work: Promise<RunnableResult | void>,
  controller: AttemptAbort,
  timer: NodeJS.Timeout | undefined,
): void {
  runner.beginWork();
  // Inline callbacks: a named closure costs a defineProperty per attempt in the bundles (keepNames).
  work.then(
    (result) => settled(runner, run, def, timer, { kind: 'ok', result: result ?? {} }),
    (error: unknown) => settled(runner, run, def, timer, failedOutcome(error, controller)),
  );
}

function settled(
  runner: ExecutionRunner,
  run: TaskRun,
  def: TaskDef,
  timer: NodeJS.Timeout | undefined,
  outcome: Outcome,
): void {
  if (timer) clearTimeout(timer);
  runner.post(() => {
    runner.inFlight.delete(run.id);
    completeAttempt(runner, run, def, outcome);
  });
  runner.endWork();
}

function failedOutcome(error: unknown, controller: AttemptAbort): Outcome {
  const reason: unknown = controller.reason;
  if (controller.aborted && reason instanceof TimeoutReason)
    return { kind: 'timeout', message: reason.message };
  if (controller.aborted) return { kind: 'killed' };
  return {
    kind: 'failed',
    message: messageOf(error),
    outputs: error instanceof TaskFailure ? error.outputs : undefined,
  };
}

function completeAttempt(runner: ExecutionRunner, run: TaskRun, def: TaskDef, outcome: Outcome): void {
  const attempt = run.attempts[run.attempts.length - 1];
  let state: StateType;
  let error: string | undefined;
  switch (outcome.kind) {
    case 'ok':
      run.outputs = outcome.result.outputs ?? {};
      state = outcome.result.state ?? 'SUCCESS';
      error = outcome.result.error;
      break;
    case 'failed':
      run.outputs = outcome.outputs ?? {};
      state = 'FAILED';
      error = outcome.message;
      runner.log(run, def, 'ERROR', outcome.message);
      break;
    case 'timeout':
      run.outputs = {};
      state = 'FAILED';
      error = outcome.message;
      runner.log(run, def, 'ERROR', outcome.message);
      break;
    case 'killed':
      state = 'KILLED';
      error = 'Killed';
      break;
  }
  transition(attempt.state, state, runner.now());
  const policy = findRetry(runner, run, def);
  if (
    state === 'FAILED' &&
    policy &&
    runner.execution.state.current !== 'KILLING' &&
    scheduleRetry(runner, run, def, policy, error)
  )
    return;
  if (state === 'SUCCESS' && policy?.warningOnRetry && run.attempts.length > 1) state = 'WARNING';
  if (state === 'FAILED' && def.props.allowFailure === true) state = 'WARNING';
  if (state === 'WARNING' && def.props.allowWarning === true) state = 'SUCCESS';
  runner.finish(run, state, error);
}

/** The task's `retry`, else the nearest ancestor's, else the flow's. */
function findRetry(runner: ExecutionRunner, run: TaskRun, def: TaskDef): RetryPolicy | undefined {
  let candidate: unknown = def.props.retry;
  let parentId = run.parentTaskRunId;
  for (;;) {
    const policy = readRetry(candidate);
    if (policy !== undefined) {
      if (!('error' in policy)) return policy;
      runner.log(run, def, 'WARN', `Retry ignored: ${policy.error}`);
      return undefined;
    }
    if (parentId === undefined) break;
    const parentRun = runIndex(runner.execution).get(parentId);
    candidate = parentRun ? runner.defs.get(parentRun.id)?.props.retry : undefined;
    parentId = parentRun?.parentTaskRunId;
  }
  const policy = readRetry(runner.flow.retry);
  if (policy === undefined || !('error' in policy)) return policy;
  runner.log(run, def, 'WARN', `Retry ignored: ${policy.error}`);
  return undefined;
}

/** Schedules the next attempt when the policy allows one; the run waits in RETRYING. */
function scheduleRetry(
  runner: ExecutionRunner,
  run: TaskRun,
  def: TaskDef,
  policy: RetryPolicy,
  error: string | undefined,
): boolean {
  const lastHistories = run.attempts[run.attempts.length - 1].state.histories;
  const lastEnd = Date.parse(lastHistories[lastHistories.length - 1].date);
  if (policy.behavior === 'CREATE_NEW_EXECUTION') {
    // Counted per execution: attempt number and first creation date of the original execution.
    const metadata = runner.execution.metadata;
    if (policy.maxAttempt !== undefined && metadata.attemptNumber >= policy.maxAttempt) return false;
    const due = lastEnd + retryDelay(policy, metadata.attemptNumber);
    if (
      policy.maxDuration !== undefined &&
      due > Date.parse(metadata.originalCreatedDate) + policy.maxDuration
    )
      return false;
    runner.setState(run, 'FAILED');
    runner.log(
      run,
      def,
      'WARN',
      `Task failed; the execution is marked RETRIED and a new execution starts in ${formatClock(Math.max(0, due - runner.now().getTime()))}.`,
    );
    runner.retryWithNewExecution(run, due, error);
    return true;
  }
  const due = nextRetryAt(policy, {
    count: run.attempts.length,
    firstStart: Date.parse(run.attempts[0].state.histories[0].date),
    lastEnd,
  });
  if (due === undefined) return false;
  runner.setState(run, 'FAILED');
  runner.setState(run, 'RETRYING');
  runner.setExecutionState('RETRYING');
  const waitMs = Math.max(0, due - runner.now().getTime());
  const of = policy.maxAttempt ? ` of ${policy.maxAttempt}` : '';
  runner.log(
    run,
    def,
    'WARN',
    `Attempt ${run.attempts.length} failed; retrying in ${formatClock(waitMs)} (attempt ${run.attempts.length + 1}${of}).`,
  );
  runner.schedule(due, () => {
    if (run.state.current !== 'RETRYING') return;
    runner.setState(run, 'CREATED');
    if (!runner.execution.taskRuns.some((r) => r.state.current === 'RETRYING'))
      runner.setExecutionState('RUNNING');
  });
  return true;
}
