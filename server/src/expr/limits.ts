// Resource limits of one render (shared with the renders it triggers through `render()`), so that no
// template can hang or exhaust memory: evaluation steps, nesting depth and output size.
import { PebbleError } from './errors';

export interface RenderLimits {
  /** Expression and statement evaluations per render (default 1,000,000). */
  maxSteps?: number;
  /** Nested macro calls and `render()` calls (default 100). */
  maxDepth?: number;
  /** Characters of output, counting nested captures (default 50 MB). */
  maxOutput?: number;
}

export const DEFAULT_LIMITS: Required<RenderLimits> = {
  maxSteps: 1_000_000,
  maxDepth: 100,
  maxOutput: 50 * 1024 * 1024,
};

export class Budget {
  private steps = 0;
  private depth = 0;
  private output = 0;
  readonly limits: Required<RenderLimits>;

  constructor(limits: RenderLimits = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  step(count = 1): void {
    this.steps += count;
    if (this.steps > this.limits.maxSteps) {
      throw new PebbleError(
        `Rendering stopped: the template needs more than ${this.limits.maxSteps} evaluation steps (a loop or range too large?).`,
        'limit',
      );
    }
  }

  write(length: number): void {
    this.output += length;
    if (this.output > this.limits.maxOutput) {
      throw new PebbleError(
        `Rendering stopped: the output exceeds ${this.limits.maxOutput} characters.`,
        'limit',
      );
    }
  }

  /** Runs `body` one nesting level deeper. */
  nested<T>(what: string, body: () => T): T {
    if (this.depth >= this.limits.maxDepth) {
      throw new PebbleError(
        `Rendering stopped: ${what} nested more than ${this.limits.maxDepth} levels deep (infinite recursion?).`,
        'limit',
      );
    }
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }
}
