import { seededRandom } from "../../src/engine/confidence.js";

/** A small seeded PRNG (mulberry32) so every fuzz run generates the same payloads. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A random subset (order kept). */
  subset<T>(items: readonly T[], p?: number): T[];
}

export function createRng(seed: number): Rng {
  // The engine's own mulberry32: one generator for the whole project, same sequence as before.
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    subset: <T>(items: readonly T[], p = 0.3) => items.filter(() => next() < p),
  };
}
