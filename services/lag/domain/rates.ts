import type { OffsetSample } from './samples';

export interface PartitionRates {
  /** Messages per second the group committed over the window (0 when it went back). null: not enough data. */
  readonly consumptionPerSecond: number | null;
  /** Messages per second appended to the partition over the window. */
  readonly productionPerSecond: number | null;
}

/** Rates over the whole window: first and last samples, so one late poll does not swing them. */
export function ratesOf(window: readonly OffsetSample[]): PartitionRates {
  const first = window[0];
  const last = window[window.length - 1];
  if (!first || !last || last.at <= first.at) return { consumptionPerSecond: null, productionPerSecond: null };
  const seconds = (last.at - first.at) / 1000;
  // Consumption counts from the first commit inside the window (a new group starts uncommitted).
  const firstCommit = window.find((s) => s.committed !== null);
  const consumed = firstCommit && last.committed !== null && last.at > firstCommit.at
    ? Math.max(0, last.committed - firstCommit.committed!) / ((last.at - firstCommit.at) / 1000)
    : null;
  return { consumptionPerSecond: consumed, productionPerSecond: Math.max(0, last.logEnd - first.logEnd) / seconds };
}
