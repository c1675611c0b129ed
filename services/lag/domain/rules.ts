/**
 * How lag is judged: Burrow's knobs (window of `intervals` samples, `min-distance`,
 * `minimum-complete`, `allowed-lag`) plus the hub's fast STOP. Parsed once from configuration
 * (services/lag/config.ts) and passed in; nothing here reads the environment.
 */
export interface LagRules {
  /** Samples kept per partition: the sliding window (Burrow `intervals`, default 10). */
  readonly windowSize: number;
  /** A sample closer than this to the previous one replaces it (Burrow `min-distance`), so request-time samples do not flood the window. */
  readonly minDistanceMs: number;
  /** Samples needed before the window rules (STOP by time, STALL, WARN) apply; fewer is OK, marked incomplete (Burrow `minimum-complete`). */
  readonly minSamples: number;
  /** Lag at or below this is OK whatever its trend (Burrow `allowed-lag`, default 0). */
  readonly allowedLag: number;
  /** Per-group overrides of `allowedLag` (e.g. a bulk delivery group that legitimately runs behind). */
  readonly allowedLagByGroup: Readonly<Record<string, number>>;
  /**
   * Fast STOP: a partition with lag that no live member of its group owns (group Empty, or
   * Stable without it) is STOP at once, without waiting for the window to age (Burrow #303).
   */
  readonly fastStop: boolean;
}

export const DEFAULT_RULES: LagRules = {
  windowSize: 10,
  minDistanceMs: 1000,
  minSamples: 3,
  allowedLag: 0,
  allowedLagByGroup: {},
  fastStop: true,
};

export function allowedLagFor(rules: LagRules, group: string): number {
  return rules.allowedLagByGroup[group] ?? rules.allowedLag;
}
