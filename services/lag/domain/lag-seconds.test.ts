import { bracketFromHistory, lagSecondsOf, recordTimestampAt, type OffsetAtTime } from './lag-seconds';

/** Kafka's ListOffsets-by-time over an in-memory log: earliest offset with timestamp ≥ t, else log-end. */
function logOf(timestamps: readonly number[], low = 0): { offsetAt: OffsetAtTime; probes: () => number } {
  let probes = 0;
  return {
    probes: () => probes,
    offsetAt: async (t) => {
      probes++;
      for (let o = low; o < timestamps.length; o++) if (timestamps[o]! >= t) return o;
      return timestamps.length;
    },
  };
}

const T0 = 1_800_000_000_000;

describe('lag in seconds from the record at the committed offset', () => {
  // One record every 2 s; record i was appended at T0 + 2000 i.
  const timestamps = Array.from({ length: 100 }, (_, i) => T0 + 2000 * i);

  it('Given a bracket from the log-end history, When searching offset 40, Then the record timestamp is found within the resolution in a few probes', async () => {
    const log = logOf(timestamps);
    const bracket = bracketFromHistory([{ at: T0 + 75_000, logEnd: 38 }, { at: T0 + 85_000, logEnd: 43 }], 40, T0 + 200_000, 1000);
    expect(bracket).toEqual({ lo: T0 + 74_000, hi: T0 + 86_000 });
    const ts = await recordTimestampAt(40, log.offsetAt, bracket, { resolutionMs: 100, maxProbes: 40 });
    expect(ts).not.toBeNull();
    expect(T0 + 80_000 - ts!).toBeGreaterThanOrEqual(0);
    expect(T0 + 80_000 - ts!).toBeLessThanOrEqual(100);
    expect(log.probes()).toBeLessThanOrEqual(9);
  });

  it('Given no history reaching back to the offset, When searching, Then the bracket widens backwards and still finds it', async () => {
    const log = logOf(timestamps);
    const ts = await recordTimestampAt(3, log.offsetAt, { hi: T0 + 198_000 }, { resolutionMs: 100, maxProbes: 60 });
    expect(T0 + 6000 - ts!).toBeGreaterThanOrEqual(0);
    expect(T0 + 6000 - ts!).toBeLessThanOrEqual(100);
  });

  it('Given a producer clock ahead of ours (record later than the bracket), When searching, Then it looks later and finds it', async () => {
    const log = logOf(timestamps);
    const ts = await recordTimestampAt(90, log.offsetAt, { lo: T0, hi: T0 + 100_000 }, { resolutionMs: 100, maxProbes: 60 });
    expect(Math.abs(T0 + 180_000 - ts!)).toBeLessThanOrEqual(100);
  });

  it('Given a record already deleted by retention, When searching, Then null (unknown, not a made-up number)', async () => {
    const log = logOf(timestamps, 50);
    expect(await recordTimestampAt(10, log.offsetAt, { hi: T0 + 198_000 }, { resolutionMs: 100, maxProbes: 60 })).toBeNull();
  });

  it('Given a probe budget too small, When searching far back, Then null rather than a wrong answer', async () => {
    const log = logOf(timestamps);
    expect(await recordTimestampAt(0, log.offsetAt, { hi: T0 + 198_000 }, { resolutionMs: 1, maxProbes: 2 })).toBeNull();
  });

  it('Given no lag, When the partition has been idle for an hour, Then 0 s (caught up is not late)', () => {
    expect(lagSecondsOf(0, T0, T0 + 3_600_000)).toBe(0);
  });

  it('Given lag and an old record at the committed offset, When producers are idle, Then the wait keeps growing with the clock', () => {
    expect(lagSecondsOf(3, T0, T0 + 90_000)).toBe(90);
    expect(lagSecondsOf(3, T0, T0 + 150_000)).toBe(150);
    expect(lagSecondsOf(3, null, T0)).toBeNull();
  });
});
