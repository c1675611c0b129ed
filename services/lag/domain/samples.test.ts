import { appendSample, lagOf, pushBounded } from './samples';
import { windowOf } from '../testing/sample-window';

describe('window of samples', () => {
  const rules = { windowSize: 3, minDistanceMs: 1000 };

  it('Given a full window, When a sample arrives, Then the oldest falls out', () => {
    const w = windowOf([[1, 5], [2, 5], [3, 5]]);
    const next = appendSample(w, { at: w[2]!.at + 5000, committed: 4, logEnd: 5, low: 0, owner: 'member' }, rules);
    expect(next.map((s) => s.committed)).toEqual([2, 3, 4]);
  });

  it('Given a sample closer than min-distance to the last one, When appended, Then it replaces the last (request-time samples do not flood the window)', () => {
    const w = windowOf([[1, 5], [2, 5]]);
    const next = appendSample(w, { at: w[1]!.at + 200, committed: 3, logEnd: 9, low: 0, owner: 'member' }, rules);
    expect(next.map((s) => [s.committed, s.logEnd])).toEqual([[1, 5], [3, 9]]);
  });

  it('Given a sample older than the newest, When appended, Then it is ignored', () => {
    const w = windowOf([[1, 5], [2, 5]]);
    expect(appendSample(w, { at: w[0]!.at, committed: 9, logEnd: 9, low: 0, owner: 'member' }, rules)).toEqual(w);
  });

  it('Given offsets, When lag is computed, Then it is log-end minus committed, or minus the low offset without a commit', () => {
    expect(lagOf({ committed: 7, logEnd: 12, low: 0 })).toBe(5);
    expect(lagOf({ committed: null, logEnd: 12, low: 4 })).toBe(8);
    expect(lagOf({ committed: 12, logEnd: 12, low: 0 })).toBe(0);
  });

  it('Given a bounded history, When pushed past its size, Then only the newest remain', () => {
    expect(pushBounded([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
  });
});
