// Logs of an execution: a task's `logLevel` drops lower levels, secret values are masked, and each
// entry becomes a `log` event.
import { isLogLevel, levelRank, type LogLevel, type RunEvent } from '../events';
import { isoTime } from '../state';
import type { TaskDef } from '../flow/flow-definition';
import type { TaskRun } from './execution';
import type { SecretMasker } from './log-masking';

export class RunLogger {
  constructor(
    private readonly emit: (event: RunEvent) => void,
    readonly masker: SecretMasker,
    private readonly now: () => Date = () => new Date(),
  ) {}

  log(run: TaskRun | undefined, task: TaskDef | undefined, level: LogLevel, message: string): void {
    const minimum = task?.props.logLevel;
    if (isLogLevel(minimum) && levelRank(level) < levelRank(minimum)) return;
    this.emit({
      event: 'log',
      time: isoTime(this.now()),
      level,
      message: this.masker.mask(message),
      ...(run ? { taskRunId: run.id, taskId: run.taskId } : {}),
    });
  }
}
