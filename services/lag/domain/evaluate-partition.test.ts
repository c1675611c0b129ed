import { evaluatePartition } from './evaluate-partition';
import { DEFAULT_RULES, type LagRules } from './rules';
import { endOf, windowOf } from '../testing/sample-window';

const rules: LagRules = { ...DEFAULT_RULES, windowSize: 5, minSamples: 3, allowedLag: 0, fastStop: true };

describe('evaluatePartition (Burrow rules over sampled offsets)', () => {
  it('Given lag at or below the allowed lag at the newest sample, When evaluated, Then OK whatever the trend', () => {
    const w = windowOf([[0, 10], [0, 20], [0, 30], [0, 40], [35, 40]]);
    expect(evaluatePartition(w, { ...rules, allowedLag: 5 }, 'g', endOf(w))).toMatchObject({ status: 'OK', reason: 'within-allowed-lag' });
  });

  it('Given a per-group allowed lag, When another group has the same window, Then only the listed group is tolerated', () => {
    const w = windowOf([[0, 10], [0, 20], [0, 30]]);
    const r = { ...rules, allowedLagByGroup: { bulk: 100 } };
    expect(evaluatePartition(w, r, 'bulk', endOf(w)).status).toBe('OK');
    expect(evaluatePartition(w, r, 'other', endOf(w)).status).toBe('STALL');
  });

  it('Given a consumer that caught up (lag 0 now), When evaluated, Then OK', () => {
    const w = windowOf([[0, 50], [20, 50], [40, 50], [50, 50]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w)).status).toBe('OK');
  });

  it('Given lag and no live member owning the partition, When fast STOP is on, Then STOP at once, even with one sample', () => {
    const w = windowOf([[10, 25, 'none']]);
    expect(evaluatePartition(w, rules, 'g', endOf(w))).toMatchObject({ status: 'STOP', reason: 'no-consumer' });
    expect(evaluatePartition(w, { ...rules, fastStop: false }, 'g', endOf(w)).status).toBe('OK');
  });

  it('Given a consumer that moved then showed no sign of life for longer than the window spans, When evaluated, Then STOP by time', () => {
    // Offsets moved until the 3rd sample (t=10 s), then nothing; ownership unknown (describe failed).
    const w = windowOf([[0, 30, 'unknown'], [10, 30, 'unknown'], [20, 40, 'unknown'], [20, 50, 'unknown'], [20, 60, 'unknown']]);
    // last activity at +10 s, window start at 0: STOP once now − 10 s > 10 s.
    expect(evaluatePartition(w, rules, 'g', endOf(w)).status).not.toBe('STOP');
    expect(evaluatePartition(w, rules, 'g', w[2]!.at + 10_001)).toMatchObject({ status: 'STOP', reason: 'no-commit-for-window' });
  });

  it('Given the lag was zero at the last activity (Burrow checkIfRecentLagZero), When the time rule would fire, Then not STOP', () => {
    const w = windowOf([[0, 20, 'unknown'], [20, 20, 'unknown'], [20, 21, 'unknown'], [20, 22, 'unknown']]);
    expect(evaluatePartition(w, rules, 'g', endOf(w, 60_000)).status).not.toBe('STOP');
  });

  it('Given a committed offset that went back and has not recovered, When evaluated, Then REWIND', () => {
    const w = windowOf([[40, 50], [50, 50], [0, 55], [5, 60], [10, 60]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w))).toMatchObject({ status: 'REWIND', reason: 'offset-went-back' });
  });

  it('Given a rewound offset that passed its old high again, When evaluated, Then no longer REWIND', () => {
    const w = windowOf([[40, 80], [0, 80], [30, 80], [60, 80], [70, 80]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w)).status).toBe('OK');
  });

  it('Given lag at every sample and an offset that never moved while a member holds it, When evaluated, Then STALL', () => {
    const w = windowOf([[10, 20], [10, 25], [10, 30], [10, 30], [10, 31]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w))).toMatchObject({ status: 'STALL', reason: 'offset-unchanged' });
  });

  it('Given lag at every sample that never decreased while the offset moves, When evaluated, Then WARN (a slow consumer)', () => {
    const w = windowOf([[0, 10], [5, 20], [10, 30], [15, 40], [20, 50]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w))).toMatchObject({ status: 'WARN', reason: 'lag-not-decreasing' });
  });

  it('Given lag that decreased once inside the window, When evaluated, Then OK (progressing)', () => {
    const w = windowOf([[0, 10], [5, 20], [18, 25], [20, 35], [25, 45]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w))).toMatchObject({ status: 'OK', reason: 'progressing' });
  });

  it('Given fewer samples than minSamples, When the lag would be STALL, Then OK and marked incomplete', () => {
    const w = windowOf([[10, 20], [10, 25]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w))).toEqual({ status: 'OK', reason: 'window-incomplete', complete: 0.4 });
  });

  it('Given a group that never committed, When evaluated, Then its lag counts from the earliest retained offset', () => {
    const w = windowOf([[null, 30], [null, 30], [null, 30]], { low: 30 });
    expect(evaluatePartition(w, rules, 'g', endOf(w)).status).toBe('OK');
    const lagging = windowOf([[null, 30], [null, 31], [null, 32]], { low: 0 });
    expect(evaluatePartition(lagging, rules, 'g', endOf(lagging)).status).toBe('STALL');
  });

  it('Given STOP and REWIND both apply, When evaluated, Then STOP wins (Burrow order)', () => {
    const w = windowOf([[40, 50, 'member'], [0, 50, 'none']]);
    expect(evaluatePartition(w, rules, 'g', endOf(w)).status).toBe('STOP');
  });
});

describe('evaluatePartition with transaction markers', () => {
  const rules: LagRules = { ...DEFAULT_RULES, windowSize: 3, minSamples: 3 };

  it('Given a lag of 1 that never moves, When the pending offset is only a commit marker, Then OK (nothing to read), else STALL', () => {
    const w = windowOf([[5, 6], [5, 6], [5, 6]]);
    expect(evaluatePartition(w, rules, 'g', endOf(w), { onlyMarkersPending: true })).toMatchObject({ status: 'OK', reason: 'only-transaction-markers' });
    expect(evaluatePartition(w, rules, 'g', endOf(w))).toMatchObject({ status: 'STALL' });
  });
});
