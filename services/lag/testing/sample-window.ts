import type { OffsetSample, Ownership } from '../domain/samples';

/**
 * Builds a window of samples one interval apart from compact rows: [committed, logEnd] or
 * [committed, logEnd, owner]. Owner defaults to a live member. Times start at `start`.
 */
export function windowOf(rows: readonly (readonly [number | null, number, Ownership?])[], opts: { start?: number; intervalMs?: number; low?: number } = {}): OffsetSample[] {
  const start = opts.start ?? 1_000_000;
  const interval = opts.intervalMs ?? 5000;
  return rows.map(([committed, logEnd, owner], i) => ({ at: start + i * interval, committed, logEnd, low: opts.low ?? 0, owner: owner ?? 'member' }));
}

/** The time of the last sample of a window built by windowOf (plus `afterMs`). */
export function endOf(window: readonly OffsetSample[], afterMs = 0): number {
  return window[window.length - 1]!.at + afterMs;
}
