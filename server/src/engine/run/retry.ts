// Retry policies (`retry` on tasks, flowables and the flow): constant, exponential and random, with
// `maxAttempt` (counting the first attempt), `maxDuration`, `warningOnRetry` and `behavior`.
import { readDuration } from '../duration';

export type RetryBehavior = 'RETRY_FAILED_TASK' | 'CREATE_NEW_EXECUTION';

export interface RetryPolicy {
  type: 'constant' | 'exponential' | 'random';
  maxAttempt?: number;
  /** Milliseconds. */
  maxDuration?: number;
  warningOnRetry: boolean;
  behavior: RetryBehavior;
  interval?: number;
  maxInterval?: number;
  minInterval?: number;
  delayFactor?: number;
}

/** Reads a plain `retry` value; a message explains what is wrong when it cannot be used. */
export function readRetry(value: unknown): RetryPolicy | { error: string } | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    return { error: '`retry` must be a mapping with a `type`' };
  const plain = value as Record<string, unknown>;
  const type = plain.type;
  if (type !== 'constant' && type !== 'exponential' && type !== 'random') {
    return { error: `retry \`type\` must be constant, exponential or random, not \`${String(type)}\`` };
  }
  try {
    const policy: RetryPolicy = {
      type,
      warningOnRetry: plain.warningOnRetry === true,
      behavior: plain.behavior === 'CREATE_NEW_EXECUTION' ? 'CREATE_NEW_EXECUTION' : 'RETRY_FAILED_TASK',
    };
    if (typeof plain.maxAttempt === 'number') policy.maxAttempt = plain.maxAttempt;
    policy.maxDuration = readDuration(plain.maxDuration);
    policy.interval = readDuration(plain.interval);
    policy.maxInterval = readDuration(plain.maxInterval);
    policy.minInterval = readDuration(plain.minInterval);
    if (typeof plain.delayFactor === 'number') policy.delayFactor = plain.delayFactor;
    const required: Record<RetryPolicy['type'], (keyof RetryPolicy)[]> = {
      constant: ['interval'],
      exponential: ['interval', 'maxInterval'],
      random: ['minInterval', 'maxInterval'],
    };
    const missing = required[type].filter((key) => policy[key] === undefined);
    if (missing.length)
      return { error: `a ${type} retry needs ${missing.map((k) => `\`${k}\``).join(' and ')}` };
    return policy;
  } catch (error) {
    return { error: `retry: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Delay before the next attempt, from the end of the last one (AbstractRetry.nextRetryDate). */
export function retryDelay(
  policy: RetryPolicy,
  attemptCount: number,
  random: () => number = Math.random,
): number {
  switch (policy.type) {
    case 'constant':
      return policy.interval ?? 0;
    case 'exponential': {
      const factor = policy.delayFactor === undefined ? 2 : Math.trunc(policy.delayFactor);
      const computed = (policy.interval ?? 0) * factor * (attemptCount - 1);
      return Math.min(computed, policy.maxInterval ?? computed);
    }
    case 'random': {
      const min = policy.minInterval ?? 0;
      const max = policy.maxInterval ?? min;
      return max > min ? min + Math.floor(random() * (max - min)) : min;
    }
  }
}

/**
 * When the next attempt is due (epoch ms), or undefined when no retry applies: `maxAttempt` reached
 * or the date passes `firstAttemptStart + maxDuration` (TaskRun.nextRetryDate).
 */
export function nextRetryAt(
  policy: RetryPolicy,
  attempts: { count: number; firstStart: number; lastEnd: number },
  random?: () => number,
): number | undefined {
  if (attempts.count === 0) return undefined;
  if (policy.maxAttempt !== undefined && attempts.count >= policy.maxAttempt) return undefined;
  const next = attempts.lastEnd + retryDelay(policy, attempts.count, random);
  if (policy.maxDuration !== undefined && next > attempts.firstStart + policy.maxDuration) return undefined;
  return next;
}
