import type { LagRules } from './rules';

/**
 * Who holds a partition when it was sampled: a live member of the group ('member'), nobody
 * while the group is settled ('none': Empty, or Stable without an assignment for it), or not
 * known (the group is rebalancing, or its description failed).
 */
export type Ownership = 'member' | 'none' | 'unknown';

/** One observation of a group's partition, taken by the sampler at `at` (ms since the epoch). */
export interface OffsetSample {
  readonly at: number;
  /** The group's committed offset: the next offset it will read. null: no commit yet. */
  readonly committed: number | null;
  /** Log-end offset (last stable offset: what a read_committed consumer can reach). */
  readonly logEnd: number;
  /** Earliest retained offset: where a group without a commit would start. */
  readonly low: number;
  readonly owner: Ownership;
}

/** Lag in messages: log-end minus committed (minus the earliest retained offset when nothing was committed). */
export function lagOf(s: Pick<OffsetSample, 'committed' | 'logEnd' | 'low'>): number {
  return Math.max(0, s.logEnd - (s.committed ?? s.low));
}

/**
 * Appends a sample to a partition's window (returns a new array). A sample within
 * `minDistanceMs` of the last one replaces it; the window keeps the newest `windowSize`.
 */
export function appendSample(window: readonly OffsetSample[], sample: OffsetSample, rules: Pick<LagRules, 'windowSize' | 'minDistanceMs'>): OffsetSample[] {
  const last = window[window.length - 1];
  if (last && sample.at < last.at) return [...window];
  const base = last && sample.at - last.at < rules.minDistanceMs ? window.slice(0, -1) : window;
  const next = [...base, sample];
  return next.length > rules.windowSize ? next.slice(next.length - rules.windowSize) : next;
}

/** Keeps the newest `max` items (history rings for charts). */
export function pushBounded<T>(items: readonly T[], item: T, max: number): T[] {
  const next = [...items, item];
  return next.length > max ? next.slice(next.length - max) : next;
}
