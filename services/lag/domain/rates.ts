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
  const consumed = first.committed !== null && last.committed !== null ? Math.max(0, last.committed - first.committed) / seconds : null;
  return { consumptionPerSecond: consumed, productionPerSecond: Math.max(0, last.logEnd - first.logEnd) / seconds };
}
