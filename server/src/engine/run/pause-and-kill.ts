// Two transitions of the executor that involve waiting: pausing a run (Pause, WaitFor) until a timer
// or the user resumes it, and killing the execution (created, retrying and paused runs end KILLED,
// flowables once their started children ended, then the execution).
import { isCreated, isTerminated } from '../state';
import type { TaskRun } from './execution';
import type { ExecutionRunner } from './executor';
import type { PauseRequest } from './task-context';
import { runIndex } from './task-run-index';

export function pauseRun(runner: ExecutionRunner, run: TaskRun, request: PauseRequest): void {
  const execution = runner.execution;
  runner.setState(run, 'PAUSED');
  runner.setExecutionState('PAUSED');
  const leavePause = () => {
    if (!execution.taskRuns.some((r) => r.state.current === 'PAUSED')) runner.setExecutionState('RUNNING');
  };
  const resume = () => {
    if (run.state.current !== 'PAUSED') return;
    runner.setState(run, 'RUNNING');
    leavePause();
    request.onResume?.();
  };
  const fail = (message: string) => {
    if (run.state.current !== 'PAUSED') return;
    runner.log(run, runner.defs.get(run.id), 'ERROR', message);
    runner.finish(run, 'FAILED', message);
    leavePause();
  };
  if (request.resumeAt !== undefined) {
    runner.schedule(request.resumeAt, resume);
  } else if (request.failAt !== undefined) {
    runner.schedule(request.failAt, () => fail(request.failMessage ?? 'Pause timed out'));
  } else if (request.manual) {
    const manual = request.manual;
    const confirm = runner.confirm;
    if (!confirm) {
      runner.post(() => fail(manual.unattendedMessage));
      return;
    }
    const controller = new AbortController();
    runner.inFlight.set(run.id, controller);
    const answered = (work: () => void) =>
      runner.post(() => {
        runner.inFlight.delete(run.id);
        work();
      });
    runner.track(
      confirm(manual.question, controller.signal).then(
        (yes) => answered(() => (yes ? resume() : fail(manual.declinedMessage))),
        () => answered(() => undefined),
      ),
    );
  }
}

/** One step while KILLING; true when something changed. */
export function stepKilling(runner: ExecutionRunner): boolean {
  const execution = runner.execution;
  let changed = false;
  for (const run of execution.taskRuns) {
    const state = run.state.current;
    if (isCreated(state) || state === 'RETRYING' || state === 'PAUSED') {
      runner.finish(run, 'KILLED', 'Killed');
      changed = true;
    }
  }
  for (const run of runner.runningFlowables()) {
    const children = runIndex(execution).childrenOf(run.id);
    if (children.every((child) => isTerminated(child.state.current))) {
      runner.finish(run, 'KILLED', 'Killed');
      changed = true;
    }
  }
  if (execution.taskRuns.every((r) => isTerminated(r.state.current))) {
    runner.setExecutionState('KILLED');
    return true;
  }
  return changed;
}
