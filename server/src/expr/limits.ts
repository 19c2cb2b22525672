// Resource limits of one render (shared with the renders it triggers through `render()`), so that no
// template can hang or exhaust memory: evaluation steps, nesting depth and output size.
import { PebbleError } from './errors';
import { isMap, type PebbleValue } from './values';

export interface RenderLimits {
  /** Expression and statement evaluations per render (default 1,000,000). */
  maxSteps?: number;
  /** Nested macro calls and `render()` calls (default 100). */
  maxDepth?: number;
  /** Characters of output, counting nested captures (default 50 MB). */
  maxOutput?: number;
}

export const DEFAULT_LIMITS: Readonly<Required<RenderLimits>> = Object.freeze({
  maxSteps: 1_000_000,
  maxDepth: 100,
  maxOutput: 50 * 1024 * 1024,
});

/**
 * The size of each list and map a render built, shared parts counted every time they appear: a value
 * that nests itself (`{% set l = [l, l] %}` in a loop) is small in memory but prints, compares and
 * serialises as the whole tree. Values from the caller's variables are not here and count as one.
 */
interface Size {
  entries: number;
  characters: number;
}
const sizes = new WeakMap<object, Size>();

function sizeOf(value: PebbleValue): Size {
  if (typeof value === 'string') return { entries: 1, characters: value.length };
  return (typeof value === 'object' && value !== null && sizes.get(value)) || { entries: 1, characters: 1 };
}

export class Budget {
  private steps = 0;
  private depth = 0;
  private output = 0;
  readonly limits: Readonly<Required<RenderLimits>>;

  constructor(limits?: RenderLimits) {
    // Most renders use the defaults: no copy of them for each.
    this.limits = limits ? { ...DEFAULT_LIMITS, ...limits } : DEFAULT_LIMITS;
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

  /**
   * Charges a value an expression just built: a string beyond the output limit stops the render; a new
   * list or map costs a step per entry, and stops the render when, shared parts counted each time,
   * it holds more entries than the step limit or more characters than the output limit.
   * `chargeSteps` false: the steps were charged before the value was built (`range`).
   */
  charge<T extends PebbleValue>(value: T, chargeSteps = true): T {
    if (typeof value === 'string') {
      if (value.length > this.limits.maxOutput) this.write(value.length);
      return value;
    }
    if (typeof value !== 'object' || value === null || sizes.has(value)) return value;
    const children = Array.isArray(value) ? value : isMap(value) ? Object.values(value) : undefined;
    if (!children) return value;
    if (chargeSteps) this.step(children.length);
    const size: Size = { entries: 1, characters: 2 };
    for (const child of children) {
      const part = sizeOf(child);
      size.entries += part.entries;
      size.characters += part.characters + 1;
    }
    if (size.characters > this.limits.maxOutput) this.write(size.characters);
    if (size.entries > this.limits.maxSteps) {
      throw new PebbleError(
        `Rendering stopped: the template builds a value of more than ${this.limits.maxSteps} entries (a list or map nested in itself?).`,
        'limit',
      );
    }
    sizes.set(value, size);
    return value;
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
