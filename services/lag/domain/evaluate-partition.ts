import { allowedLagFor, type LagRules } from './rules';
import { lagOf, type OffsetSample } from './samples';
import type { PartitionStatus, StatusReason } from './status';

/** What the adapter learned about the newest sample beyond offsets. */
export interface PartitionFacts {
  /**
   * Between the committed offset and the log end there are only transaction markers (or aborted
   * records): the group has read everything there is to read, although log-end − committed > 0.
   */
  readonly onlyMarkersPending?: boolean;
}

export interface PartitionVerdict {
  readonly status: PartitionStatus;
  readonly reason: StatusReason;
  /** Share of the window filled (Burrow `Complete`): below `minSamples` the window rules wait. */
  readonly complete: number;
}

/**
 * Burrow's partition rules (core/internal/evaluator/caching.go, calculatePartitionStatus), in
 * Burrow's order, over a window of sampled offsets instead of Burrow's window of commits:
 *
 * 1. lag (at the newest sample, i.e. at request time) ≤ allowed lag → OK; so is a lag made only
 *    of transaction markers (facts.onlyMarkersPending: nothing left to read);
 * 2. STOP when nobody consumes: fast (a settled group with no live member owning the partition)
 *    or by time: now − lastActivity > lastActivity − windowStart, unless the lag was within
 *    the allowance at that last activity (Burrow's checkIfRecentLagZero);
 * 3. REWIND when the committed offset went back inside the window and has not recovered;
 * 4. when the lag exceeded the allowance at every sample: STALL if the offset never moved,
 *    WARN if the lag never decreased;
 * 5. otherwise OK.
 *
 * "Activity" is a committed offset that moved, or a live member holding the partition: our
 * samples cannot see commits that repeat the same offset, so a live owner stands in for Burrow's
 * stream of commits. Hence a live consumer stuck on one record is STALL, a dead one STOP.
 */
export function evaluatePartition(window: readonly OffsetSample[], rules: LagRules, group: string, now: number, facts: PartitionFacts = {}): PartitionVerdict {
  const complete = Math.min(1, window.length / rules.windowSize);
  const current = window[window.length - 1];
  if (!current) return { status: 'OK', reason: 'window-incomplete', complete };
  const allowed = allowedLagFor(rules, group);
  if (lagOf(current) <= allowed) return { status: 'OK', reason: 'within-allowed-lag', complete };
  if (facts.onlyMarkersPending) return { status: 'OK', reason: 'only-transaction-markers', complete };
  if (rules.fastStop && current.owner === 'none') return { status: 'STOP', reason: 'no-consumer', complete };
  const enough = window.length >= rules.minSamples;
  if (enough && isStopped(window, allowed, now)) return { status: 'STOP', reason: 'no-commit-for-window', complete };
  if (isRewound(window)) return { status: 'REWIND', reason: 'offset-went-back', complete };
  if (!enough) return { status: 'OK', reason: 'window-incomplete', complete };
  if (window.every((s) => lagOf(s) > allowed)) {
    if (window.every((s) => s.committed === current.committed)) return { status: 'STALL', reason: 'offset-unchanged', complete };
    if (window.every((s, i) => i === 0 || lagOf(s) >= lagOf(window[i - 1]!))) return { status: 'WARN', reason: 'lag-not-decreasing', complete };
  }
  return { status: 'OK', reason: 'progressing', complete };
}

/** Index of the newest sample showing the consumer alive: its offset moved, or a live member held the partition. */
function lastActivityIndex(window: readonly OffsetSample[]): number {
  for (let i = window.length - 1; i >= 0; i--) {
    const s = window[i]!;
    if (s.owner === 'member') return i;
    if (i > 0 && s.committed !== window[i - 1]!.committed) return i;
  }
  return 0;
}

function isStopped(window: readonly OffsetSample[], allowed: number, now: number): boolean {
  const i = lastActivityIndex(window);
  const last = window[i]!;
  const first = window[0]!;
  if (lagOf(last) <= allowed) return false;
  return now - last.at > last.at - first.at;
}

/** A committed offset lower than an earlier one in the window, still below the highest seen. */
function isRewound(window: readonly OffsetSample[]): boolean {
  let highest = -1;
  let wentBack = false;
  for (const s of window) {
    if (s.committed === null) continue;
    if (s.committed < highest) wentBack = true;
    highest = Math.max(highest, s.committed);
  }
  const current = window[window.length - 1]!.committed;
  return wentBack && current !== null && current < highest;
}
