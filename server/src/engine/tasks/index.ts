// The task types the embedded engine runs, by canonical class name (see flow/task-types.ts).
import type { TaskHandler } from '../run/handlers';
import { allowFailureTask } from './allow-failure';
import { dagTask } from './dag';
import { downloadTask } from './download';
import { eachParallelTask } from './each-parallel';
import { eachSequentialTask } from './each-sequential';
import { echoTask } from './echo';
import { failTask } from './fail';
import { forEachTask } from './for-each';
import { ifTask } from './if';
import { kvDeleteTask } from './kv-delete';
import { kvGetKeysTask } from './kv-get-keys';
import { kvGetTask } from './kv-get';
import { kvSetTask } from './kv-set';
import { labelsTask } from './labels';
import { logTask } from './log';
import { outputValuesTask } from './output-values';
import { parallelTask } from './parallel';
import { pauseTask } from './pause';
import { requestTask } from './request';
import { returnTask } from './return';
import { sequentialTask } from './sequential';
import { sleepTask } from './sleep';
import { subflowTask } from './subflow';
import { switchTask } from './switch';
import { TEMPLATED_TASK, templatedTask } from './templated-task';
import { waitForTask } from './wait-for';

const CORE = 'io.kestra.plugin.core';

export const TASK_HANDLERS: ReadonlyMap<string, TaskHandler> = new Map<string, TaskHandler>([
  [`${CORE}.http.Request`, requestTask],
  [`${CORE}.http.Download`, downloadTask],
  [`${CORE}.log.Log`, logTask],
  [`${CORE}.debug.Return`, returnTask],
  [`${CORE}.debug.Echo`, echoTask],
  [`${CORE}.output.OutputValues`, outputValuesTask],
  [`${CORE}.flow.Sleep`, sleepTask],
  [`${CORE}.execution.Fail`, failTask],
  [`${CORE}.execution.Labels`, labelsTask],
  [`${CORE}.kv.Set`, kvSetTask],
  [`${CORE}.kv.Get`, kvGetTask],
  [`${CORE}.kv.GetKeys`, kvGetKeysTask],
  [`${CORE}.kv.Delete`, kvDeleteTask],
  [TEMPLATED_TASK, templatedTask],
  [`${CORE}.flow.Sequential`, sequentialTask],
  [`${CORE}.flow.Parallel`, parallelTask],
  [`${CORE}.flow.If`, ifTask],
  [`${CORE}.flow.Switch`, switchTask],
  [`${CORE}.flow.ForEach`, forEachTask],
  [`${CORE}.flow.EachSequential`, eachSequentialTask],
  [`${CORE}.flow.EachParallel`, eachParallelTask],
  [`${CORE}.flow.Dag`, dagTask],
  [`${CORE}.flow.AllowFailure`, allowFailureTask],
  [`${CORE}.flow.Pause`, pauseTask],
  [`${CORE}.flow.WaitFor`, waitForTask],
  [`${CORE}.flow.Subflow`, subflowTask],
]);
