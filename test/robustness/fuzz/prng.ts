// A small seeded PRNG (mulberry32) so that every fuzz run can be replayed from its seed alone.

export class Prng {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max] (both included). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(0, items.length - 1)];
  }

  /** Picks by weight: `[[weight, value], …]`. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1][1];
  }
}

/**
 * The seed of a run: `FUZZ_SEED` when set (a number, or `random` for a fresh one), else `fallback`.
 * A bad value is an error, so that a typo never silently runs another seed.
 */
export function seedFromEnv(fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.FUZZ_SEED?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'random') return (Date.now() ^ (process.pid << 16)) >>> 0;
  if (!/^\d+$/.test(raw) || Number(raw) > 0xffffffff) {
    throw new Error(`FUZZ_SEED must be an integer from 0 to 4294967295 or "random", got "${raw}".`);
  }
  return Number(raw);
}
