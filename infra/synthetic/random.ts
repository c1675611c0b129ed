import { mulberry32 } from '../../services/platform/chile';

/**
 * Seeded randomness for the generator. Every draw comes from `mulberry32` (never Math.random),
 * and every family draws from its own stream derived from (seed, family index, purpose), so:
 * - the same seed gives the same bytes, whatever is written (`--only` changes no other draw);
 * - a family's data does not depend on how many draws earlier families made, which keeps
 *   streaming generation O(1) in memory and lets a test rebuild one family alone.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the items, chosen with the given (non-negative, not all zero) weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

export function rngFrom(next: () => number): Rng {
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => p > 0 && next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    weighted: (items) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        if (r < w) return item;
        r -= w;
      }
      return items[items.length - 1]![0];
    },
  };
  return rng;
}

/** Purposes of the per-family streams; a new purpose must take a new number. */
export const STREAM = { world: 1, trajectory: 2, noise: 3, invalid: 4, reference: 5, bulk: 6 } as const;

/** The stream of one purpose: mulberry32 over a 32-bit hash of the seed and the path. */
export function rngOf(seed: number, ...path: readonly number[]): Rng {
  return rngFrom(mulberry32(mixSeed(seed, path)));
}

/** A 32-bit hash of a seed and a path of integers (murmur3's finaliser per element). */
export function mixSeed(seed: number, path: readonly number[]): number {
  let h = fmix32((seed | 0) ^ 0x9e3779b9);
  for (const p of path) h = fmix32(h ^ fmix32((p | 0) + 0x7f4a7c15));
  return h | 0;
}

function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A stable 32-bit hash of a string (FNV-1a), to derive streams from names such as a unit code. */
export function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
