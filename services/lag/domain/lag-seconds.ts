/**
 * Lag in seconds = how long the oldest record the group has not read has been waiting:
 * now − timestamp of the record at the committed offset (docs/adr/0009-lag-monitoring.md).
 *
 * kafkajs cannot fetch one record by offset without joining a group, but Kafka's time index can
 * answer the inverse question: ListOffsets by timestamp gives the earliest offset whose record
 * timestamp is ≥ t (`OffsetAtTime`). That function is non-decreasing in t, so the timestamp of
 * the record at offset C is the largest t with offsetAt(t) ≤ C — found by bisection, bracketed
 * by the log-end history the sampler already keeps (a few probes), widened when the history does
 * not reach back far enough. With non-monotonic producer timestamps this yields the newest
 * timestamp among records ≤ C, a lower bound of the wait.
 */
export type OffsetAtTime = (timestampMs: number) => Promise<number>;

export interface LogEndPoint {
  readonly at: number;
  readonly logEnd: number;
}

export interface TimeBracket {
  /** A time at or before the record was appended, when the history knows one. */
  readonly lo?: number;
  /** A time at or after the record was appended. */
  readonly hi: number;
}

/**
 * The record at `offset` was appended after the last sample whose log-end had not reached it and
 * by the first sample whose log-end passed it (interpolation bounds, as kafka-lag-exporter uses).
 * `slackMs` widens both sides for clock skew between producers and this process.
 */
export function bracketFromHistory(history: readonly LogEndPoint[], offset: number, now: number, slackMs: number): TimeBracket {
  let lo: number | undefined;
  let hi: number | undefined;
  for (const p of history) {
    if (p.logEnd <= offset) lo = p.at;
    else { hi = p.at; break; }
  }
  return { ...(lo !== undefined ? { lo: lo - slackMs } : {}), hi: (hi ?? now) + slackMs };
}

export interface SearchOptions {
  readonly resolutionMs: number;
  /** Upper bound on ListOffsets probes for one search (each widening or bisection step is one). */
  readonly maxProbes: number;
}

/**
 * Timestamp (ms) of the record at `offset`, to within `resolutionMs` (rounded down, so the lag in
 * seconds errs on the late side). null when the record is gone (retention) or the probes ran out.
 */
export async function recordTimestampAt(offset: number, offsetAt: OffsetAtTime, bracket: TimeBracket, opts: SearchOptions): Promise<number | null> {
  let probes = 0;
  const probe = async (t: number): Promise<number> => { probes++; return offsetAt(t); };
  let hi = bracket.hi;
  let step = Math.max(opts.resolutionMs, 1000);
  while ((await probe(hi)) <= offset) {
    // Its timestamp lies after `hi` (skewed or future producer clock): look later.
    if (probes >= opts.maxProbes) return null;
    hi += step;
    step *= 2;
  }
  let lo = bracket.lo ?? hi - step;
  step = Math.max(step, hi - lo);
  while (lo > 0 && (await probe(lo)) > offset) {
    if (probes >= opts.maxProbes) return null;
    hi = lo;
    step *= 2;
    lo = Math.max(0, lo - step);
  }
  if (lo === 0 && (await probe(0)) > offset) return null;
  while (hi - lo > opts.resolutionMs && probes < opts.maxProbes) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await probe(mid)) <= offset) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * No lag is no wait, however old the partition's last record is (an idle, caught-up partition
 * reads 0 s, not its age: kafka-lag-exporter #121). With lag, the wait keeps growing while
 * nobody reads, even if producers went quiet: that record really has been waiting that long.
 */
export function lagSecondsOf(lag: number, recordTimestamp: number | null, now: number): number | null {
  if (lag <= 0) return 0;
  if (recordTimestamp === null) return null;
  return Math.max(0, (now - recordTimestamp) / 1000);
}
